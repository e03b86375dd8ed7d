import type { Channel } from '../domain/channel';

/** The fields a query can match, in the order a result shows them. */
export const SEARCH_FIELDS = ['title', 'tags', 'people', 'organisation', 'teams', 'text'] as const;

export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A half-open range `[start, end)` of a string: `value.slice(start, end)` is the matched text. */
export type MatchRange = readonly [start: number, end: number];

/** Where a field matched: `value` is the field's text (for `text`, the snippet), `ranges` the matched parts of it. */
export interface SearchMatch {
  readonly field: SearchField;
  readonly value: string;
  readonly ranges: readonly MatchRange[];
}

/** One search result, with what a result list needs to show and highlight it. */
export interface SearchHit {
  readonly id: string;
  readonly title: string;
  readonly channel: Channel;
  readonly occurredAt: number;
  /** A short excerpt of the text around its first match (or its start when only other fields matched). */
  readonly snippet: string;
  readonly matches: readonly SearchMatch[];
}
