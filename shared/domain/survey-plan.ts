import { UserError } from '../errors/user-error';
/** How a planned question is answered; the same kinds the importer reads, without grid items. */
export type PlanQuestionType = 'scale' | 'number' | 'single-choice' | 'multi-choice' | 'free-text';

/** Every question type, in the order the editor offers them. */
export const PLAN_QUESTION_TYPES: readonly PlanQuestionType[] = ['scale', 'number', 'single-choice', 'multi-choice', 'free-text'];

/** The range a new scale question starts with. */
export const DEFAULT_PLAN_SCALE = { min: 1, max: 5 } as const;

/** A draft question of a survey still to be sent. */
export interface PlanQuestion {
  readonly id: string;
  readonly text: string;
  readonly type: PlanQuestionType;
  /** Choice questions: the options, trimmed, without empty ones. Kept when the type changes, so switching back loses nothing. */
  readonly options?: readonly string[];
  /** Scale questions: the lowest and highest point. */
  readonly scale?: { readonly min: number; readonly max: number };
}

/** Someone who proof-reads the plan before it goes out, ideally with a view opposed to the author's. */
export interface PlanReviewer {
  readonly id: string;
  readonly name: string;
  /** Where they stand, in free text: "SRE on-call, sceptical of more tooling". */
  readonly perspective: string;
  readonly signedOffAt?: number;
  /** The `questionsRevision` they signed off; a later change to the questions makes the sign-off stale. */
  readonly signedOffRevision?: number;
  readonly comment?: string;
}

/** A survey being prepared: its purpose, draft questions and reviewers. Its status is derived (see survey-plan-checks). */
export interface SurveyPlan {
  readonly id: string;
  readonly title: string;
  /** The decision the survey informs. */
  readonly goal: string;
  /** Who will be asked. */
  readonly audience: string;
  readonly questions: readonly PlanQuestion[];
  readonly reviewers: readonly PlanReviewer[];
  /** Goes up by one with every saved change to the questions (text, type, options, scale, order, added or removed). */
  readonly questionsRevision: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** What a new plan may start with. */
export interface NewSurveyPlan {
  readonly title?: string;
  readonly goal?: string;
  readonly audience?: string;
}

/** Fields to replace; questions and reviewers are replaced as whole lists. */
export interface SurveyPlanChanges {
  readonly title?: string;
  readonly goal?: string;
  readonly audience?: string;
  readonly questions?: readonly PlanQuestion[];
  readonly reviewers?: readonly PlanReviewer[];
}

/** Whether a question's answers can be counted rather than read one by one. */
export function isQuantifiedQuestionType(type: PlanQuestionType): boolean {
  return type !== 'free-text';
}

/** Whether a question offers a list of options. */
export function isChoiceQuestionType(type: PlanQuestionType): boolean {
  return type === 'single-choice' || type === 'multi-choice';
}

/** Whether the reviewer signed off the questions as they are now (not an earlier version). */
export function isSignOffCurrent(plan: Pick<SurveyPlan, 'questionsRevision'>, reviewer: PlanReviewer): boolean {
  return reviewer.signedOffAt !== undefined && reviewer.signedOffRevision === plan.questionsRevision;
}

/** Whether the reviewer signed off a version of the questions that has since changed. */
export function isSignOffStale(plan: Pick<SurveyPlan, 'questionsRevision'>, reviewer: PlanReviewer): boolean {
  return reviewer.signedOffAt !== undefined && !isSignOffCurrent(plan, reviewer);
}

/** A new, empty plan. Throws UserError on input that is not text. */
export function createSurveyPlan(id: string, input: NewSurveyPlan, now: number): SurveyPlan {
  if (id === '') throw new UserError('A survey plan needs an id.');
  return {
    id,
    title: readText(input.title ?? '', 'The title'),
    goal: readText(input.goal ?? '', 'The goal'),
    audience: readText(input.audience ?? '', 'The audience'),
    questions: [],
    reviewers: [],
    questionsRevision: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The plan with `changes` applied, checked field by field (UserError says what is wrong). A change
 * to the questions raises `questionsRevision`, which leaves earlier sign-offs stale without
 * erasing them; a sign-off given in this change counts for the questions saved with it.
 */
export function applySurveyPlanChanges(existing: SurveyPlan, changes: SurveyPlanChanges, now: number): SurveyPlan {
  const questions = changes.questions === undefined ? existing.questions : readQuestions(changes.questions);
  const hasQuestionsChanged = !isSameQuestionList(existing.questions, questions);
  const questionsRevision = existing.questionsRevision + (hasQuestionsChanged ? 1 : 0);
  const reviewers =
    changes.reviewers === undefined ? existing.reviewers : readReviewers(changes.reviewers, existing.reviewers, questionsRevision);
  return {
    ...existing,
    title: changes.title === undefined ? existing.title : readText(changes.title, 'The title'),
    goal: changes.goal === undefined ? existing.goal : readText(changes.goal, 'The goal'),
    audience: changes.audience === undefined ? existing.audience : readText(changes.audience, 'The audience'),
    questions,
    reviewers,
    questionsRevision,
    updatedAt: now,
  };
}

function readText(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new UserError(`${what} must be text.`);
  return value;
}

function readId(value: unknown, what: string, seen: Set<string>): string {
  if (typeof value !== 'string' || value === '') throw new UserError(`${what} needs an id.`);
  if (seen.has(value)) throw new UserError(`${what} ${value} appears twice.`);
  seen.add(value);
  return value;
}

function readQuestions(questions: readonly PlanQuestion[]): PlanQuestion[] {
  if (!Array.isArray(questions)) throw new UserError('The questions must be a list.');
  const ids = new Set<string>();
  return questions.map((question, index) => {
    const what = `Question ${index + 1}`;
    const id = readId(question.id, what, ids);
    const text = readText(question.text, `${what}'s text`);
    if (!PLAN_QUESTION_TYPES.includes(question.type)) throw new UserError(`${what} has an unknown type: ${String(question.type)}.`);
    const options = question.options === undefined ? undefined : readOptions(question.options, what);
    const scale = question.scale === undefined ? undefined : readScale(question.scale, what);
    return { id, text, type: question.type, ...(options === undefined ? {} : { options }), ...(scale === undefined ? {} : { scale }) };
  });
}

function readOptions(options: readonly string[], what: string): string[] {
  if (!Array.isArray(options) || !options.every((option) => typeof option === 'string')) {
    throw new UserError(`${what}'s options must be a list of text.`);
  }
  return options.map((option) => option.trim()).filter((option) => option !== '');
}

function readScale(scale: { readonly min: number; readonly max: number }, what: string): { min: number; max: number } {
  if (typeof scale !== 'object' || scale === null || !Number.isFinite(scale.min) || !Number.isFinite(scale.max)) {
    throw new UserError(`${what}'s scale needs a lowest and a highest number.`);
  }
  return { min: scale.min, max: scale.max };
}

function readReviewers(reviewers: readonly PlanReviewer[], existing: readonly PlanReviewer[], questionsRevision: number): PlanReviewer[] {
  if (!Array.isArray(reviewers)) throw new UserError('The reviewers must be a list.');
  const ids = new Set<string>();
  const before = new Map(existing.map((reviewer) => [reviewer.id, reviewer]));
  return reviewers.map((reviewer, index) => {
    const what = `Reviewer ${index + 1}`;
    const id = readId(reviewer.id, what, ids);
    const name = readText(reviewer.name, `${what}'s name`).trim();
    if (name === '') throw new UserError(`${what} needs a name.`);
    const perspective = readText(reviewer.perspective, `${what}'s perspective`).trim();
    const comment = reviewer.comment === undefined ? '' : readText(reviewer.comment, `${what}'s comment`);
    const base = { id, name, perspective, ...(comment.trim() === '' ? {} : { comment }) };
    if (reviewer.signedOffAt === undefined) return base;
    if (!Number.isFinite(reviewer.signedOffAt)) throw new UserError(`${what}'s sign-off needs a date.`);
    const previous = before.get(id);
    // The revision is the store's to set: an unchanged sign-off keeps the one it was given.
    const keptRevision = previous !== undefined && previous.signedOffAt === reviewer.signedOffAt ? previous.signedOffRevision : undefined;
    const signedOffRevision = keptRevision ?? questionsRevision;
    return { ...base, signedOffAt: reviewer.signedOffAt, signedOffRevision };
  });
}

function isSameQuestionList(a: readonly PlanQuestion[], b: readonly PlanQuestion[]): boolean {
  return a.length === b.length && a.every((question, index) => {
    const other = b[index];
    return other !== undefined && isSameQuestion(question, other);
  });
}

function isSameQuestion(a: PlanQuestion, b: PlanQuestion): boolean {
  const isSameOptions =
    (a.options ?? []).length === (b.options ?? []).length && (a.options ?? []).every((option, index) => option === b.options?.[index]);
  return a.id === b.id && a.text === b.text && a.type === b.type && isSameOptions && a.scale?.min === b.scale?.min && a.scale?.max === b.scale?.max;
}
