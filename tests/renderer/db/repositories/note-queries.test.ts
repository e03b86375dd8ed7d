import { describe, expect, it, vi } from 'vitest';
import { createNotesRepository, type NewNote } from '../../../../renderer/db/repositories/notes-repository';
import { EMPTY_RICH_TEXT_DOC } from '../../../../shared/domain/rich-text';
import { compareNewestFirst, matchesNoteFilter, type NoteFilter } from '../../../../shared/domain/note-filter';
import { CHANNEL_IDS } from '../../../../shared/domain/channel';
import { openTestDatabase } from '../open-test-database';
import { createTestDependencies } from '../create-test-dependencies';

const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 1);

function note(index: number, overrides: Partial<NewNote> = {}): NewNote {
  return {
    channel: CHANNEL_IDS[index % CHANNEL_IDS.length] ?? 'coffee-chat',
    title: `Note ${index}`,
    body: EMPTY_RICH_TEXT_DOC,
    occurredAt: start + (index % 40) * DAY,
    personIds: [`person-${index % 7}`],
    teams: [`team-${index % 3}`],
    organisation: `org-${index % 2}`,
    tags: index % 5 === 0 ? ['latency', 'ci'] : ['ci'],
    ...overrides,
  };
}

async function seeded(count: number) {
  const db = await openTestDatabase('note-queries');
  const notes = createNotesRepository(db, createTestDependencies());
  await notes.ensureCounts();
  const created = await notes.createMany(Array.from({ length: count }, (_, index) => note(index)));
  return { db, notes, created };
}

describe('notes.query', () => {
  const filters: [string, NoteFilter][] = [
    ['no filter', {}],
    ['a channel', { channel: 'sla' }],
    ['a date range', { from: start + 10 * DAY, to: start + 20 * DAY }],
    ['a channel and a date range', { channel: 'research', from: start + 5 * DAY, to: start + 30 * DAY }],
    ['a person', { personId: 'person-3' }],
    ['a tag and a team', { tag: 'latency', team: 'team-1' }],
    ['everything at once', { channel: 'coffee-chat', personId: 'person-0', team: 'team-0', organisation: 'org-0', tag: 'ci', from: start, to: start + 39 * DAY }],
    ['nothing matching', { tag: 'no-such-tag' }],
  ];

  it.each(filters)('returns exactly the newest matches for %s, combined with AND', async (_name, filter) => {
    const { notes, created } = await seeded(230);
    const expected = created.filter((candidate) => matchesNoteFilter(candidate, filter)).sort(compareNewestFirst);
    const result = await notes.query(filter, 25);
    expect(result.notes.map((row) => row.id)).toEqual(expected.slice(0, 25).map((row) => row.id));
    if (result.total !== null) expect(result.total).toBe(expected.length);
  });

  it('reads only the requested page when no selective filter is set', async () => {
    const { db, notes } = await seeded(300);
    const bulkGet = vi.spyOn(db.notes, 'bulkGet');
    const toArray = vi.spyOn(db.notes, 'toArray');
    const result = await notes.query({}, 20);
    expect(result.notes).toHaveLength(20);
    expect(result.total).toBe(300);
    expect(bulkGet).not.toHaveBeenCalled();
    expect(toArray).not.toHaveBeenCalled();
  });

  it('refuses a page size below one', async () => {
    const { notes } = await seeded(1);
    await expect(notes.query({}, 0)).rejects.toThrow(RangeError);
  });
});

describe('channel and autocomplete queries', () => {
  it('gives the newest date per used channel only', async () => {
    const db = await openTestDatabase('last-used');
    const notes = createNotesRepository(db, createTestDependencies());
    await notes.createMany([note(0, { channel: 'sla', occurredAt: start }), note(1, { channel: 'sla', occurredAt: start + 3 * DAY }), note(2, { channel: 'research', occurredAt: start + DAY })]);
    expect(await notes.lastUsedByChannel()).toEqual(new Map([['sla', start + 3 * DAY], ['research', start + DAY]]));
  });

  it('lists one channel newest first, and distinct tags, teams and organisations sorted', async () => {
    const { notes } = await seeded(40);
    const sla = await notes.listChannel('sla');
    expect(sla.every((row) => row.channel === 'sla')).toBe(true);
    expect(sla.map((row) => row.occurredAt)).toEqual([...sla.map((row) => row.occurredAt)].sort((a, b) => b - a));
    expect(await notes.distinctValues('tags')).toEqual(['ci', 'latency']);
    expect(await notes.distinctValues('teams')).toEqual(['team-0', 'team-1', 'team-2']);
    expect(await notes.distinctValues('organisation')).toEqual(['org-0', 'org-1']);
  });
});
