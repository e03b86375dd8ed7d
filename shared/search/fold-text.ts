// Letters NFD does not decompose, folded the way a person would type them on an English keyboard.
// The final sigma is folded too: toLowerCase turns a word-final Σ into ς only in context.
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ς: 'σ',
};
const SPECIAL_FOLD_PATTERN = /[øłđħıßæœþς]/g;
const NONSPACING_MARKS = /\p{Mn}/gu;
// Tab, line breaks and printable ASCII fold one to one; anything else takes the slow path.
const NON_ASCII = /[^\t\n\r\u0020-\u007e]/;

/** Text folded for matching, with the position in the original text of each folded code unit. */
export interface FoldedText {
  readonly original: string;
  readonly folded: string;
  /** `sourceStarts[i]` is where the character folded into `folded[i]` starts in `original`; null when they line up one to one. */
  readonly sourceStarts: Uint32Array | null;
}

/**
 * Folds text for matching: lower case, diacritics removed (NFD, then nonspacing marks dropped),
 * and a few letters without a decomposition spelled out (ß -> ss, ø -> o). Index and query use it alike.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(NONSPACING_MARKS, '').replace(SPECIAL_FOLD_PATTERN, (letter) => SPECIAL_FOLDS[letter] ?? letter);
}

/** Folds text like `foldText`, keeping where each folded character came from so matches map back to the original. */
export function foldTextWithSources(text: string): FoldedText {
  if (!NON_ASCII.test(text)) return { original: text, folded: text.toLowerCase(), sourceStarts: null };
  const parts: string[] = [];
  const sourceStarts: number[] = [];
  let index = 0;
  for (const character of text) {
    const code = character.charCodeAt(0);
    const folded = code < 0x80 ? character.toLowerCase() : foldText(character);
    parts.push(folded);
    for (let unit = folded.length; unit > 0; unit -= 1) sourceStarts.push(index);
    index += character.length;
  }
  return { original: text, folded: parts.join(''), sourceStarts: Uint32Array.from(sourceStarts) };
}

/** Maps a half-open range of folded text back to the half-open range of original text it came from. */
export function originalRange({ original, folded, sourceStarts }: FoldedText, start: number, end: number): [number, number] {
  if (sourceStarts === null) return [start, end];
  const first = sourceStarts[start] ?? original.length;
  const lastSource = sourceStarts[end - 1] ?? first;
  let next = end;
  while (next < folded.length && sourceStarts[next] === lastSource) next += 1;
  return [first, next < folded.length ? (sourceStarts[next] ?? original.length) : original.length];
}
