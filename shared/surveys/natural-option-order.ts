import { parseSurveyNumber } from './parse-survey-number';
import { findWordScale, isOptOutAnswer } from './survey-scale';

/** A number leading an option: `1-10`, `11 – 50`, `201+`, `$1,000`, `Less than 5`, `More than 200`, `10 or more`. */
const LEADING_NUMBER = /^(less than|fewer than|under|below|up to|more than|over|above|at least|<|>|≤|≥)?\s*[$€£]?\s*(\d[\d,.]*)\s*(\+|or more|or less|or fewer)?/i;
const BELOW = /^(less than|fewer than|under|below|up to|<|≤)$/i;
const ABOVE = /^(more than|over|above|at least|>|≥|\+|or more)$/i;

/** Where an option that starts with a number sits on a number line; null when it does not start with one. */
function numberKey(option: string): number | null {
  const match = LEADING_NUMBER.exec(option.trim());
  if (match === null) return null;
  const [, before = '', digits = '', after = ''] = match;
  const value = parseSurveyNumber(digits.replace(/[.,]$/, ''));
  if (value === null) return null;
  if (BELOW.test(before) || /^(or less|or fewer)$/i.test(after)) return value - 0.5;
  if (ABOVE.test(before) || ABOVE.test(after)) return value + 0.5;
  return value;
}

/**
 * A choice's options in their natural order: the points of a known word scale in scale order, or
 * numbers and numeric ranges ("1-10", "11-50", "51-200", "201+", "Less than 1") by their first
 * number; answers such as "N/A" and options without a number ("None", "Other") keep their order
 * after them. Any other list is returned as it came (first seen, or by frequency).
 */
export function naturalOptionOrder(options: readonly string[]): readonly string[] {
  const ranked = options.filter((option) => !isOptOutAnswer(option));
  if (ranked.length < 2) return options;
  const scale = findWordScale(ranked);
  if (scale !== null && scale.labels.length === new Set(ranked.map((option) => option.trim().toLowerCase())).size) {
    const position = (option: string) => scale.labels.findIndex((label) => label.trim().toLowerCase() === option.trim().toLowerCase());
    return [...options].sort((a, b) => rankOf(position(a)) - rankOf(position(b)));
  }
  const keys = new Map(options.map((option) => [option, numberKey(option)]));
  const numbered = options.filter((option) => keys.get(option) !== null);
  // Mostly numbers or ranges: a few words such as "None" or "Other" may sit beside them.
  if (numbered.length < 2 || numbered.length < ranked.length - 2) return options;
  const rest = options.filter((option) => keys.get(option) === null);
  return [...[...numbered].sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0)), ...rest];
}

/** Options not on the scale (opt-outs) go last, in their order (sort is stable). */
const rankOf = (index: number): number => (index < 0 ? Number.MAX_SAFE_INTEGER : index);
