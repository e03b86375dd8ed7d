import type { Channel } from './channel';

/**
 * Where a piece of evidence comes from. Only 'users' counts as users' evidence (people, teams,
 * channels, strength, quotes): what our own users told us, in conversation, in writing, in a
 * survey, in a group or as an SLA they expect. 'market' is what the outside world says: cloud
 * vendors, open-source projects, research, and peer companies (other companies' engineers are
 * not our users; their approach is context, to listen to rather than adopt). 'team' is the
 * team's own brainstorms: ideas, not evidence of a user's pain.
 */
export type EvidenceOrigin = 'users' | 'market' | 'team';

const ORIGIN_BY_CHANNEL: Readonly<Record<Channel, EvidenceOrigin>> = {
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
};

/** The origin of a channel's notes (see EvidenceOrigin); an unknown channel is never counted as users. */
export function evidenceOrigin(channel: Channel): EvidenceOrigin {
  return Object.hasOwn(ORIGIN_BY_CHANNEL, channel) ? ORIGIN_BY_CHANNEL[channel] : 'team';
}

/** How each origin is named on screens and in exports. */
export const EVIDENCE_ORIGIN_LABELS: Readonly<Record<EvidenceOrigin, string>> = {
  users: 'What users said',
  market: 'Market and research',
  team: 'Team ideas',
};
