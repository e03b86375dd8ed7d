import { formatCount } from '../limits/input-limits';
import type { SurveyFileProblem } from './parse-survey-table';

/** The delimiters a header may be split on: the file's `sep=` one, or each that is guessed. */
const GUESSED = [',', ';', '\t', '|'];
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface HeaderLineLimits {
  readonly maxColumns: number;
  readonly maxChars: number;
}

interface LineScan {
  /** Index of the line break ending line 1, or the text's length when none does. */
  readonly end: number;
  readonly ended: boolean;
  /** Columns for the delimiter giving the most. */
  readonly columns: number;
}

/**
 * One pass over line 1 counting each delimiter. With `quotes`, a quote opening a field starts a
 * quoted cell (where delimiters and line breaks are text, and "" is a quote) as CSV has it.
 */
function scanFirstLine(text: string, codes: readonly number[], quotes: boolean): LineScan & { readonly sawQuote: boolean } {
  const counts = codes.map(() => 0);
  // Each UTF-16 code unit's delimiter slot, or -1: one lookup per character.
  const slots = new Int8Array(0x10000).fill(-1);
  codes.forEach((code, index) => {
    slots[code] = index;
  });
  let isQuoted = false;
  let sawQuote = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isQuoted) {
      if (code !== QUOTE) continue;
      if (text.charCodeAt(i + 1) === QUOTE) i += 1;
      else isQuoted = false;
      continue;
    }
    if (code === LF || code === CR) return { end: i, ended: true, columns: Math.max(...counts) + 1, sawQuote };
    if (quotes && atFieldStart && code === QUOTE) {
      isQuoted = true;
      sawQuote = true;
      atFieldStart = false;
      continue;
    }
    const at = slots[code] ?? -1;
    atFieldStart = at >= 0;
    if (at >= 0) counts[at] = (counts[at] ?? 0) + 1;
  }
  return { end: text.length, ended: false, columns: Math.max(...counts) + 1, sawQuote };
}

/**
 * Checks a CSV/TSV's first line before anything is split: walks its characters once, counting each
 * delimiter, up to the first line break outside quotes (when a quote opened there is never closed,
 * the line is read with quotes as text, as a Sheets TSV has them). Builds nothing per column, so a
 * line of a million columns, or one that never ends, is answered in one pass. Returns the problem
 * when the line has more columns than `maxColumns` (for the delimiter given, else for the one giving
 * the most) or is longer than `maxChars`; null when it fits. Messages name the line as `line`
 * (2 after Excel's `sep=` line) and leave the problem's row empty, to be said once.
 */
export function checkHeaderLine(text: string, delimiter: string | undefined, limits: HeaderLineLimits, line = 1): SurveyFileProblem | null {
  const codes = (delimiter === undefined ? GUESSED : [delimiter]).map((candidate) => candidate.charCodeAt(0));
  const quoted = scanFirstLine(text, codes, true);
  const scan = quoted.ended || !quoted.sawQuote ? quoted : scanFirstLine(text, codes, false);
  if (scan.columns > limits.maxColumns) {
    return {
      row: null,
      message: `This file has ${formatCount(scan.columns)} columns on line ${line}; the most Discovery Desk reads is ${formatCount(limits.maxColumns)}. Export only the columns you need, or check that this is the file you meant.`,
    };
  }
  if (scan.end > limits.maxChars) {
    const what = scan.ended
      ? `Line ${line} of this file is ${formatCount(scan.end)} characters long`
      : `Line ${line} of this file never ends: it runs ${formatCount(scan.end)} characters to the end of the file without a line break`;
    return {
      row: null,
      message: `${what}; the most Discovery Desk reads in a header line is ${formatCount(limits.maxChars)}. Check that this is a CSV or TSV export with one header line.`,
    };
  }
  return null;
}
