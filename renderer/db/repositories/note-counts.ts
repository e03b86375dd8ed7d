import { CHANNEL_IDS, type Channel } from '../../../shared/domain/channel';
import type { Note } from '../../../shared/domain/note';
import type { DiscoveryDb } from '../discovery-db';

/**
 * How many notes there are, in total, per channel, and per tag, team and organisation. IndexedDB
 * counts and lists distinct values by walking every key (seconds at 100,000 notes in Chromium),
 * so these are kept in `meta` and adjusted in the same transaction as every note write.
 */
export interface NoteCounts {
  readonly total: number;
  readonly byChannel: ReadonlyMap<Channel, number>;
  readonly tags: ReadonlyMap<string, number>;
  readonly teams: ReadonlyMap<string, number>;
  readonly organisations: ReadonlyMap<string, number>;
}

const KEY = 'noteCounts';
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

/** The stored counts; undefined when missing or malformed (then `recountNotes` rebuilds them). */
export async function readNoteCounts(db: DiscoveryDb): Promise<NoteCounts | undefined> {
  const value: unknown = (await db.meta.get(KEY))?.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const total: unknown = Reflect.get(value, 'total');
  const byChannel = readCountMap(Reflect.get(value, 'byChannel'));
  const [tags, teams, organisations] = VALUE_FIELDS.map((field) => readCountMap(Reflect.get(value, field)));
  if (!isCount(total) || !byChannel || !tags || !teams || !organisations) return undefined;
  const channels = new Map(CHANNEL_IDS.map((channel) => [channel, byChannel.get(channel) ?? 0]));
  return { total, byChannel: channels, tags, teams, organisations };
}

async function writeNoteCounts(db: DiscoveryDb, counts: NoteCounts): Promise<void> {
  await db.meta.put({
    key: KEY,
    value: {
      total: counts.total,
      byChannel: Object.fromEntries(counts.byChannel),
      tags: Object.fromEntries(counts.tags),
      teams: Object.fromEntries(counts.teams),
      organisations: Object.fromEntries(counts.organisations),
    },
  });
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

/** Takes removed notes out of the counts and adds added ones; call inside the write's transaction (with `meta`). */
export async function adjustNoteCounts(db: DiscoveryDb, { removed = [], added = [] }: { readonly removed?: readonly Note[]; readonly added?: readonly Note[] }): Promise<void> {
  const counts = await readNoteCounts(db);
  // Missing counts are rebuilt from scratch later; adjusting nothing keeps them missing, never wrong.
  if (counts === undefined || (removed.length === 0 && added.length === 0)) return;
  const next = {
    total: counts.total,
    byChannel: new Map<string, number>(counts.byChannel),
    tags: new Map(counts.tags),
    teams: new Map(counts.teams),
    organisations: new Map(counts.organisations),
  };
  for (const note of removed) tally(next, note, -1);
  for (const note of added) tally(next, note, 1);
  await writeNoteCounts(db, { ...next, byChannel: new Map(CHANNEL_IDS.map((channel) => [channel, next.byChannel.get(channel) ?? 0])) });
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
