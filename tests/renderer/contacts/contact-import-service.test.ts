import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../renderer/db';
import type { ContactImportReply, ContactImportRequest } from '../../../renderer/contacts/contact-import-protocol';
import { createContactImportService } from '../../../renderer/contacts/contact-import-service';
import { MAX_CONTACT_COLUMNS } from '../../../shared/limits/input-limits';
import { openTestDatabase } from '../db/open-test-database';

const encode = (text: string): ArrayBuffer => new TextEncoder().encode(text).slice().buffer;

/** A contacts file of `count` people, each with a unique email. */
function contactsFile(count: number): string {
  const lines = ['Name,Email,Team'];
  for (let index = 0; index < count; index += 1) lines.push(`Person ${index},person${index}@example.com,Team ${index % 7}`);
  return `${lines.join('\n')}\n`;
}

async function setUp(label: string) {
  const db = await openTestDatabase(label);
  const replies: ContactImportReply[] = [];
  const service = createContactImportService((reply) => replies.push(reply), { openDb: async () => db, progressIntervalMs: 0 });
  const ask = async (request: ContactImportRequest) => {
    const from = replies.length;
    await service.handle(request);
    return replies.slice(from).filter((reply) => reply.type !== 'progress');
  };
  return { db, replies, service, ask };
}

describe('contact import service', () => {
  it('reads a file into a preview with guessed columns, plans it against stored contacts and writes it', { timeout: 30_000 }, async () => {
    const { db, replies, ask } = await setUp('contact-service-ok');
    await createRepositories(db).people.importContacts({ create: [{ name: 'Stored', email: 'person1@example.com' }], update: [], skipped: 0 });

    const [preview] = await ask({ type: 'read', databaseName: 'x', fileName: 'people.csv', bytes: encode(contactsFile(5)) });
    expect(preview).toMatchObject({ type: 'preview', preview: { fileName: 'people.csv', headers: ['Name', 'Email', 'Team'], rowCount: 5, roles: ['name', 'email', 'team'] } });

    const [plan] = await ask({ type: 'plan', roles: ['name', 'email', 'team'] });
    expect(plan).toMatchObject({
      type: 'plan',
      plan: { problemCount: 0, duplicateCount: 1, counts: { skip: { written: 4, skipped: 1 }, update: { written: 5, skipped: 0 }, create: { written: 5, skipped: 0 } } },
    });

    const [done] = await ask({ type: 'import', roles: ['name', 'email', 'team'], choice: 'skip' });
    expect(done).toEqual({ type: 'imported', created: 4, updated: 0, skipped: 1 });
    expect(await db.contacts.count()).toBe(5);
    expect(replies.some((reply) => reply.type === 'progress' && reply.stage === 'writing' && reply.done === 4 && reply.total === 4)).toBe(true);
  });

  it('counts the rows it checks and the contacts it writes in progress messages', { timeout: 60_000 }, async () => {
    const { replies, ask } = await setUp('contact-service-progress');
    await ask({ type: 'read', databaseName: 'x', fileName: 'people.csv', bytes: encode(contactsFile(12_000)) });
    await ask({ type: 'import', roles: ['name', 'email', 'team'], choice: 'skip' });
    const progress = replies.flatMap((reply) => (reply.type === 'progress' ? [reply] : []));
    // Reading says how much of the file is split into rows, rising to the whole of it (a percent, not a moving bar).
    const reading = progress.filter((reply) => reply.stage === 'reading');
    const total = reading[0]?.total ?? 0;
    expect(total).toBeGreaterThan(12_000 * 30);
    expect(reading.every((reply) => reply.total === total)).toBe(true);
    expect(reading.length).toBeGreaterThan(10);
    expect(reading.map((reply) => reply.done)).toEqual([...reading.map((reply) => reply.done)].sort((a, b) => a - b));
    expect(reading.at(-1)?.done).toBe(total);
    expect(progress.filter((reply) => reply.stage === 'checking').map((reply) => reply.done)).toEqual([0, 5_000, 10_000, 12_000]);
    expect(progress.filter((reply) => reply.stage === 'writing').map((reply) => reply.done)).toEqual([0, 2_000, 4_000, 6_000, 8_000, 10_000, 12_000]);
  });

  it('cancelled while writing, aborts its one transaction: nothing is written', { timeout: 60_000 }, async () => {
    const { db, replies, service } = await setUp('contact-service-cancel');
    await service.handle({ type: 'read', databaseName: 'x', fileName: 'people.csv', bytes: encode(contactsFile(10_000)) });
    let cancel: Promise<void> | undefined;
    const importing = service.handle({ type: 'import', roles: ['name', 'email', 'team'], choice: 'skip' });
    // Cancel as soon as the first chunk is written, as the Cancel button does mid-import.
    await new Promise<void>((resolve) => {
      const poll = () => {
        if (replies.some((reply) => reply.type === 'progress' && reply.stage === 'writing' && reply.done > 0)) {
          cancel = service.handle({ type: 'cancel' });
          resolve();
        } else setTimeout(poll, 0);
      };
      poll();
    });
    await Promise.all([importing, cancel]);
    expect(replies.at(-1)).toEqual({ type: 'cancelled' });
    expect(await db.contacts.count()).toBe(0);
  });

  it('refuses a 200,000-column file from its header line, with both numbers, and plans nothing', { timeout: 60_000 }, async () => {
    const { ask } = await setUp('contact-service-wide');
    const [failed] = await ask({ type: 'read', databaseName: 'x', fileName: 'wide.csv', bytes: encode(`${'Field,'.repeat(199_999)}Field\nAda\n`) });
    expect(failed).toEqual({
      type: 'failed',
      problem: { row: null, message: expect.stringContaining(`This file has 200,000 columns on line 1; the most Discovery Desk reads is ${MAX_CONTACT_COLUMNS.toLocaleString('en-US')}.`) },
    });
    expect(await ask({ type: 'plan', roles: ['name'] })).toEqual([{ type: 'failed', problem: { row: null, message: 'No file has been read yet; choose the file again.' } }]);
  });
});
