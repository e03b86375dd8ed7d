import { CHANNEL_IDS, type Channel } from './channel';
import { DAY_MS } from './clock';

export interface ChannelCoverage {
  readonly channel: Channel;
  readonly count: number;
  /** When the channel was last used (the newest note's date), or null if never. */
  readonly lastUsedAt: number | null;
  readonly isNeglected: boolean;
}


/**
 * Per channel: how many notes and when it was last used. A channel is neglected when it has no
 * notes or none in the last `neglectedAfterDays` days, so a narrow net stands out.
 * Only outreach channels can be neglected: survey responses come from imports and brainstorms are
 * the team's own ideas, not users heard, so neither is ever flagged.
 */
const NEVER_NEGLECTED: ReadonlySet<Channel> = new Set<Channel>(['survey-response', 'brainstorm']);

export function channelCoverage(
  counts: ReadonlyMap<Channel, number>,
  lastUsed: ReadonlyMap<Channel, number>,
  now: number,
  neglectedAfterDays = 30,
): readonly ChannelCoverage[] {
  return CHANNEL_IDS.map((channel) => {
    const count = counts.get(channel) ?? 0;
    const lastUsedAt = lastUsed.get(channel) ?? null;
    const isStale = lastUsedAt === null || now - lastUsedAt > neglectedAfterDays * DAY_MS;
    return { channel, count, lastUsedAt, isNeglected: !NEVER_NEGLECTED.has(channel) && (count === 0 || isStale) };
  });
}
