import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DatabaseGate } from '../../../renderer/app/database-gate';
import type { RecoverySource } from '../../../renderer/app/workspace-recovery';
import { DiscoveryDb, openDatabase, useDatabase, type OpenDatabaseResult } from '../../../renderer/db';
import { CURRENT_SCHEMA_VERSION, schemaVersions } from '../../../renderer/db/schema/versions';
import { createBrowserPlatform } from '../../../renderer/platform/browser-platform';
import { PlatformProvider, type Platform } from '../../../renderer/platform';
import { ok } from '../../../shared/ipc/result';
import { WorkspaceFileError } from '../../../shared/backup/workspace-format';
import { readRawRows, seedDatabase } from '../db/migration-harness';

function Workspace() {
  const { isReadOnly } = useDatabase();
  return <p>Workspace open{isReadOnly ? ', read-only' : ''}</p>;
}

const uniqueName = () => `gate-${Math.random().toString(36).slice(2)}`;

describe('DatabaseGate', () => {
  it('renders the app once the workspace is open', async () => {
    const db = new DiscoveryDb(uniqueName());
    render(
      <DatabaseGate isBrowserMode={false} open={() => Promise.resolve({ db, status: 'ready' })}>
        <Workspace />
      </DatabaseGate>,
    );
    expect(screen.getByRole('status').textContent).toContain('Opening your workspace');
    expect(await screen.findByText('Workspace open')).toBeTruthy();
  });

  it('keeps a workspace saved by a newer build readable but read-only, and says why', async () => {
    const db = new DiscoveryDb(uniqueName());
    const result: OpenDatabaseResult = { db, status: { kind: 'newer-schema', storedVersion: 3, appVersion: 1 } };
    render(
      <DatabaseGate isBrowserMode={false} open={() => Promise.resolve(result)}>
        <Workspace />
      </DatabaseGate>,
    );
    expect(await screen.findByText('Workspace open, read-only')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('saved by a newer version of Discovery Desk (schema 3)');
    expect(alert.textContent).toContain('will not change it');
  });

  it('shows a recovery screen instead of the app when the workspace cannot be opened', async () => {
    const error = new Error('UpgradeError: migration to version 2 failed');
    render(
      <PlatformProvider platform={createBrowserPlatform(document)}>
        <DatabaseGate isBrowserMode={false} open={() => Promise.resolve({ db: null, status: { kind: 'failed', error } })}>
          <Workspace />
        </DatabaseGate>
      </PlatformProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your workspace could not be opened');
    expect(alert.textContent).toContain('Nothing was changed');
    expect(alert.textContent).toContain('migration to version 2 failed');
    expect(screen.queryByText(/Workspace open/)).toBeNull();
  });

  it('asks the browser to keep the data in browser mode only', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    Object.defineProperty(navigator, 'storage', { value: { persist, persisted: () => Promise.resolve(false) }, configurable: true });
    try {
      const { unmount } = render(
        <DatabaseGate isBrowserMode={false} open={() => Promise.resolve({ db: new DiscoveryDb(uniqueName()), status: 'ready' })}>
          <Workspace />
        </DatabaseGate>,
      );
      await screen.findByText('Workspace open');
      await Promise.resolve();
      expect(persist).not.toHaveBeenCalled();
      unmount();

      render(
        <DatabaseGate isBrowserMode open={() => Promise.resolve({ db: new DiscoveryDb(uniqueName()), status: 'ready' })}>
          <Workspace />
        </DatabaseGate>,
      );
      await screen.findByText('Workspace open');
      await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    } finally {
      Reflect.deleteProperty(navigator, 'storage');
    }
  });

  it('shows the recovery screen when a migration throws half-way, with the data unchanged, and restores a backup file from there', async () => {
    const name = uniqueName();
    const row = { id: 'n1', title: 'Before the update' };
    await seedDatabase({ name, version: CURRENT_SCHEMA_VERSION, rows: { notes: [row] } });
    const versions = [...schemaVersions, { version: CURRENT_SCHEMA_VERSION + 1, stores: {}, upgrade: () => Promise.reject(new Error('The migration broke.')) }];
    const backup = new Blob(['a backup file']);
    const platform: Platform = { ...createBrowserPlatform(document), openBlob: () => Promise.resolve(ok({ name: 'backup.ddworkspace', blob: backup })) };
    const recover = vi.fn(() => Promise.reject(new WorkspaceFileError('This is not a Discovery Desk workspace file.', 1)));
    render(
      <PlatformProvider platform={platform}>
        <DatabaseGate isBrowserMode open={() => openDatabase(name, { versions })} recover={recover}>
          <Workspace />
        </DatabaseGate>
      </PlatformProvider>,
    );

    expect((await screen.findByRole('heading', { name: 'Your workspace could not be opened' })).textContent).toBeTruthy();
    expect(screen.getByText(/The migration broke/)).toBeTruthy();
    expect(await readRawRows(name, 'notes')).toEqual([row]);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Restore from a file…' }));
    expect(screen.getByRole('group', { name: 'Confirm restore' }).textContent).toContain('backup.ddworkspace');
    await user.click(screen.getByRole('button', { name: 'Replace with this backup' }));
    expect(recover).toHaveBeenCalledTimes(1);
    expect((await screen.findByText(/Nothing was restored/)).textContent).toContain('not a Discovery Desk workspace file');
    expect(await readRawRows(name, 'notes')).toEqual([row]);
  });

  it('offers the desktop app\'s latest automatic backup on the recovery screen and streams it into the restore', async () => {
    const failing = () => Promise.resolve<OpenDatabaseResult>({ db: null, status: { kind: 'failed', error: new Error('The migration broke.') } });
    const opened: string[] = [];
    const backups: NonNullable<Platform['backups']> = {
      create: () => Promise.reject(new Error('not used')),
      list: () =>
        Promise.resolve(
          ok([
            { name: 'discovery-desk-2026-12-05.ddworkspace', createdAt: Date.UTC(2026, 11, 5), size: 13 },
            { name: 'discovery-desk-2026-12-04.ddworkspace', createdAt: Date.UTC(2026, 11, 4), size: 13 },
          ]),
        ),
      open: (backupName) => {
        opened.push(backupName);
        return new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('newest backup'));
            controller.close();
          },
        });
      },
    };
    const platform: Platform = { ...createBrowserPlatform(document), backups };
    const received: string[] = [];
    const recover = vi.fn(async (source: RecoverySource) => {
      received.push(source instanceof Blob ? 'a file' : await new Response(source).text());
      throw new Error('Line 1: This is not a Discovery Desk workspace file.');
    });
    render(
      <PlatformProvider platform={platform}>
        <DatabaseGate isBrowserMode={false} open={failing} recover={recover}>
          <Workspace />
        </DatabaseGate>
      </PlatformProvider>,
    );

    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Restore the latest backup' }));
    expect(screen.getByRole('group', { name: 'Confirm restore' }).textContent).toContain('the latest automatic backup');
    await user.click(screen.getByRole('button', { name: 'Replace with this backup' }));
    expect(await screen.findByText(/Nothing was restored/)).toBeTruthy();
    expect(opened).toEqual(['discovery-desk-2026-12-05.ddworkspace']);
    expect(received).toEqual(['newest backup']);
  });

  it('offers no automatic backup where there is none (browser mode)', async () => {
    const failing = () => Promise.resolve<OpenDatabaseResult>({ db: null, status: { kind: 'failed', error: new Error('Blocked.') } });
    render(
      <PlatformProvider platform={createBrowserPlatform(document)}>
        <DatabaseGate isBrowserMode open={failing}>
          <Workspace />
        </DatabaseGate>
      </PlatformProvider>,
    );
    expect(await screen.findByRole('button', { name: 'Restore from a file…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restore the latest backup' })).toBeNull();
  });
});
