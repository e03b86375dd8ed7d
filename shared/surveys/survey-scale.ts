import { parseSurveyNumber } from './parse-survey-number';

/** A scale's bounds and, when the file used words, the word for each point from min upward. */
export interface WordScale {
  readonly min: number;
  readonly max: number;
  readonly labels: readonly string[];
}

/**
 * Answer scales written in words, lowest point first. A column is read as one of these when every
 * answer (apart from opt-outs such as "N/A") is a point of it; the shortest fitting list wins.
 */
export const WORD_SCALES: readonly (readonly string[])[] = [
  ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
  ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'],
  ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Agree', 'Strongly agree'],
  ['Strongly disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Strongly agree'],
  ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied'],
  ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  ['Very dissatisfied', 'Somewhat dissatisfied', 'Neither satisfied nor dissatisfied', 'Somewhat satisfied', 'Very satisfied'],
  ['Extremely dissatisfied', 'Somewhat dissatisfied', 'Neither satisfied nor dissatisfied', 'Somewhat satisfied', 'Extremely satisfied'],
  ['Not at all satisfied', 'Slightly satisfied', 'Moderately satisfied', 'Very satisfied', 'Extremely satisfied'],
  ['Not at all likely', 'Slightly likely', 'Moderately likely', 'Very likely', 'Extremely likely'],
  ['Very unlikely', 'Unlikely', 'Neither likely nor unlikely', 'Likely', 'Very likely'],
  ['Extremely unlikely', 'Somewhat unlikely', 'Neither likely nor unlikely', 'Somewhat likely', 'Extremely likely'],
  ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'],
  ['Never', 'Rarely', 'Sometimes', 'Very often', 'Always'],
  ['Never', 'Almost never', 'Sometimes', 'Almost always', 'Always'],
  ['Not at all important', 'Slightly important', 'Moderately important', 'Very important', 'Extremely important'],
  ['Not important', 'Slightly important', 'Moderately important', 'Very important', 'Extremely important'],
  ['Very difficult', 'Difficult', 'Neither easy nor difficult', 'Easy', 'Very easy'],
  ['Very difficult', 'Somewhat difficult', 'Neither easy nor difficult', 'Somewhat easy', 'Very easy'],
  ['Very difficult', 'Difficult', 'Somewhat difficult', 'Somewhat easy', 'Easy', 'Very easy'],
  ['Extremely difficult', 'Somewhat difficult', 'Neither easy nor difficult', 'Somewhat easy', 'Extremely easy'],
  ['Not at all', 'Slightly', 'Moderately', 'Very', 'Extremely'],
  ['Not at all', 'Not much', 'Some', 'A lot'],
  ['Not at all', 'A little', 'Some', 'A lot'],
  ['None', 'A little', 'Some', 'A lot'],
];

const OPT_OUTS = new Set([
  'n/a',
  'na',
  'n.a.',
  'not applicable',
  'not applicable to me',
  "i don't know",
  'i do not know',
  "don't know",
  'dont know',
  'do not know',
  'not sure',
  "i'm not sure",
  'unsure',
  'prefer not to say',
  'prefer not to answer',
  'i prefer not to answer',
  'i prefer not to say',
  'no opinion',
  'no answer',
]);

// Opt-outs with surrounding spaces are still short: longer text is never one.
const LONGEST_OPT_OUT = Math.max(...[...OPT_OUTS].map((optOut) => optOut.length)) + 8;

const foldCase = (text: string): string => text.trim().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').toLowerCase();

/**
 * Whether an answer declines to give a point ("N/A", "I don't know", "Prefer not to say"):
 * number and scale columns read it as no answer instead of refusing the file.
 */
export function isOptOutAnswer(text: string): boolean {
  return text.length <= LONGEST_OPT_OUT && OPT_OUTS.has(foldCase(text));
}

const NUMBERED = /^(-?\d{1,3})\s*(?:[-–—=:.)]\s*|\(\s*)(\S.*?)\)?$/;

/** `5 - Very satisfied`, `1 = Poor`, `0 (Not at all likely)`: the point and the words beside it. */
export function splitNumberedLabel(text: string): { readonly point: number; readonly label: string } | null {
  const match = NUMBERED.exec(text.trim());
  if (match === null) return null;
  const [, point = '', label = ''] = match;
  return { point: Number(point), label: label.trim() };
}

/**
 * The word scale every value belongs to, or null: only the points the answers use, in the scale's
 * order and the file's own spelling (a 4-point agree scale gets no invented "Neither … nor"
 * midpoint, "Never … Often" no invented "Always"). Needs at least two different points; opt-outs
 * are skipped.
 */
export function findWordScale(values: Iterable<string>): WordScale | null {
  const seen = new Map<string, string>();
  for (const value of values) {
    if (isOptOutAnswer(value)) continue;
    const key = foldCase(value);
    if (!seen.has(key)) seen.set(key, value.trim());
  }
  if (seen.size < 2) return null;
  for (const scale of WORD_SCALES) {
    const folded = scale.map(foldCase);
    if ([...seen.keys()].every((key) => folded.includes(key))) {
      const labels = folded.flatMap((key) => {
        const used = seen.get(key);
        return used === undefined ? [] : [used];
      });
      return { min: 1, max: labels.length, labels };
    }
  }
  return null;
}

/**
 * The point an answer stands for on a scale: a number (`4`, `4.0`), a numbered label
 * (`4 - Satisfied`), or one of the scale's words (any case); null for an opt-out or an empty cell;
 * undefined when the answer is not on the scale.
 */
export function scalePointOf(text: string, scale: { readonly min: number; readonly max: number; readonly labels?: readonly string[] | undefined }): number | null | undefined {
  const value = text.trim();
  if (value === '' || isOptOutAnswer(value)) return null;
  const inRange = (point: number): number | undefined => (point >= scale.min && point <= scale.max ? point : undefined);
  const number = parseSurveyNumber(value);
  if (number !== null) return inRange(number);
  const numbered = splitNumberedLabel(value);
  if (numbered !== null) return inRange(numbered.point);
  if (scale.labels !== undefined) {
    const key = foldCase(value);
    const index = scale.labels.findIndex((label) => foldCase(label) === key);
    if (index >= 0) return inRange(scale.min + index);
  }
  return undefined;
}

/** A stored word scale and a file's one brought onto one numbering: each side's point → the merged point. */
export interface MergedWordScale {
  readonly scale: WordScale;
  readonly fromStored: ReadonlyMap<number, number>;
  readonly fromFile: ReadonlyMap<number, number>;
}

/**
 * Two word scales of one question (a stored import's and a newer file's) on one numbering. A word
 * scale holds only the points a file's answers use, so "Satisfied" is point 3 in a file without
 * the midpoint and point 4 in one with it: the merged scale holds the points of both in the
 * scale's order (the stored spelling kept), and each side's points map onto it by their words.
 * Null when there is nothing to renumber: either side has no words for every point (numbers and
 * numbered labels such as `1 - Keine Probleme` are their own points), or both use the same words.
 */
export function mergeWordScales(stored: SurveyScaleBounds, file: SurveyScaleBounds): MergedWordScale | null {
  const storedLabels = stored.labels ?? [];
  const fileLabels = file.labels ?? [];
  if (storedLabels.length === 0 || fileLabels.length === 0 || [...storedLabels, ...fileLabels].some((label) => label === '')) return null;
  const same = stored.min === file.min && storedLabels.length === fileLabels.length && storedLabels.every((label, i) => foldCase(label) === foldCase(fileLabels[i] ?? ''));
  if (same) return null;
  const merged = findWordScale([...storedLabels, ...fileLabels]);
  if (merged === null) return null;
  const pointOf = new Map(merged.labels.map((label, i) => [foldCase(label), merged.min + i]));
  const mapping = (side: SurveyScaleBounds, labels: readonly string[]) =>
    new Map(labels.map((label, i) => [side.min + i, pointOf.get(foldCase(label)) ?? side.min + i]));
  return { scale: merged, fromStored: mapping(stored, storedLabels), fromFile: mapping(file, fileLabels) };
}

/** A scale as stored or planned: bounds and, maybe, a word per point. */
interface SurveyScaleBounds {
  readonly min: number;
  readonly max: number;
  readonly labels?: readonly string[] | undefined;
}
