import { act, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createContactImportSession, type ContactImportProgress } from '../../../../renderer/contacts';
import type { ContactImportPort } from '../../../../renderer/contacts/contact-import-client';
import type { ContactImportReply } from '../../../../renderer/contacts/contact-import-protocol';
import { createContactImportService } from '../../../../renderer/contacts/contact-import-service';
import { DatabaseContext, type DiscoveryDb } from '../../../../renderer/db';
import { ImportContactsDialog } from '../../../../renderer/features/people/import-contacts-dialog';
import { PlatformProvider, type Platform } from '../../../../renderer/platform';
import { ok } from '../../../../shared/ipc/result';
import { openTestDatabase } from '../../db/open-test-database';

/** The worker's service in this thread, answering as a worker does: a message at a time, never in the same task. */
function inProcessPort(db: DiscoveryDb, onReply: (reply: ContactImportReply) => void = () => undefined): ContactImportPort {
  const port: ContactImportPort = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      setTimeout(() => void service.handle(message), 0);
    },
    terminate() {
      port.onmessage = null;
    },
  };
  const service = createContactImportService(
    (reply) => {
      onReply(reply);
      const deliver = port.onmessage;
      setTimeout(() => deliver?.(new MessageEvent<ContactImportReply>('message', { data: reply })), 0);
    },
    { openDb: async () => db, progressIntervalMs: 0 },
  );
  return port;
}

function contactsFile(count: number): Uint8Array {
  const lines = ['Name,Email'];
  for (let index = 0; index < count; index += 1) lines.push(`Person ${index},person${index}@example.com`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

function renderDialog(db: DiscoveryDb, bytes: Uint8Array, onReply?: (reply: ContactImportReply) => void) {
  const platform = { openFile: async () => ok({ name: 'people.csv', bytes }) } as unknown as Platform;
  const createSession = (onProgress: (update: ContactImportProgress) => void) => createContactImportSession(onProgress, { createPort: () => inProcessPort(db, onReply) });
  return render(
    <PlatformProvider platform={platform}>
      <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
        <MemoryRouter>
          <ImportContactsDialog isOpen onClose={() => undefined} createSession={createSession} />
        </MemoryRouter>
      </DatabaseContext.Provider>
    </PlatformProvider>,
  );
}

// Thousands of rows through fake IndexedDB in jsdom: seconds when idle, much longer on a loaded machine.
describe('ImportContactsDialog', () => {
  it('reads, checks and writes in the worker, showing progress with rows counted', { timeout: 240_000 }, async () => {
    const db = await openTestDatabase('contacts-dialog-import');
    const { container } = renderDialog(db, contactsFile(2_500));
    const dialog = container.querySelector('dialog') as HTMLElement;
    await act(async () => within(dialog).getByRole('button', { name: 'Choose a file…', hidden: true }).click());
    const importButton = await within(dialog).findByRole('button', { name: 'Import 2,500 contacts', hidden: true }, { timeout: 90_000 });
    await act(async () => importButton.click());
    await within(dialog).findByText(/^Importing… \d+% \([\d,]+ of 2,500 contacts\)$/, {}, { timeout: 90_000 });
    await within(dialog).findByText('2,500 contacts added, 0 updated.', {}, { timeout: 90_000 });
    expect(await db.contacts.count()).toBe(2_500);
  });

  it('Cancel while importing leaves nothing written and says so', { timeout: 240_000 }, async () => {
    const db = await openTestDatabase('contacts-dialog-cancel');
    let wroteAChunk: () => void = () => undefined;
    const firstChunk = new Promise<void>((resolve) => {
      wroteAChunk = resolve;
    });
    const { container } = renderDialog(db, contactsFile(5_000), (reply) => {
      if (reply.type === 'progress' && reply.stage === 'writing' && reply.done > 0) wroteAChunk();
    });
    const dialog = container.querySelector('dialog') as HTMLElement;
    await act(async () => within(dialog).getByRole('button', { name: 'Choose a file…', hidden: true }).click());
    const importButton = await within(dialog).findByRole('button', { name: 'Import 5,000 contacts', hidden: true }, { timeout: 90_000 });
    await act(async () => importButton.click());
    await firstChunk;
    await act(async () => within(dialog).getByRole('button', { name: 'Cancel', hidden: true }).click());
    await within(dialog).findByText('Cancelled; nothing was imported.', {}, { timeout: 90_000 });
    await waitFor(() => expect(dialog.getAttribute('data-import-state')).toBe('preview'));
    expect(await db.contacts.count()).toBe(0);
    expect(screen.queryByText(/contacts added/)).toBeNull();
  });
});
