import { CHANNEL_IDS, type Channel } from '../../../shared/domain/channel';
import type { Note } from '../../../shared/domain/note';
import type { DiscoveryDb, MetaRecord } from '../discovery-db';

/**
 * How many notes there are, in total, per channel, and per tag, team and organisation. IndexedDB
 * counts and lists distinct values by walking every key (seconds at 100,000 notes in Chromium),
 * so these are kept in `meta` and adjusted in the same transaction as every note write, by the
 * notes side effects (renderer/db/side-effects), whichever code wrote the notes.
 */
export interface NoteCounts {
  readonly total: number;
  readonly byChannel: ReadonlyMap<Channel, number>;
  readonly tags: ReadonlyMap<string, number>;
  readonly teams: ReadonlyMap<string, number>;
  readonly organisations: ReadonlyMap<string, number>;
}

const VALUE_FIELDS = ['tags', 'teams', 'organisations'] as const;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function readCountMap(value: unknown): Map<string, number> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const counts = new Map<string, number>();
  for (const [key, count] of Object.entries(value)) {
    if (!isCount(count)) return undefined;
    counts.set(key, count);
  }
  return counts;
}

/** The `meta` key of the kept note counts. */
export const NOTE_COUNTS_KEY = 'noteCounts';

/** The stored counts; undefined when missing or malformed (then `recountNotes` rebuilds them). */
export async function readNoteCounts(db: DiscoveryDb): Promise<NoteCounts | undefined> {
  return parseNoteCounts((await db.meta.get(NOTE_COUNTS_KEY))?.value);
}

/** Reads the value of the counts' `meta` row; undefined when missing or malformed. */
export function parseNoteCounts(value: unknown): NoteCounts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const total: unknown = Reflect.get(value, 'total');
  const byChannel = readCountMap(Reflect.get(value, 'byChannel'));
  const [tags, teams, organisations] = VALUE_FIELDS.map((field) => readCountMap(Reflect.get(value, field)));
  if (!isCount(total) || !byChannel || !tags || !teams || !organisations) return undefined;
  const channels = new Map(CHANNEL_IDS.map((channel) => [channel, byChannel.get(channel) ?? 0]));
  return { total, byChannel: channels, tags, teams, organisations };
}

/** The counts' `meta` row. */
export function noteCountsRecord(counts: NoteCounts): MetaRecord {
  return {
    key: NOTE_COUNTS_KEY,
    value: {
      total: counts.total,
      byChannel: Object.fromEntries(counts.byChannel),
      tags: Object.fromEntries(counts.tags),
      teams: Object.fromEntries(counts.teams),
      organisations: Object.fromEntries(counts.organisations),
    },
  };
}

async function writeNoteCounts(db: DiscoveryDb, counts: NoteCounts): Promise<void> {
  await db.meta.put(noteCountsRecord(counts));
}

function addTo(counts: Map<string, number>, key: string, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

function tally(target: { total: number; byChannel: Map<string, number>; tags: Map<string, number>; teams: Map<string, number>; organisations: Map<string, number> }, note: Note, delta: number): void {
  target.total = Math.max(0, target.total + delta);
  addTo(target.byChannel, note.channel, delta);
  for (const tag of new Set(note.tags)) addTo(target.tags, tag, delta);
  for (const team of new Set(note.teams)) addTo(target.teams, team, delta);
  if (note.organisation) addTo(target.organisations, note.organisation, delta);
}

/**
 * The counts with removed notes taken out and added ones put in. Only the notes side effects call
 * this (renderer/db/side-effects/note-side-effects.ts), inside every write of the notes table.
 */
export function adjustedNoteCounts(counts: NoteCounts, { removed = [], added = [] }: { readonly removed?: readonly Note[]; readonly added?: readonly Note[] }): NoteCounts {
  const next = {
    total: counts.total,
    byChannel: new Map<string, number>(counts.byChannel),
    tags: new Map(counts.tags),
    teams: new Map(counts.teams),
    organisations: new Map(counts.organisations),
  };
  for (const note of removed) tally(next, note, -1);
  for (const note of added) tally(next, note, 1);
  return { ...next, byChannel: new Map(CHANNEL_IDS.map((channel) => [channel, next.byChannel.get(channel) ?? 0])) };
}

/** Counts per channel on the channel index (walks every key; for a workspace without kept counts). */
export async function countChannelsOnIndex(db: DiscoveryDb): Promise<ReadonlyMap<Channel, number>> {
  const counts = await Promise.all(
    CHANNEL_IDS.map((channel) => db.notes.where('[channel+occurredAt+id]').between([channel, -Infinity, -Infinity], [channel, [], []], true, true).count()),
  );
  return new Map(CHANNEL_IDS.map((channel, index) => [channel, counts[index] ?? 0]));
}

async function countValuesOnIndex(db: DiscoveryDb, index: 'tags' | 'teams' | 'organisation'): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const key of await db.notes.orderBy(index).keys()) if (typeof key === 'string' && key !== '') addTo(counts, key, 1);
  return counts;
}

/** Counts every note on the indexes and stores the result (slow at scale: run it once, off the critical path). */
export async function recountNotes(db: DiscoveryDb): Promise<NoteCounts> {
  return db.transaction('rw', db.notes, db.meta, async () => {
    const byChannel = await countChannelsOnIndex(db);
    const [tags, teams, organisations] = await Promise.all([countValuesOnIndex(db, 'tags'), countValuesOnIndex(db, 'teams'), countValuesOnIndex(db, 'organisation')]);
    const counts: NoteCounts = { total: [...byChannel.values()].reduce((sum, count) => sum + count, 0), byChannel, tags, teams, organisations };
    await writeNoteCounts(db, counts);
    return counts;
  });
}
