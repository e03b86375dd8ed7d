import { foldTextWithSources, originalRange } from './fold-text';
import type { MatchRange } from './search-hit';
import { tokenSpans } from './tokenize';

/** About how long a snippet is, in characters. */
export const SNIPPET_LENGTH = 160;
const CONTEXT_BEFORE = 40;
const ELLIPSIS = '…';

/** A snippet of text with the matched ranges inside it. */
export interface Snippet {
  readonly text: string;
  readonly ranges: readonly MatchRange[];
}

/** Decides whether a folded word matched a query, and how much of it to mark (0: no match). */
export type WordMatcher = (foldedWord: string) => number;

/**
 * Cuts a snippet of about SNIPPET_LENGTH characters out of `text`, starting a little before the
 * first range and at a word boundary, with "…" where text was cut; line breaks become spaces.
 * Ranges are moved into the snippet and clipped to it.
 */
export function buildSnippet(text: string, ranges: readonly MatchRange[]): Snippet {
  const sorted = [...ranges].filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const first = sorted[0];
  let start = first === undefined ? 0 : Math.max(0, first[0] - CONTEXT_BEFORE);
  if (start > 0) {
    const space = text.slice(start, first?.[0] ?? start).search(/\s/);
    start = space < 0 ? start : start + space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const lastSpace = text.slice(start, end).search(/\s\S*$/);
    if (lastSpace > 0 && start + lastSpace >= (first?.[1] ?? 0)) end = start + lastSpace;
  }
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const shift = prefix.length - start;
  const moved: MatchRange[] = [];
  for (const [rangeStart, rangeEnd] of sorted) {
    const clippedStart = Math.max(rangeStart, start);
    const clippedEnd = Math.min(rangeEnd, end);
    if (clippedEnd > clippedStart) moved.push([clippedStart + shift, clippedEnd + shift]);
  }
  return { text: `${prefix}${text.slice(start, end).replace(/[\r\n\t]/g, ' ')}${suffix}`, ranges: moved };
}

/** The ranges of `text` (original positions) of each word the matcher accepts. */
export function findWordRanges(text: string, matcher: WordMatcher): MatchRange[] {
  const folded = foldTextWithSources(text);
  const ranges: MatchRange[] = [];
  for (const span of tokenSpans(folded.folded)) {
    const length = matcher(span.term);
    if (length > 0) ranges.push(originalRange(folded, span.start, Math.min(span.end, span.start + length)));
  }
  return ranges;
}
