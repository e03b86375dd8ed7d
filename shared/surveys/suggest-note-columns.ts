import type { SurveyTable } from './parse-survey-table';
import type { SurveyColumnPlan } from './survey-import-plan';

/** What the suggestion reads from a free-text column's answers. */
export interface FreeTextColumnStats {
  /** Non-empty answers. */
  readonly filled: number;
  /** Distinct non-empty answers, compared without case and surrounding space. */
  readonly distinct: number;
  /** The median answer's length in characters. */
  readonly medianLength: number;
  /** The median answer's length in words. */
  readonly medianWords: number;
}

/** Share of distinct answers from which a column's answers count as "mostly distinct". */
const MOSTLY_DISTINCT = 0.6;
/** A median answer this long (characters or words) is prose rather than a label. */
const LONG_CHARACTERS = 16;
const LONG_WORDS = 3;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Counts a free-text column's answers: how many, how many distinct, how long the median one is. */
export function freeTextColumnStats(values: readonly string[]): FreeTextColumnStats {
  const seen = new Set<string>();
  const lengths: number[] = [];
  const words: number[] = [];
  for (const raw of values) {
    const text = raw.trim();
    if (text === '') continue;
    seen.add(text.toLowerCase().replace(/\s+/g, ' '));
    lengths.push(text.length);
    words.push(text.split(/\s+/).length);
  }
  return { filled: lengths.length, distinct: seen.size, medianLength: median(lengths), medianWords: median(words) };
}

/**
 * Whether a free-text question's answers are evidence worth a note each: long (a median answer of
 * at least 16 characters or 3 words) and mostly distinct (at least 60% different answers). Short,
 * repeated answers ("Checkout", "Platform") describe the respondent and stay answers only.
 */
export function isSuggestedForNotes(stats: FreeTextColumnStats): boolean {
  if (stats.filled === 0) return false;
  const isLong = stats.medianLength >= LONG_CHARACTERS || stats.medianWords >= LONG_WORDS;
  return isLong && stats.distinct / stats.filled >= MOSTLY_DISTINCT;
}

/** Whether a column's answers are read as free text (a free-text question or a grid row read as free text). */
export function isFreeTextColumn(column: SurveyColumnPlan): boolean {
  return (column.role === 'question' || column.role === 'grid-item') && (column.type ?? 'free-text') === 'free-text';
}

/**
 * The plan's columns with `makesNotes` set on every free-text column, as `isSuggestedForNotes`
 * judges its answers in the file; other columns are returned as they are.
 */
export function suggestNoteColumns(table: SurveyTable, columns: readonly SurveyColumnPlan[]): SurveyColumnPlan[] {
  return columns.map((column) => {
    if (!isFreeTextColumn(column)) return column;
    const stats = freeTextColumnStats(table.rows.map((row) => row[column.index] ?? ''));
    return { ...column, makesNotes: isSuggestedForNotes(stats) };
  });
}
