/** Share of words two question texts must have in common (of the longer one) to be the same question renamed. */
const SIMILAR_WORDS = 0.75;

const wordsOf = (key: string): ReadonlySet<string> => new Set(key.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Words added to a question of at least two words that still make it the same question ("Job title" → "Your job title"). */
const ADDED_WORDS = 2;

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  const shorter = Math.min(a.size, b.size);
  const longer = Math.max(a.size, b.size);
  // Every word of the shorter text kept, a word or two added.
  if (shared === shorter && shorter >= 2 && longer - shorter <= ADDED_WORDS) return Math.max(SIMILAR_WORDS, shared / longer);
  return shared / longer;
}

/**
 * Pairs the questions of a stored survey with those of a newer export by their keys: the same key,
 * else the same question slightly renamed between exports (most of its words in common, e.g. "How
 * satisfied are you with CI?" and "How satisfied are you with the CI pipeline?"), each question of
 * either side used once, the most similar pairs first. Returns stored key → file key.
 */
export function matchQuestionKeys(storedKeys: readonly string[], fileKeys: readonly string[]): Map<string, string> {
  const pairs = new Map<string, string>();
  const fileSet = new Set(fileKeys);
  const usedFile = new Set<string>();
  for (const key of storedKeys) {
    if (fileSet.has(key) && !usedFile.has(key)) {
      pairs.set(key, key);
      usedFile.add(key);
    }
  }
  const storedLeft = storedKeys.filter((key) => !pairs.has(key));
  const fileLeft = fileKeys.filter((key) => !usedFile.has(key));
  if (storedLeft.length === 0 || fileLeft.length === 0) return pairs;
  // Candidates share a word: an index by word keeps this from comparing every pair of a wide survey.
  const fileWords = fileLeft.map(wordsOf);
  const byWord = new Map<string, number[]>();
  fileWords.forEach((words, i) => {
    for (const word of words) {
      const list = byWord.get(word);
      if (list === undefined) byWord.set(word, [i]);
      else list.push(i);
    }
  });
  const candidates: { stored: string; file: number; score: number }[] = [];
  for (const stored of storedLeft) {
    const words = wordsOf(stored);
    const seen = new Set<number>();
    for (const word of words) {
      for (const i of byWord.get(word) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const score = similarity(words, fileWords[i] ?? new Set());
        if (score >= SIMILAR_WORDS) candidates.push({ stored, file: i, score });
      }
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const usedIndex = new Set<number>();
  for (const { stored, file, score } of candidates) {
    if (pairs.has(stored) || usedIndex.has(file) || score < SIMILAR_WORDS) continue;
    const key = fileLeft[file];
    if (key === undefined) continue;
    pairs.set(stored, key);
    usedIndex.add(file);
  }
  return pairs;
}
