import { describe, expect, it } from 'vitest';
import { channelCoverage } from '../../../shared/domain/channel-coverage';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 21);

describe('channelCoverage', () => {
  it('lists every channel with its count and last use, flagging unused and stale ones', () => {
    const rows = channelCoverage(
      new Map([['coffee-chat', 12], ['sla', 2], ['research', 1]]),
      new Map([['coffee-chat', now - 2 * DAY], ['sla', now - 45 * DAY], ['research', now - 29 * DAY]]),
      now,
    );
    expect(rows).toHaveLength(10);
    const byChannel = new Map(rows.map((row) => [row.channel, row]));
    expect(byChannel.get('coffee-chat')).toEqual({ channel: 'coffee-chat', count: 12, lastUsedAt: now - 2 * DAY, isNeglected: false });
    expect(byChannel.get('sla')?.isNeglected).toBe(true);
    expect(byChannel.get('research')?.isNeglected).toBe(false);
    expect(byChannel.get('peer-company')).toEqual({ channel: 'peer-company', count: 0, lastUsedAt: null, isNeglected: true });
    // Brainstorms are the team's own ideas, not an outreach channel to keep warm.
    expect(byChannel.get('brainstorm')).toEqual({ channel: 'brainstorm', count: 0, lastUsedAt: null, isNeglected: false });
    expect(byChannel.get('survey-response')?.isNeglected).toBe(false);
  });

  it('honours a custom window', () => {
    const rows = channelCoverage(new Map([['research', 1]]), new Map([['research', now - 10 * DAY]]), now, 7);
    expect(rows.find((row) => row.channel === 'research')?.isNeglected).toBe(true);
  });
});
