import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseContext, type DiscoveryDb } from '../../../../renderer/db';
import { createErrorLogRepository } from '../../../../renderer/db/repositories/error-log-repository';
import { setErrorLogSink } from '../../../../renderer/errors/error-log';
import { userMessage } from '../../../../renderer/errors/user-message';
import { LocalLogPanel } from '../../../../renderer/features/settings/local-log-panel';
import { PlatformProvider, type Platform } from '../../../../renderer/platform';
import { createBrowserPlatform } from '../../../../renderer/platform/browser-platform';
import type { SaveFileRequest } from '../../../../shared/ipc/contract';
import { ok } from '../../../../shared/ipc/result';
import { toErrorLogEntry } from '../../../../shared/errors/error-log-entry';
import { openTestDatabase } from '../../db/open-test-database';

const NOTE_BODY = 'Priya said the staging cluster loses our queue every Friday';

afterEach(() => setErrorLogSink(null));

function renderPanel(db: DiscoveryDb, platform: Platform) {
  return render(
    <PlatformProvider platform={platform}>
      <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
        <MemoryRouter>
          <LocalLogPanel />
        </MemoryRouter>
      </DatabaseContext.Provider>
    </PlatformProvider>,
  );
}

describe('the local log in browser mode', () => {
  it('keeps only the newest entries, deleting the oldest', async () => {
    const db = await openTestDatabase('error-log-cap');
    const log = createErrorLogRepository(db, { maxEntries: 3 });
    for (let n = 1; n <= 5; n += 1) await log.append(toErrorLogEntry(new Error(`failure ${n}`), 'test', { id: `e${n}`, loggedAt: n, appVersion: '1' }));
    expect((await log.list()).map((entry) => entry.id)).toEqual(['e5', 'e4', 'e3']);
  });

  it('logs an unexpected error shown to someone, without the note text, and Settings lists, saves and clears it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = await openTestDatabase('error-log-panel');
    setErrorLogSink(createErrorLogRepository(db));
    const saved: SaveFileRequest[] = [];
    const platform: Platform = {
      ...createBrowserPlatform(document),
      saveFile: async (request) => {
        saved.push(request);
        return ok({ path: request.suggestedName });
      },
    };
    renderPanel(db, platform);
    const user = userEvent.setup();
    expect(await screen.findByText('Nothing logged: no unexpected error has happened here.')).toBeTruthy();

    const shown = userMessage(new TypeError(`Cannot read properties of undefined (reading "${NOTE_BODY}")`), 'saving the note');
    expect(shown).not.toContain('Priya');
    await waitFor(async () => expect(await db.errorLog.count()).toBe(1));
    expect(JSON.stringify(await db.errorLog.toArray())).not.toContain('Priya');

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    const list = await screen.findByRole('list', { name: 'Logged errors' });
    expect(list.textContent).toContain('saving the note · version 0.0.0-test');
    expect(list.textContent).toContain('TypeError: Cannot read properties of undefined (reading "…")');

    await user.click(screen.getByRole('button', { name: 'Save log to a file…' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Log saved as discovery-desk-log-\d{4}-\d{2}-\d{2}\.txt\.$/);
    const text = new TextDecoder().decode(saved[0]?.bytes);
    expect(text).toContain('v0.0.0-test  saving the note\n  TypeError: Cannot read properties of undefined (reading "…")');
    expect(text).not.toContain('Priya');

    await user.click(screen.getByRole('button', { name: 'Clear log' }));
    expect(await screen.findByText('Nothing logged: no unexpected error has happened here.')).toBeTruthy();
    expect(await db.errorLog.count()).toBe(0);
  });
});
