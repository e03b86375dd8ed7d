import { CHANNEL_IDS, type Channel } from '../../../shared/domain/channel';
import type { DiscoveryDb } from '../discovery-db';

/**
 * How many notes there are, in total and per channel. IndexedDB counts by walking every key
 * (about 2 s at 100,000 notes in Chromium), so the counts are kept in `meta` and adjusted in the
 * same transaction as every note write.
 */
export interface NoteCounts {
  readonly total: number;
  readonly byChannel: ReadonlyMap<Channel, number>;
}

const KEY = 'noteCounts';

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The stored counts; undefined when missing or malformed (then `recountNotes` rebuilds them). */
export async function readNoteCounts(db: DiscoveryDb): Promise<NoteCounts | undefined> {
  const value: unknown = (await db.meta.get(KEY))?.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const total: unknown = Reflect.get(value, 'total');
  const byChannel: unknown = Reflect.get(value, 'byChannel');
  if (!isCount(total) || typeof byChannel !== 'object' || byChannel === null) return undefined;
  const counts = new Map<Channel, number>();
  for (const channel of CHANNEL_IDS) {
    const count: unknown = Reflect.get(byChannel, channel) ?? 0;
    if (!isCount(count)) return undefined;
    counts.set(channel, count);
  }
  return { total, byChannel: counts };
}

async function writeNoteCounts(db: DiscoveryDb, counts: NoteCounts): Promise<void> {
  await db.meta.put({ key: KEY, value: { total: counts.total, byChannel: Object.fromEntries(counts.byChannel) } });
}

/** Applies +1/-1 per channel; call inside the write's transaction (which must include `meta`). */
export async function adjustNoteCounts(db: DiscoveryDb, deltas: readonly { readonly channel: Channel; readonly delta: number }[]): Promise<void> {
  const counts = await readNoteCounts(db);
  // Missing counts are rebuilt from scratch later; adjusting nothing keeps them missing, never wrong.
  if (counts === undefined || deltas.length === 0) return;
  const byChannel = new Map(counts.byChannel);
  let total = counts.total;
  for (const { channel, delta } of deltas) {
    byChannel.set(channel, Math.max(0, (byChannel.get(channel) ?? 0) + delta));
    total = Math.max(0, total + delta);
  }
  await writeNoteCounts(db, { total, byChannel });
}

/** Counts every note on the channel index and stores the result (slow at scale: run it once, off the critical path). */
export async function recountNotes(db: DiscoveryDb): Promise<NoteCounts> {
  return db.transaction('rw', db.notes, db.meta, async () => {
    const perChannel = await Promise.all(
      CHANNEL_IDS.map((channel) => db.notes.where('[channel+occurredAt+id]').between([channel, -Infinity, -Infinity], [channel, [], []], true, true).count()),
    );
    const byChannel = new Map(CHANNEL_IDS.map((channel, index) => [channel, perChannel[index] ?? 0]));
    const counts = { total: perChannel.reduce((sum, count) => sum + count, 0), byChannel };
    await writeNoteCounts(db, counts);
    return counts;
  });
}
