import { foldText } from './fold-text';
import { tokenizeFolded, WORD_PATTERN } from './tokenize';

/** Only this much of a query is read: nobody types more, and it bounds the work a pasted page causes. */
export const MAX_QUERY_LENGTH = 256;
/** Words after this many are ignored. */
export const MAX_QUERY_WORDS = 8;

const ENDS_IN_WORD = new RegExp(`${WORD_PATTERN.source}$`, 'u');

/** A word of a query, folded like the index's terms. */
export interface QueryWord {
  readonly text: string;
  /** True for the word still being typed: it also matches longer words it starts. */
  readonly isPrefix: boolean;
  /** How many typos to forgive: none for short words and words with digits, 1 up to 7 letters, else 2. */
  readonly maxEdits: number;
}

/**
 * Splits a query into the words every result must match (AND), folded like the index's terms.
 * The last word counts as a prefix unless the query ends with a space or punctuation.
 * Returns no words for a blank query, or one made only of punctuation.
 */
export function parseSearchQuery(query: string): readonly QueryWord[] {
  const folded = foldText(query.slice(0, MAX_QUERY_LENGTH));
  const terms = [...new Set(tokenizeFolded(folded))].slice(0, MAX_QUERY_WORDS);
  const last = terms.at(-1);
  const endsInWord = ENDS_IN_WORD.test(folded);
  return terms.map((text) => ({ text, isPrefix: text === last && endsInWord, maxEdits: maxEditsFor(text) }));
}

function maxEditsFor(term: string): number {
  if (/\p{N}/u.test(term) || term.length <= 3) return 0;
  return term.length <= 7 ? 1 : 2;
}
