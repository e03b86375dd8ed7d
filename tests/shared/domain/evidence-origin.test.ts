import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '../../../shared/domain/channel';
import { evidenceOrigin } from '../../../shared/domain/evidence-origin';

describe('evidenceOrigin', () => {
  it('puts every channel on one side: what users said, the market and research, or the team’s own ideas', () => {
    expect(Object.fromEntries(CHANNEL_IDS.map((channel) => [channel, evidenceOrigin(channel)]))).toEqual({
      'coffee-chat': 'users',
      'email-check-in': 'users',
      'survey-response': 'users',
      'discussion-group': 'users',
      sla: 'users',
      'peer-company': 'market',
      research: 'market',
      'open-source': 'market',
      'cloud-vendor': 'market',
      brainstorm: 'team',
    });
  });
});
