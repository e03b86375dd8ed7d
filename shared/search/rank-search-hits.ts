import Fuse, { type FuseResultMatch } from 'fuse.js';
import { buildSnippet, findWordRanges, type WordMatcher } from './build-snippet';
import { foldTextWithSources, originalRange, type FoldedText } from './fold-text';
import type { CandidateSet, SearchCandidate } from './search-index';
import { SEARCH_FIELDS, type MatchRange, type SearchField, type SearchHit, type SearchMatch } from './search-hit';
import { isWordCharacter, WORD_PATTERN } from './tokenize';

/** Hits ranked for a query, before snippets that need a note's full text are filled in. */
export interface SearchOutcome {
  readonly hits: readonly SearchHit[];
  /** Hits whose text matched only past the stored excerpt: `withFullTextSnippets` gives them a snippet around the match. */
  readonly idsNeedingFullText: readonly string[];
  /** Which words of a text the query matched, for marking text the index did not keep. */
  readonly matcher: WordMatcher;
}

interface FoldedRecord {
  readonly title: string;
  readonly tags: readonly string[];
  readonly people: readonly string[];
  readonly organisation: string;
  readonly teams: readonly string[];
  readonly text: string;
}

type FoldedFields = Readonly<Record<SearchField, readonly FoldedText[]>>;

const FUSE_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'tags', weight: 2 },
  { name: 'people', weight: 2 },
  { name: 'organisation', weight: 1 },
  { name: 'teams', weight: 1 },
  { name: 'text', weight: 1 },
] as const satisfies readonly { name: SearchField; weight: number }[];

const FIELD_NAMES: ReadonlySet<string> = new Set(SEARCH_FIELDS);

// Fuse's bitap search costs time per character, so it reads this much of the excerpt around the
// first matched word; the snippet is cut around that word anyway.
const FUSE_TEXT_WINDOW = 100;
const FUSE_TEXT_CONTEXT = 30;

/**
 * Ranks the index's candidates with Fuse.js (fuzzy, per-word token search over the title, tags,
 * people, organisation, teams and text excerpt); candidates Fuse does not match (their words lie
 * past the excerpt) follow in index order. Returns at most `limit` hits with their match ranges.
 */
export function rankSearchHits({ words, expansions, candidates }: CandidateSet, limit: number): SearchOutcome {
  const matcher = createWordMatcher(words, expansions);
  if (candidates.length === 0 || limit < 1) return { hits: [], idsNeedingFullText: [], matcher };

  const folded = candidates.map(({ doc }) => foldFields(doc.title, doc.tags, doc.people, doc.organisation, doc.teams, doc.excerpt));
  const windowStarts = folded.map((fields) => textWindowStart(fields.text[0]?.folded ?? '', matcher));
  const records = folded.map((fields, index) => recordOf(fields, windowStarts[index] ?? 0));
  const fuse = new Fuse(records, {
    keys: [...FUSE_KEYS],
    includeMatches: true,
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.3,
    minMatchCharLength: 2,
    // Fields and query are folded already; Fuse's own folding could shift the match positions.
    isCaseSensitive: true,
    ignoreDiacritics: false,
    // Token search weighs each word of a longer query apart (a record matching one word still ranks);
    // it builds an index per call, which a one-word query does not need.
    useTokenSearch: words.length > 1,
    tokenMatch: 'any',
    tokenize: (text: string) => text.match(WORD_PATTERN) ?? [],
  });
  const ranked = fuse.search(words.map((word) => word.text).join(' '));
  const seen = new Set<number>();
  const order: { index: number; fuseMatches: readonly FuseResultMatch[] }[] = [];
  for (const result of ranked) {
    seen.add(result.refIndex);
    order.push({ index: result.refIndex, fuseMatches: result.matches ?? [] });
  }
  candidates.forEach((_, index) => {
    if (!seen.has(index)) order.push({ index, fuseMatches: [] });
  });

  const hits: SearchHit[] = [];
  const idsNeedingFullText: string[] = [];
  for (const { index, fuseMatches } of order.slice(0, limit)) {
    const candidate = candidates[index];
    const fields = folded[index];
    if (candidate === undefined || fields === undefined) continue;
    const hit = hitOf(candidate, fields, fuseMatches, matcher, windowStarts[index] ?? 0);
    if (candidate.hasTextMatch && !hit.matches.some((match) => match.field === 'text')) idsNeedingFullText.push(hit.id);
    hits.push(hit);
  }
  return { hits, idsNeedingFullText, matcher };
}

/**
 * Gives the hits that `rankSearchHits` could not place in their text a snippet around the first
 * match in the note's full text (`fullTextById`, from the notes themselves).
 */
export function withFullTextSnippets(outcome: SearchOutcome, fullTextById: ReadonlyMap<string, string>): SearchHit[] {
  const needing = new Set(outcome.idsNeedingFullText);
  return outcome.hits.map((hit) => {
    const fullText = fullTextById.get(hit.id);
    if (!needing.has(hit.id) || fullText === undefined) return hit;
    const ranges = findWordRanges(fullText, outcome.matcher);
    if (ranges.length === 0) return hit;
    const snippet = buildSnippet(fullText, ranges);
    return { ...hit, snippet: snippet.text, matches: [...hit.matches, { field: 'text', value: snippet.text, ranges: snippet.ranges }] };
  });
}

function hitOf(
  candidate: SearchCandidate,
  fields: FoldedFields,
  fuseMatches: readonly FuseResultMatch[],
  matcher: WordMatcher,
  textWindowOffset: number,
): SearchHit {
  const { doc } = candidate;
  const rangesByValue = new Map<FoldedText, MatchRange[]>();
  for (const match of fuseMatches) {
    const field = match.key;
    if (field === undefined || !isSearchField(field)) continue;
    const value = fields[field][match.refIndex ?? 0];
    if (value === undefined) continue;
    const offset = field === 'text' ? textWindowOffset : 0;
    const indices = match.indices.map(([start, end]): [number, number] => [start + offset, end + offset]);
    const ranges = keepMatchedWords(value.folded, mergeWithinWords(value.folded, indices), matcher);
    if (ranges.length > 0) rangesByValue.set(value, ranges);
  }

  const matches: SearchMatch[] = [];
  let snippet = buildSnippet(doc.excerpt, []).text;
  for (const field of SEARCH_FIELDS) {
    for (const value of fields[field]) {
      // Fuse's ranges, plus any word it skipped that the index matched (e.g. a typo Fuse scored past its threshold).
      const foldedRanges = unionOf(rangesByValue.get(value) ?? [], wordRangesOf(value.folded, matcher));
      if (foldedRanges.length === 0) continue;
      const ranges = foldedRanges.map(([start, end]) => originalRange(value, start, end));
      if (field === 'text') {
        const cut = buildSnippet(value.original, ranges);
        snippet = cut.text;
        matches.push({ field, value: cut.text, ranges: cut.ranges });
      } else {
        matches.push({ field, value: value.original, ranges });
      }
    }
  }
  return { id: doc.id, title: doc.title, channel: doc.channel, occurredAt: doc.occurredAt, snippet, matches };
}

function foldFields(
  title: string,
  tags: readonly string[],
  people: readonly string[],
  organisation: string,
  teams: readonly string[],
  excerpt: string,
): FoldedFields {
  return {
    title: [foldTextWithSources(title)],
    tags: tags.map(foldTextWithSources),
    people: people.map(foldTextWithSources),
    organisation: organisation === '' ? [] : [foldTextWithSources(organisation)],
    teams: teams.map(foldTextWithSources),
    text: [foldTextWithSources(excerpt)],
  };
}

/** Where the window of text Fuse reads starts: a little before the first word the index matched. */
function textWindowStart(folded: string, matcher: WordMatcher): number {
  if (folded.length <= FUSE_TEXT_WINDOW) return 0;
  for (const match of folded.matchAll(WORD_PATTERN)) {
    if (matcher(match[0]) > 0) return Math.max(0, Math.min(match.index - FUSE_TEXT_CONTEXT, folded.length - FUSE_TEXT_WINDOW));
  }
  return 0;
}

function recordOf(fields: FoldedFields, textWindowOffset: number): FoldedRecord {
  const first = (values: readonly FoldedText[]) => values[0]?.folded ?? '';
  const all = (values: readonly FoldedText[]) => values.map((value) => value.folded);
  return {
    title: first(fields.title),
    tags: all(fields.tags),
    people: all(fields.people),
    organisation: first(fields.organisation),
    teams: all(fields.teams),
    text: first(fields.text).slice(textWindowOffset, textWindowOffset + FUSE_TEXT_WINDOW),
  };
}

/** Fuse's inclusive index pairs as half-open ranges, sorted, with pieces of one word joined (a typo splits them). */
function mergeWithinWords(folded: string, indices: readonly (readonly [number, number])[]): MatchRange[] {
  const sorted = indices.map(([start, end]): [number, number] => [start, end + 1]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && (range[0] <= last[1] || isWithinWord(folded, last[1], range[0]))) {
      last[1] = Math.max(last[1], range[1]);
    } else {
      merged.push(range);
    }
  }
  return merged;
}

function isWithinWord(folded: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    if (!isWordCharacter(folded.charAt(index))) return false;
  }
  return true;
}

/** Keeps the ranges that fall in a word the query really matched, so a stray fuzzy hit is not marked. */
function keepMatchedWords(folded: string, ranges: readonly MatchRange[], matcher: WordMatcher): MatchRange[] {
  return ranges.filter(([start, end]) => {
    let wordStart = start;
    while (wordStart > 0 && isWordCharacter(folded.charAt(wordStart - 1))) wordStart -= 1;
    let wordEnd = end;
    while (wordEnd < folded.length && isWordCharacter(folded.charAt(wordEnd))) wordEnd += 1;
    return matcher(folded.slice(wordStart, wordEnd)) > 0;
  });
}

function unionOf(a: readonly MatchRange[], b: readonly MatchRange[]): MatchRange[] {
  const sorted = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function wordRangesOf(folded: string, matcher: WordMatcher): MatchRange[] {
  const ranges: MatchRange[] = [];
  for (const match of folded.matchAll(WORD_PATTERN)) {
    const length = matcher(match[0]);
    if (length > 0) ranges.push([match.index, match.index + Math.min(length, match[0].length)]);
  }
  return ranges;
}

function createWordMatcher(words: CandidateSet['words'], expansions: CandidateSet['expansions']): WordMatcher {
  const wholeWords = new Set<string>();
  const prefixes: string[] = [];
  words.forEach((word, index) => {
    wholeWords.add(word.text);
    if (word.isPrefix) prefixes.push(word.text);
    for (const expansion of expansions[index] ?? []) {
      if (expansion.kind !== 'prefix') wholeWords.add(expansion.term);
    }
  });
  return (foldedWord) => {
    if (wholeWords.has(foldedWord)) return foldedWord.length;
    let longest = 0;
    for (const prefix of prefixes) {
      if (prefix.length > longest && foldedWord.startsWith(prefix)) longest = prefix.length;
    }
    return longest;
  };
}

function isSearchField(value: string): value is SearchField {
  return FIELD_NAMES.has(value);
}
