/** Where the choice starting at `from` ends: the next separator outside brackets (or simply the next one if brackets never close). */
function choiceEnd(text: string, from: number, separator: string): number {
  const first = text.indexOf(separator, from);
  if (first < 0) return text.length;
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    const char = text[i];
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    else if (depth === 0 && text.startsWith(separator, i)) return i;
  }
  return depth === 0 ? text.length : first;
}

/**
 * The choices in one multi-choice cell, in the order written, each once. `longOptions` are known
 * options that contain the separator themselves (a Google Forms option "Yes, several"): they are
 * matched whole, longest first, and only where they end at the separator or the cell's end. A
 * separator inside brackets ("Other portal (e.g., Sharepoint)") does not split. Parts are trimmed;
 * empty parts (MS Forms ends every choice with `;`) are dropped.
 */
export function splitChoiceCell(cell: string, separator: string, longOptions: readonly string[] = []): string[] {
  const text = cell.trim();
  if (text === '') return [];
  const parts: string[] = [];
  const add = (part: string) => {
    const trimmed = part.trim();
    if (trimmed !== '' && !parts.includes(trimmed)) parts.push(trimmed);
  };
  const hasBrackets = text.includes('(') || text.includes('[');
  const candidates = longOptions.length === 0 ? longOptions : longOptions.filter((option) => text.includes(option));
  if (candidates.length === 0 && !hasBrackets) {
    for (const part of text.split(separator)) add(part);
    return parts;
  }
  const shortSeparator = separator.trim();
  let position = 0;
  while (position < text.length) {
    while (text.startsWith(' ', position)) position += 1;
    const option = candidates.find((candidate) => {
      if (!text.startsWith(candidate, position)) return false;
      const end = position + candidate.length;
      return end === text.length || text.startsWith(separator, end) || text.startsWith(shortSeparator, end);
    });
    const end = option === undefined ? choiceEnd(text, position, separator) : position + option.length;
    add(text.slice(position, end));
    position = end;
    if (text.startsWith(separator, position)) position += separator.length;
    else if (text.startsWith(shortSeparator, position)) position += shortSeparator.length;
  }
  return parts;
}

/** How a column's cells join several choices, and the options they choose from. */
export interface MultiChoiceReading {
  readonly separator: string;
  /** Options that recur, in order of first use. */
  readonly options: readonly string[];
}

const longestFirst = (a: string, b: string): number => b.length - a.length;

/**
 * Reads a column as multi-choice when its cells join several options with `separator`, or
 * returns null. Option text may itself hold the separator (Google Forms does not escape the
 * commas in "Yes, several"), so the options are found from the column: a joined cell whose parts
 * each also occur in other cells is a combination; one with a part found nowhere else is one
 * option with the separator inside (kept whole when it recurs). The column is multi-choice when
 * combinations outnumber such cells and most chosen parts are options that recur.
 */
export function readMultiChoice(values: ReadonlyMap<string, number>, separator: string): MultiChoiceReading | null {
  const partsByValue = new Map<string, string[]>();
  const contexts = new Map<string, number>();
  let filled = 0;
  let hasJoined = false;
  for (const [value, count] of values) {
    filled += count;
    const parts = value.includes(separator) ? splitChoiceCell(value, separator) : [value];
    if (value.includes(separator)) hasJoined = true;
    partsByValue.set(value, parts);
    for (const part of parts) contexts.set(part, (contexts.get(part) ?? 0) + 1);
  }
  if (!hasJoined) return null;

  let combinations = 0;
  let singles = 0;
  const longOptions: string[] = [];
  for (const [value, count] of values) {
    if (!value.includes(separator)) continue;
    const parts = partsByValue.get(value) ?? [];
    if (parts.every((part) => (contexts.get(part) ?? 0) >= 2)) combinations += count;
    else {
      singles += count;
      if (count >= 2 && parts.length > 1) longOptions.push(value);
    }
  }
  if (combinations === 0 || combinations < singles) return null;
  longOptions.sort(longestFirst);

  let chosen = countChoices(values, separator, longOptions);
  // Parts that always come together, one right after the other, are one option with the separator inside.
  for (let round = 0; round < 5; round += 1) {
    const merged = alwaysAdjacent(chosen, separator);
    if (merged.length === 0) break;
    longOptions.push(...merged);
    longOptions.sort(longestFirst);
    chosen = countChoices(values, separator, longOptions);
  }
  const choices = [...chosen.counts.values()].reduce((sum, count) => sum + count, 0);
  const minimum = filled >= 20 ? 2 : 1;
  const options = [...chosen.counts].filter(([, count]) => count >= minimum).map(([option]) => option);
  const covered = options.reduce((sum, option) => sum + (chosen.counts.get(option) ?? 0), 0);
  if (options.length < 2 || covered < 0.7 * choices || options.length > Math.max(100, filled / 2)) return null;
  return { separator, options };
}

interface ChoiceCounts {
  /** How many cells choose each part. */
  readonly counts: Map<string, number>;
  /** How many cells have the second part right after the first, by `first\u0000second`. */
  readonly pairs: Map<string, number>;
}

function countChoices(values: ReadonlyMap<string, number>, separator: string, longOptions: readonly string[]): ChoiceCounts {
  const counts = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const [value, count] of values) {
    const parts = splitChoiceCell(value, separator, longOptions);
    for (const [i, part] of parts.entries()) {
      counts.set(part, (counts.get(part) ?? 0) + count);
      const next = parts[i + 1];
      if (next !== undefined) pairs.set(`${part}\u0000${next}`, (pairs.get(`${part}\u0000${next}`) ?? 0) + count);
    }
  }
  return { counts, pairs };
}

/** Pairs of parts (each chosen at least three times) never seen apart, joined back into one option. */
function alwaysAdjacent({ counts, pairs }: ChoiceCounts, separator: string): string[] {
  const merged: string[] = [];
  for (const [pair, together] of pairs) {
    const [first = '', second = ''] = pair.split('\u0000');
    if (together >= 3 && counts.get(first) === together && counts.get(second) === together) merged.push(`${first}${separator}${second}`);
  }
  return merged;
}
