import { foldText } from './fold-text';

/** Longer words are cut to this many characters, in the index and in queries alike. */
export const MAX_TERM_LENGTH = 32;

/** A word: letters (with their marks) and digits. Everything else separates words. */
export const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+/gu;

/** A word found in folded text, with its half-open range there. */
export interface TokenSpan {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

/** Splits text into folded search terms (see `foldText`), cut to MAX_TERM_LENGTH, in text order. */
export function tokenize(text: string): string[] {
  return tokenizeFolded(foldText(text));
}

/** Splits already folded text into terms. */
export function tokenizeFolded(folded: string): string[] {
  const words = folded.match(WORD_PATTERN);
  if (words === null) return [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? '';
    if (word.length > MAX_TERM_LENGTH) words[index] = word.slice(0, MAX_TERM_LENGTH);
  }
  return words;
}

/** The words of already folded text with where they stand in it. */
export function tokenSpans(folded: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const match of folded.matchAll(WORD_PATTERN)) {
    spans.push({ term: match[0].slice(0, MAX_TERM_LENGTH), start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;

/** Whether a code unit belongs to a word (so two matches separated only by such characters are one word). */
export function isWordCharacter(character: string): boolean {
  return WORD_CHARACTER.test(character);
}
