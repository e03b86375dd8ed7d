import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncedTable } from '../../../shared/sync/synced-tables';
import { createMemoryClient, MemoryRows, MemoryServer, settle, type MemoryClient } from './memory-team';

const note = (id: string, title: string, extra: Record<string, unknown> = {}) => ({ id, title, channel: 'coffee-chat', tags: [] as string[], occurredAt: 1, ...extra });

function clock(): () => number {
  let time = 1_000_000;
  // Each reading ten minutes on: no two changes fall into one history entry unless a test wants it.
  return () => (time += 10 * 60_000);
}

async function team(count: number, rows: MemoryRows[] = []): Promise<{ server: MemoryServer; clients: MemoryClient[] }> {
  const server = new MemoryServer();
  const now = clock();
  const clients = Array.from({ length: count }, (_, index) => createMemoryClient(server, `m${index}`, now, rows[index]));
  for (const client of clients) await client.engine.start();
  return { server, clients };
}

function tableOf(client: MemoryClient, table: SyncedTable): Record<string, unknown> {
  return Object.fromEntries([...client.rows.table(table)].sort(([a], [b]) => a.localeCompare(b)));
}

describe('sync engine', () => {
  it('brings a note made on one replica to the others, with its derived fields rebuilt there', async () => {
    const { clients } = await team(3);
    const [a, b, c] = clients as [MemoryClient, MemoryClient, MemoryClient];
    a.rows.put('notes', note('n1', 'Coffee with Ada'));
    await settle(clients);
    expect(b.rows.table('notes').get('n1')).toEqual({ ...note('n1', 'Coffee with Ada'), plainText: 'derived:Coffee with Ada' });
    expect(tableOf(c, 'notes')).toEqual(tableOf(a, 'notes'));
  });

  it('merges edits of different fields and keeps the overwritten value of the same field in the history', async () => {
    const { clients } = await team(2);
    const [a, b] = clients as [MemoryClient, MemoryClient];
    a.rows.put('notes', note('n1', 'First'));
    await settle(clients);
    a.docs.setOnline(false);
    b.docs.setOnline(false);
    a.rows.put('notes', { ...a.rows.table('notes').get('n1'), title: 'Title by A', tags: ['a'] });
    b.rows.put('notes', { ...b.rows.table('notes').get('n1'), title: 'Title by B', occurredAt: 7 });
    await settle(clients);
    a.docs.setOnline(true);
    b.docs.setOnline(true);
    await settle(clients);
    const merged = a.rows.table('notes').get('n1');
    expect(b.rows.table('notes').get('n1')).toEqual(merged);
    expect(merged).toMatchObject({ tags: ['a'], occurredAt: 7 });
    expect(['Title by A', 'Title by B']).toContain(merged?.title);
    const history = await a.engine.historyOf('notes', 'n1');
    const titles = history.filter((entry) => entry.field === 'title');
    expect(titles.map((entry) => [entry.value, entry.previous, entry.memberId]).sort()).toEqual([
      ['Title by A', 'First', 'm0'],
      ['Title by B', 'First', 'm1'],
    ]);
    expect(history[0]).toMatchObject({ field: '$created', memberId: 'm0', memberName: 'Member m0' });
  });

  it('propagates a delete as a tombstone, and the undo brings the row back everywhere', async () => {
    const { clients } = await team(2);
    const [a, b] = clients as [MemoryClient, MemoryClient];
    a.rows.put('notes', note('n1', 'Doomed'));
    await settle(clients);
    const stored = a.rows.table('notes').get('n1');
    b.rows.delete('notes', 'n1');
    await settle(clients);
    expect(a.rows.table('notes').has('n1')).toBe(false);
    if (stored === undefined) throw new Error('the note was not stored');
    b.rows.put('notes', stored);
    await settle(clients);
    expect(a.rows.table('notes').get('n1')).toEqual(stored);
    expect((await a.engine.historyOf('notes', 'n1')).map((entry) => entry.field)).toEqual(['$created', '$deleted', '$restored']);
  });

  it('keeps a frozen round snapshot: a change to a card’s copy from elsewhere is refused and undone everywhere', async () => {
    const { clients } = await team(2);
    const [a, b] = clients as [MemoryClient, MemoryClient];
    const card = { id: 'c1', roundId: 'r1', source: { kind: 'note', noteId: 'n1' }, position: 0, snapshot: { title: 'As it was', excerpt: 'x' } };
    a.rows.put('cards', card);
    await settle(clients);
    b.docs.setOnline(false);
    b.rows.put('cards', { ...card, snapshot: { title: 'Rewritten', excerpt: 'y' }, position: 3 });
    await settle(clients);
    b.docs.setOnline(true);
    await settle(clients);
    expect(a.rows.table('cards').get('c1')).toEqual({ ...card, position: 3 });
    expect(b.rows.table('cards').get('c1')).toEqual({ ...card, position: 3 });
    expect(await b.engine.teamRow('cards', 'c1')).toEqual({ ...card, position: 3 });
  });

  it('shares team settings but not this device’s', async () => {
    const { clients } = await team(2);
    const [a, b] = clients as [MemoryClient, MemoryClient];
    a.rows.put('settings', { key: 'researchBudget', value: { personPer30Days: 2 } });
    a.rows.put('settings', { key: 'theme', value: 'dark' });
    await settle(clients);
    expect(tableOf(b, 'settings')).toEqual({ researchBudget: { key: 'researchBudget', value: { personPer30Days: 2 } } });
  });

  it('chunks survey responses per survey and brings them to a replica that learns of the survey', async () => {
    const { clients } = await team(2);
    const [a, b] = clients as [MemoryClient, MemoryClient];
    a.rows.put('surveys', { id: 's1', title: 'Q3 survey' });
    for (let index = 0; index < 10; index += 1) a.rows.put('surveyResponses', { id: `resp${index}`, surveyId: 's1', respondentKey: `k${index}` });
    await settle(clients);
    expect(b.rows.table('surveyResponses').size).toBe(10);
    a.rows.delete('surveyResponses', 'resp3');
    await settle(clients);
    expect(b.rows.table('surveyResponses').has('resp3')).toBe(false);
    expect(await a.engine.historyOf('surveyResponses', 'resp4')).toEqual([]);
  });
});

describe('joining with an existing local workspace', () => {
  it('merges two workspaces that share nothing: everything on both, once', async () => {
    const rowsA = new MemoryRows();
    const rowsB = new MemoryRows();
    rowsA.table('notes').set('a1', note('a1', 'From A'));
    rowsB.table('notes').set('b1', note('b1', 'From B'));
    rowsB.table('contacts').set('p1', { id: 'p1', name: 'Ada' });
    const server = new MemoryServer();
    const now = clock();
    const a = createMemoryClient(server, 'm0', now, rowsA);
    await a.engine.start({ pauseRemote: true });
    await a.engine.mergeLocalWorkspace();
    const b = createMemoryClient(server, 'm1', now, rowsB);
    await b.engine.start({ pauseRemote: true });
    await b.engine.mergeLocalWorkspace();
    await settle([a, b]);
    expect(Object.keys(tableOf(a, 'notes'))).toEqual(['a1', 'b1']);
    expect(tableOf(a, 'notes')).toEqual(tableOf(b, 'notes'));
    expect(tableOf(a, 'contacts')).toEqual(tableOf(b, 'contacts'));
  });

  it('merges two workspaces restored from the same backup without doubling or rewriting anything', async () => {
    const backup = [note('n1', 'Shared'), note('n2', 'Also shared', { tags: ['x'] })];
    const rowsA = new MemoryRows();
    const rowsB = new MemoryRows();
    for (const row of backup) {
      rowsA.table('notes').set(row.id, row);
      rowsB.table('notes').set(row.id, row);
    }
    rowsB.table('notes').set('n3', note('n3', 'Only on B'));
    const server = new MemoryServer();
    const now = clock();
    const a = createMemoryClient(server, 'm0', now, rowsA);
    await a.engine.start({ pauseRemote: true });
    await a.engine.mergeLocalWorkspace();
    const b = createMemoryClient(server, 'm1', now, rowsB);
    await b.engine.start({ pauseRemote: true });
    await b.engine.mergeLocalWorkspace();
    await settle([a, b]);
    expect(tableOf(a, 'notes')).toEqual(tableOf(b, 'notes'));
    expect(a.rows.table('notes').size).toBe(3);
    // B found the shared rows already there, equal: it wrote nothing for them.
    expect((await a.engine.historyOf('notes', 'n1')).map((entry) => [entry.field, entry.memberId])).toEqual([['$created', 'm0']]);
  });
});

describe('random workloads (seeded)', () => {
  type Command =
    | { readonly kind: 'put'; readonly client: number; readonly id: number; readonly title: string; readonly tag: string }
    | { readonly kind: 'delete'; readonly client: number; readonly id: number }
    | { readonly kind: 'offline' | 'online'; readonly client: number };
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ kind: fc.constant('put' as const), client: fc.integer({ min: 0, max: 2 }), id: fc.integer({ min: 0, max: 5 }), title: fc.string({ maxLength: 6 }), tag: fc.constantFrom('a', 'b', 'c') }),
    fc.record({ kind: fc.constant('delete' as const), client: fc.integer({ min: 0, max: 2 }), id: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ kind: fc.constantFrom('offline' as const, 'online' as const), client: fc.integer({ min: 0, max: 2 }) }),
  );

  it('converge after healing: every replica holds the same rows as the team documents, and every value written is in the history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 30 }), async (commands) => {
        const { clients } = await team(3);
        const written = new Map<string, Set<string>>();
        for (const step of commands) {
          const client = clients[step.client];
          if (client === undefined) continue;
          if (step.kind === 'offline') client.docs.setOnline(false);
          else if (step.kind === 'online') client.docs.setOnline(true);
          else if (step.kind === 'delete') client.rows.delete('notes', `n${step.id}`);
          else if (step.kind === 'put') {
            const current = client.rows.table('notes').get(`n${step.id}`);
            client.rows.put('notes', { ...note(`n${step.id}`, step.title), ...current, title: step.title, tags: [step.tag] });
            const titles = written.get(`n${step.id}`) ?? new Set();
            titles.add(step.title);
            written.set(`n${step.id}`, titles);
          }
          await settle(clients);
        }
        for (const client of clients) client.docs.setOnline(true);
        await settle(clients);
        const [first, ...others] = clients as [MemoryClient, ...MemoryClient[]];
        for (const other of others) expect(tableOf(other, 'notes')).toEqual(tableOf(first, 'notes'));
        for (const [key, row] of first.rows.table('notes')) {
          expect(await first.engine.teamRow('notes', key)).toEqual({ id: row.id, title: row.title, channel: row.channel, tags: row.tags, occurredAt: row.occurredAt });
        }
        for (const [key, titles] of written) {
          const history = await first.engine.historyOf('notes', key);
          const seen = new Set(history.flatMap((entry) => (entry.field === 'title' || entry.field === '$created' ? [entry.value] : [])));
          const current = first.rows.table('notes').get(key)?.title ?? (await first.engine.teamRow('notes', key))?.title;
          for (const title of titles) {
            // A title written is current, or in the history (as a change's value), or was set by a create or restore.
            if (title !== current && !seen.has(title)) expect(history.some((entry) => entry.field === '$created' || entry.field === '$restored')).toBe(true);
          }
        }
      }),
      { seed: 18, numRuns: 25 },
    );
  }, 120_000);
});
