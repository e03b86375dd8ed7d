import {
  isChoiceQuestionType,
  isQuantifiedQuestionType,
  isSignOffCurrent,
  isSignOffStale,
  type PlanQuestion,
  type PlanQuestionType,
  type SurveyPlan,
} from '../domain/survey-plan';

/**
 * Seconds a respondent needs per question, by type: reading the question and answering it.
 * Rough figures in line with common survey-tool guidance (a closed question takes 10-20 s, an
 * open one a minute or more); the estimate is for spotting a long survey, not a promise.
 * - scale: 10 s (read, pick a point);
 * - number: 15 s (recall or look up a figure);
 * - single-choice: 12 s (read the options, pick one);
 * - multi-choice: 20 s (read every option, weigh each);
 * - free-text: 60 s (think, then write a sentence or two).
 */
export const SECONDS_PER_QUESTION: Readonly<Record<PlanQuestionType, number>> = {
  scale: 10,
  number: 15,
  'single-choice': 12,
  'multi-choice': 20,
  'free-text': 60,
};

/** More questions than this makes a survey long: response rates and answer quality drop past about ten. */
export const MAX_QUESTIONS = 10;

/** More estimated minutes than this makes a survey long: people answer a five-minute survey between other tasks. */
export const MAX_MINUTES = 5;

/** Below this share of quantified questions (scale, number, choice) the answers are hard to count and compare. */
export const MIN_QUANTIFIED_SHARE = 0.5;

/** Reviewers needed before sending: at least two, so opposing perspectives can meet. */
export const MIN_REVIEWERS = 2;

/**
 * How much a problem matters: `blocking` stops the plan being ready to send, `warning` is worth
 * fixing but the author may decide otherwise, `hint` comes from a heuristic that can be wrong.
 */
export type SurveyPlanProblemSeverity = 'blocking' | 'warning' | 'hint';

export type SurveyPlanProblemCode =
  | 'no-questions'
  | 'empty-question'
  | 'too-few-options'
  | 'scale-range'
  | 'long'
  | 'few-quantified'
  | 'double-barreled'
  | 'no-reviewers'
  | 'one-reviewer'
  | 'reviewer-without-perspective'
  | 'same-perspectives'
  | 'stale-sign-offs';

/** One thing the checks found, with the question or reviewer it is about. */
export interface SurveyPlanProblem {
  readonly code: SurveyPlanProblemCode;
  readonly severity: SurveyPlanProblemSeverity;
  readonly message: string;
  readonly questionId?: string;
  readonly reviewerId?: string;
}

/** What the checks report about a plan. */
export interface SurveyPlanReport {
  readonly estimatedSeconds: number;
  /** The estimate rounded up to whole minutes (at least 1 when there is any question). */
  readonly estimatedMinutes: number;
  readonly quantifiedCount: number;
  readonly problems: readonly SurveyPlanProblem[];
}

/** The plan's derived status: no reviewers yet, being reviewed, or ready to send. */
export type SurveyPlanStatus =
  | { readonly kind: 'draft' }
  | { readonly kind: 'in-review'; readonly signedOff: number; readonly reviewers: number; readonly stale: number }
  | { readonly kind: 'ready' };

/** Estimated seconds to complete the questions (see SECONDS_PER_QUESTION). */
export function estimateCompletionSeconds(questions: readonly PlanQuestion[]): number {
  return questions.reduce((total, question) => total + SECONDS_PER_QUESTION[question.type], 0);
}

/** Every problem the method's rules find in the plan, blocking ones first, then warnings, then hints. */
export function checkSurveyPlan(plan: SurveyPlan): SurveyPlanReport {
  const estimatedSeconds = estimateCompletionSeconds(plan.questions);
  const estimatedMinutes = Math.ceil(estimatedSeconds / 60);
  const quantifiedCount = plan.questions.filter((question) => isQuantifiedQuestionType(question.type)).length;
  const problems = [
    ...checkQuestions(plan.questions),
    ...checkLength(plan.questions.length, estimatedSeconds, estimatedMinutes),
    ...checkQuantified(plan.questions.length, quantifiedCount),
    ...checkReviewers(plan),
  ];
  const order: Readonly<Record<SurveyPlanProblemSeverity, number>> = { blocking: 0, warning: 1, hint: 2 };
  return { estimatedSeconds, estimatedMinutes, quantifiedCount, problems: problems.sort((a, b) => order[a.severity] - order[b.severity]) };
}

/** Ready to send: at least two reviewers, every one signed off the current questions, and no blocking problem. */
export function isReadyToSend(plan: SurveyPlan): boolean {
  return (
    plan.reviewers.length >= MIN_REVIEWERS &&
    plan.reviewers.every((reviewer) => isSignOffCurrent(plan, reviewer)) &&
    !checkSurveyPlan(plan).problems.some((problem) => problem.severity === 'blocking')
  );
}

/** Draft until a reviewer is added; then in review until ready to send. Stale sign-offs do not count. */
export function surveyPlanStatus(plan: SurveyPlan): SurveyPlanStatus {
  if (plan.reviewers.length === 0) return { kind: 'draft' };
  if (isReadyToSend(plan)) return { kind: 'ready' };
  return {
    kind: 'in-review',
    signedOff: plan.reviewers.filter((reviewer) => isSignOffCurrent(plan, reviewer)).length,
    reviewers: plan.reviewers.length,
    stale: plan.reviewers.filter((reviewer) => isSignOffStale(plan, reviewer)).length,
  };
}

/**
 * A hint that one question asks two things: "and" (or "&") joining two parts, or more than one
 * question mark. A heuristic: "Rate the build and test pipeline" is one ask and is flagged anyway.
 */
export function isPossiblyDoubleBarreled(text: string): boolean {
  return /\b(and)\b|&/i.test(text) || (text.match(/\?/g) ?? []).length > 1;
}

function checkQuestions(questions: readonly PlanQuestion[]): SurveyPlanProblem[] {
  if (questions.length === 0) return [{ code: 'no-questions', severity: 'blocking', message: 'Add at least one question.' }];
  return questions.flatMap((question, index): SurveyPlanProblem[] => {
    const label = `Question ${index + 1}`;
    const text = question.text.trim();
    const problems: SurveyPlanProblem[] = [];
    if (text === '') {
      problems.push({ code: 'empty-question', severity: 'blocking', message: `${label} has no text.`, questionId: question.id });
    }
    if (isChoiceQuestionType(question.type) && (question.options ?? []).filter((option) => option.trim() !== '').length < 2) {
      problems.push({ code: 'too-few-options', severity: 'blocking', message: `${label} needs at least two options to choose from.`, questionId: question.id });
    }
    if (question.type === 'scale' && (question.scale === undefined || question.scale.min >= question.scale.max)) {
      problems.push({ code: 'scale-range', severity: 'blocking', message: `${label}'s scale needs a lowest point below its highest.`, questionId: question.id });
    }
    if (isPossiblyDoubleBarreled(text)) {
      problems.push({
        code: 'double-barreled',
        severity: 'hint',
        message: `${label} may ask two things at once (“and”): if so, split it so each answer means one thing.`,
        questionId: question.id,
      });
    }
    return problems;
  });
}

function checkLength(count: number, seconds: number, minutes: number): SurveyPlanProblem[] {
  if (count <= MAX_QUESTIONS && seconds <= MAX_MINUTES * 60) return [];
  const reasons = [
    ...(count > MAX_QUESTIONS ? [`${count} questions (aim for ${MAX_QUESTIONS} or fewer)`] : []),
    ...(seconds > MAX_MINUTES * 60 ? [`about ${minutes} minutes (aim for ${MAX_MINUTES} or less)`] : []),
  ];
  return [{ code: 'long', severity: 'warning', message: `Long survey: ${reasons.join(' and ')}. Cut what will not change the decision.` }];
}

function checkQuantified(count: number, quantified: number): SurveyPlanProblem[] {
  if (count === 0 || quantified >= count * MIN_QUANTIFIED_SHARE) return [];
  return [
    {
      code: 'few-quantified',
      severity: 'warning',
      message: `Few quantified questions: ${quantified} of ${count} are scale, number or choice. Free text is slow to answer and hard to compare.`,
    },
  ];
}

function checkReviewers(plan: SurveyPlan): SurveyPlanProblem[] {
  const { reviewers } = plan;
  if (reviewers.length === 0) {
    return [{ code: 'no-reviewers', severity: 'blocking', message: 'No reviewers yet: add two people with opposing perspectives to proof-read it.' }];
  }
  const problems: SurveyPlanProblem[] = [];
  if (reviewers.length < MIN_REVIEWERS) {
    problems.push({ code: 'one-reviewer', severity: 'blocking', message: 'Add a second reviewer whose perspective differs from the first.' });
  }
  for (const reviewer of reviewers) {
    if (reviewer.perspective.trim() === '') {
      problems.push({
        code: 'reviewer-without-perspective',
        severity: 'blocking',
        message: `Say where ${reviewer.name} stands, so the perspectives can be compared.`,
        reviewerId: reviewer.id,
      });
    }
  }
  const perspectives = new Set(reviewers.map((reviewer) => perspectiveKey(reviewer.perspective)).filter((key) => key !== ''));
  if (reviewers.length >= MIN_REVIEWERS && perspectives.size < 2) {
    problems.push({ code: 'same-perspectives', severity: 'blocking', message: 'The reviewers share one perspective: add someone who sees it differently.' });
  }
  const stale = reviewers.filter((reviewer) => isSignOffStale(plan, reviewer)).length;
  if (stale > 0) {
    problems.push({
      code: 'stale-sign-offs',
      severity: 'warning',
      message: `${stale} ${stale === 1 ? 'sign-off was' : 'sign-offs were'} given before the last change to the questions: ask again.`,
    });
  }
  return problems;
}

function perspectiveKey(perspective: string): string {
  return perspective.trim().replace(/\s+/g, ' ').toLowerCase();
}
