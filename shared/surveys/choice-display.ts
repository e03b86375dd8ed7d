import type { SurveyQuestion } from '../domain/survey';
import { naturalOptionOrder } from './natural-option-order';
import type { OptionCount } from './survey-results';

/** A choice question's options as the results show them. */
export interface ChoiceDisplay {
  /** The options drawn as bars, in the order shown. */
  readonly shown: readonly OptionCount[];
  /** Write-ins given once each, folded into one expandable "Other (N)" row; empty when there is none to fold. */
  readonly oneOffs: readonly OptionCount[];
}

/** Below this many options a list is short enough to show whole. */
const FOLD_FROM_OPTIONS = 7;

/**
 * How a question's option counts are shown. Scales and options with a natural order (scale words,
 * numbers and numeric ranges: see naturalOptionOrder) keep that order. Other choices are nominal:
 * most chosen first (ties in the question's order), and when the list is long (7 options or more)
 * the options chosen exactly once (one-off write-ins) are folded into "Other (N)" if there are at
 * least two of them.
 */
export function choiceDisplay(question: Pick<SurveyQuestion, 'type' | 'itemType'>, options: readonly OptionCount[]): ChoiceDisplay {
  const isScale = question.type === 'scale' || (question.type === 'grid-item' && question.itemType === 'scale') || options.some((option) => option.value !== undefined);
  const names = options.map((option) => option.option);
  if (isScale || naturalOptionOrder(names) !== names) return { shown: options, oneOffs: [] };
  const byCount = [...options].sort((a, b) => b.count - a.count);
  if (byCount.length < FOLD_FROM_OPTIONS) return { shown: byCount, oneOffs: [] };
  const oneOffs = byCount.filter((option) => option.count === 1);
  if (oneOffs.length < 2) return { shown: byCount, oneOffs: [] };
  return { shown: byCount.filter((option) => option.count !== 1), oneOffs };
}
