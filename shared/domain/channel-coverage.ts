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
 * Survey responses come from imports, not from the team's own outreach, so they are never flagged.
 */
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
    return { channel, count, lastUsedAt, isNeglected: channel !== 'survey-response' && (count === 0 || isStale) };
  });
}
