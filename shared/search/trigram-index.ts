import { boundedEditDistance } from './edit-distance';

const PAD = 1;

/** Which terms of a sorted vocabulary contain each trigram (terms padded with one marker on each side). */
export interface TrigramIndex {
  /** Trigram codes, ascending. */
  readonly keys: Float64Array;
  /** `termIds[starts[k], starts[k + 1])` hold the terms containing trigram `keys[k]`. */
  readonly starts: Uint32Array;
  readonly termIds: Uint32Array;
}

/** A term within the edit budget of a query word. */
export interface FuzzyTerm {
  readonly termId: number;
  readonly distance: number;
}

/** Indexes the trigrams of every term, so terms near a misspelt word are found without scanning the vocabulary. */
export function buildTrigramIndex(terms: readonly string[]): TrigramIndex {
  const counts = new Map<number, number>();
  const perTerm: Float64Array[] = [];
  for (const term of terms) {
    const codes = distinctTrigrams(term);
    perTerm.push(codes);
    for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const keys = Float64Array.from(counts.keys()).sort();
  const slot = new Map<number, number>();
  const starts = new Uint32Array(keys.length + 1);
  let total = 0;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] ?? 0;
    slot.set(key, index);
    starts[index] = total;
    total += counts.get(key) ?? 0;
  }
  starts[keys.length] = total;
  const fill = starts.slice(0, keys.length);
  const termIds = new Uint32Array(total);
  perTerm.forEach((codes, termId) => {
    for (const code of codes) {
      const index = slot.get(code) ?? 0;
      termIds[fill[index] ?? 0] = termId;
      fill[index] = (fill[index] ?? 0) + 1;
    }
  });
  return { keys, starts, termIds };
}

/** The distinct trigram codes of a term padded with a marker on each side, ascending. */
export function distinctTrigrams(term: string): Float64Array {
  const padded = `${String.fromCharCode(PAD)}${term}${String.fromCharCode(PAD)}`;
  const codes = new Float64Array(padded.length - 2);
  for (let index = 0; index + 2 < padded.length; index += 1) {
    codes[index] = padded.charCodeAt(index) * 4294967296 + padded.charCodeAt(index + 1) * 65536 + padded.charCodeAt(index + 2);
  }
  codes.sort();
  let distinct = 0;
  for (let index = 0; index < codes.length; index += 1) {
    if (index === 0 || codes[index] !== codes[index - 1]) {
      codes[distinct] = codes[index] ?? 0;
      distinct += 1;
    }
  }
  return codes.slice(0, distinct);
}

/**
 * The terms within `maxEdits` of `word`. A term that close shares at least (distinct trigrams of
 * the word - 4 per edit) trigrams with it (a swap can break four), so only those are compared.
 */
export function findFuzzyTerms(index: TrigramIndex, terms: readonly string[], word: string, maxEdits: number, counts: Uint8Array): FuzzyTerm[] {
  const codes = distinctTrigrams(word);
  const needed = Math.max(1, codes.length - 4 * maxEdits);
  const touched: number[] = [];
  for (const code of codes) {
    const slot = findKey(index.keys, code);
    if (slot < 0) continue;
    const end = index.starts[slot + 1] ?? 0;
    for (let position = index.starts[slot] ?? 0; position < end; position += 1) {
      const termId = index.termIds[position] ?? 0;
      const count = counts[termId] ?? 0;
      if (count === 0) touched.push(termId);
      if (count < 255) counts[termId] = count + 1;
    }
  }
  const found: FuzzyTerm[] = [];
  for (const termId of touched) {
    const shared = counts[termId] ?? 0;
    counts[termId] = 0;
    if (shared < needed) continue;
    const term = terms[termId] ?? '';
    if (Math.abs(term.length - word.length) > maxEdits) continue;
    const distance = boundedEditDistance(word, term, maxEdits);
    if (distance >= 0) found.push({ termId, distance });
  }
  return found;
}

function findKey(keys: Float64Array, code: number): number {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const key = keys[middle] ?? 0;
    if (key < code) low = middle + 1;
    else if (key > code) high = middle - 1;
    else return middle;
  }
  return -1;
}
