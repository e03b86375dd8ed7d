import type { Channel } from './channel';
import type { RichTextDoc } from './rich-text';

/** A link a note points to (a paper, a repository, a vendor page). */
export interface NoteLink {
  readonly url: string;
  readonly label?: string;
}

/** What a user expects from a service, even when we cannot offer it today. */
export interface SlaFields {
  readonly kind: 'sla';
  readonly service: string;
  readonly metric: string;
  readonly expected: string;
  readonly offered?: string;
  readonly measured?: string;
}

/** Ties a note to the survey response it was made from. */
export interface SurveyResponseFields {
  readonly kind: 'survey-response';
  readonly surveyId: string;
  readonly responseId: string;
}

/** The concrete proposal a discussion group reacted to. */
export interface DiscussionGroupFields {
  readonly kind: 'discussion-group';
  readonly proposal: string;
}

export interface PeerCompanyFields {
  readonly kind: 'peer-company';
  readonly company: string;
}

export interface ResearchFields {
  readonly kind: 'research';
  readonly citation: string;
}

export interface OpenSourceFields {
  readonly kind: 'open-source';
  readonly project: string;
}

/** Whether a vendor offering could absorb the problem is what this channel is for. */
export interface CloudVendorFields {
  readonly kind: 'cloud-vendor';
  readonly vendor: string;
  readonly offering: string;
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
