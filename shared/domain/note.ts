import type { Channel } from './channel';
import type { RichTextDoc } from './rich-text';

/** A link a note points to (a paper, a repository, a vendor page). */
export interface NoteLink {
  readonly url: string;
  readonly label?: string;
}

/** The metrics SLA conversations are about; `other` keeps whatever the user wrote. */
export const SLA_METRICS = ['availability', 'latency', 'throughput', 'freshness', 'other'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** What a user expects from a service, even when we cannot offer it today. */
export interface SlaFields {
  readonly kind: 'sla';
  readonly service: string;
  readonly metric: SlaMetric;
  /** The target users expect, e.g. "99.95%" or "p99 under 200 ms". */
  readonly expected: string;
  /** What the service offers today, if anything. */
  readonly offered?: string;
  /** What is measured today, if known. */
  readonly measured?: string;
}

/** Ties a note to the survey response it was made from. */
export interface SurveyResponseFields {
  readonly kind: 'survey-response';
  readonly surveyId: string;
  readonly responseId: string;
  readonly questionId?: string;
}

/** The concrete proposal a discussion group (2-4 people) reacted to. */
export interface DiscussionGroupFields {
  readonly kind: 'discussion-group';
  readonly proposal: string;
}

export interface PeerCompanyFields {
  readonly kind: 'peer-company';
  readonly company: string;
  /** How they approach the problem, in a line; the body holds the detail. */
  readonly approach?: string;
}

export interface ResearchFields {
  readonly kind: 'research';
  readonly authors?: string;
  readonly venue?: string;
  readonly year?: string;
  readonly url?: string;
}

export interface OpenSourceFields {
  readonly kind: 'open-source';
  readonly project: string;
  readonly url?: string;
  readonly licence?: string;
  readonly activity?: string;
  readonly maturity?: string;
}

/** Whether a vendor offering could absorb the problem is what this channel is for. */
export interface CloudVendorFields {
  readonly kind: 'cloud-vendor';
  readonly vendor: string;
  readonly service: string;
  readonly url?: string;
  readonly pricingModel?: string;
  readonly limits?: string;
}

/** Channel-specific fields; `kind` equals the note's channel. */
export type ChannelFields =
  | SlaFields
  | SurveyResponseFields
  | DiscussionGroupFields
  | PeerCompanyFields
  | ResearchFields
  | OpenSourceFields
  | CloudVendorFields;

/**
 * An unprioritized discovery note. Discovery judges nothing: no field here (or added later)
 * may score, rank or prioritise the note; that happens on the prioritization board.
 */
export interface Note {
  readonly id: string;
  readonly channel: Channel;
  readonly title: string;
  readonly body: RichTextDoc;
  /** Derived from `body` on every write; never edited directly. */
  readonly plainText: string;
  /** Epoch milliseconds, so the date index sorts numerically. */
  readonly occurredAt: number;
  /** Contact ids of the people involved. */
  readonly personIds: readonly string[];
  readonly teams: readonly string[];
  readonly organisation?: string;
  readonly tags: readonly string[];
  readonly links: readonly NoteLink[];
  readonly channelFields?: ChannelFields;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Whether a note's channel-specific fields (if any) belong to its channel. */
export function hasMatchingChannelFields(note: Pick<Note, 'channel' | 'channelFields'>): boolean {
  return note.channelFields === undefined || note.channelFields.kind === note.channel;
}
