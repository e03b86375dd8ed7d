import { describe, expect, it } from 'vitest';
import type { PlanQuestion, PlanQuestionType, PlanReviewer, SurveyPlan } from '../../../shared/domain/survey-plan';
import {
  checkSurveyPlan,
  estimateCompletionSeconds,
  isPossiblyDoubleBarreled,
  isReadyToSend,
  MAX_MINUTES,
  MAX_QUESTIONS,
  SECONDS_PER_QUESTION,
  surveyPlanStatus,
  type SurveyPlanProblemCode,
} from '../../../shared/surveys/survey-plan-checks';

let questionCount = 0;
function question(type: PlanQuestionType, text = 'How many deploys did you make last week?', extra: Partial<PlanQuestion> = {}): PlanQuestion {
  questionCount += 1;
  const defaults =
    type === 'scale' ? { scale: { min: 1, max: 5 } } : type === 'single-choice' || type === 'multi-choice' ? { options: ['Yes', 'No'] } : {};
  return { id: `q${questionCount}`, text, type, ...defaults, ...extra };
}

function reviewer(id: string, perspective: string, extra: Partial<PlanReviewer> = {}): PlanReviewer {
  return { id, name: `Reviewer ${id}`, perspective, ...extra };
}

/** A plan every rule is happy with: short, quantified, two opposing reviewers who signed off this version. */
function goodPlan(changes: Partial<SurveyPlan> = {}): SurveyPlan {
  return {
    id: 'plan-1',
    title: 'CI pain survey',
    goal: 'Decide whether to invest in build caching',
    audience: 'Product engineers',
    questions: [question('scale', 'How satisfied are you with CI speed?'), question('number'), question('free-text', 'What slows you down most?')],
    reviewers: [
      reviewer('r1', 'SRE on-call, sceptical of more tooling', { signedOffAt: 10, signedOffRevision: 3 }),
      reviewer('r2', 'Product engineer who wants faster builds', { signedOffAt: 11, signedOffRevision: 3 }),
    ],
    questionsRevision: 3,
    createdAt: 1,
    updatedAt: 1,
    ...changes,
  };
}

function codes(plan: SurveyPlan): SurveyPlanProblemCode[] {
  return checkSurveyPlan(plan).problems.map((problem) => problem.code);
}

describe('survey plan checks', () => {
  it('finds nothing wrong with a short, quantified, reviewed plan, which is ready to send', () => {
    expect(codes(goodPlan())).toEqual([]);
    expect(isReadyToSend(goodPlan())).toBe(true);
    expect(surveyPlanStatus(goodPlan())).toEqual({ kind: 'ready' });
  });

  describe('estimated time', () => {
    it('adds the documented seconds per question type', () => {
      const questions = [question('scale'), question('number'), question('single-choice'), question('multi-choice'), question('free-text')];
      expect(estimateCompletionSeconds(questions)).toBe(10 + 15 + 12 + 20 + 60);
      expect(SECONDS_PER_QUESTION['free-text']).toBeGreaterThan(SECONDS_PER_QUESTION.scale);
    });

    it('rounds up to whole minutes', () => {
      const report = checkSurveyPlan(goodPlan({ questions: [question('free-text', 'Why?'), question('scale', 'How fast?')] }));
      expect(report.estimatedSeconds).toBe(70);
      expect(report.estimatedMinutes).toBe(2);
    });
  });

  describe('length', () => {
    it(`warns about more than ${MAX_QUESTIONS} questions, even quick ones`, () => {
      const questions = Array.from({ length: MAX_QUESTIONS + 1 }, () => question('scale', 'How fast is CI?'));
      expect(estimateCompletionSeconds(questions)).toBeLessThanOrEqual(MAX_MINUTES * 60);
      const long = checkSurveyPlan(goodPlan({ questions })).problems.find((problem) => problem.code === 'long');
      expect(long).toMatchObject({ severity: 'warning' });
      expect(long?.message).toContain(`${MAX_QUESTIONS + 1} questions`);
      expect(codes(goodPlan({ questions: questions.slice(1) }))).not.toContain('long');
    });

    it(`warns about more than ${MAX_MINUTES} minutes, even with few questions`, () => {
      const questions = Array.from({ length: 6 }, () => question('free-text', 'What slows you down?'));
      expect(questions.length).toBeLessThanOrEqual(MAX_QUESTIONS);
      const long = checkSurveyPlan(goodPlan({ questions })).problems.find((problem) => problem.code === 'long');
      expect(long?.message).toContain('about 6 minutes');
      expect(codes(goodPlan({ questions: questions.slice(1) }))).not.toContain('long');
    });

    it('does not stop a long plan from being sent', () => {
      const questions = Array.from({ length: MAX_QUESTIONS + 1 }, () => question('scale', 'How fast is CI?'));
      expect(isReadyToSend(goodPlan({ questions }))).toBe(true);
    });
  });

  describe('quantified questions', () => {
    it('warns when under half the questions are scale, number or choice', () => {
      const questions = [question('free-text', 'Why?'), question('free-text', 'What else?'), question('single-choice', 'Which team?')];
      const problem = checkSurveyPlan(goodPlan({ questions })).problems.find((found) => found.code === 'few-quantified');
      expect(problem).toMatchObject({ severity: 'warning' });
      expect(problem?.message).toContain('1 of 3');
      expect(checkSurveyPlan(goodPlan({ questions })).quantifiedCount).toBe(1);
    });

    it('counts every closed type as quantified, and half is enough', () => {
      for (const type of ['scale', 'number', 'single-choice', 'multi-choice'] as const) {
        expect(codes(goodPlan({ questions: [question(type, 'Which?'), question('free-text', 'Why?')] }))).not.toContain('few-quantified');
      }
    });
  });

  describe('questions', () => {
    it('blocks a plan without questions', () => {
      const plan = goodPlan({ questions: [] });
      expect(checkSurveyPlan(plan).problems[0]).toMatchObject({ code: 'no-questions', severity: 'blocking' });
      expect(isReadyToSend(plan)).toBe(false);
    });

    it('blocks a question without text', () => {
      const blank = question('scale', '   ');
      const plan = goodPlan({ questions: [blank, question('number')] });
      expect(checkSurveyPlan(plan).problems).toEqual([expect.objectContaining({ code: 'empty-question', severity: 'blocking', questionId: blank.id })]);
      expect(isReadyToSend(plan)).toBe(false);
    });

    it('blocks a choice question with fewer than two options, ignoring blank ones', () => {
      for (const type of ['single-choice', 'multi-choice'] as const) {
        const single = question(type, 'Which region?', { options: ['eu-west-1', ' '] });
        const plan = goodPlan({ questions: [single, question('number')] });
        expect(checkSurveyPlan(plan).problems).toEqual([expect.objectContaining({ code: 'too-few-options', severity: 'blocking', questionId: single.id })]);
        expect(isReadyToSend(plan)).toBe(false);
      }
    });

    it('blocks a scale whose lowest point is not below its highest', () => {
      const flat = question('scale', 'How fast?', { scale: { min: 5, max: 5 } });
      expect(codes(goodPlan({ questions: [flat] }))).toEqual(['scale-range']);
      expect(isReadyToSend(goodPlan({ questions: [flat] }))).toBe(false);
    });

    it('hints at questions that ask two things, without blocking them', () => {
      const double = question('scale', 'How fast and reliable is CI?');
      const plan = goodPlan({ questions: [double, question('number')] });
      expect(checkSurveyPlan(plan).problems).toEqual([expect.objectContaining({ code: 'double-barreled', severity: 'hint', questionId: double.id })]);
      expect(isReadyToSend(plan)).toBe(true);
    });

    it('reads "and", "&" and two question marks as a possible double question, but not words containing "and"', () => {
      expect(isPossiblyDoubleBarreled('How fast and reliable is CI?')).toBe(true);
      expect(isPossiblyDoubleBarreled('Builds & tests: how slow?')).toBe(true);
      expect(isPossiblyDoubleBarreled('How slow is CI? Why?')).toBe(true);
      expect(isPossiblyDoubleBarreled('How do you handle Android builds?')).toBe(false);
      expect(isPossiblyDoubleBarreled('What is the standard setup?')).toBe(false);
    });
  });

  describe('reviewers', () => {
    it('blocks a plan nobody reviews', () => {
      const plan = goodPlan({ reviewers: [] });
      expect(codes(plan)).toEqual(['no-reviewers']);
      expect(isReadyToSend(plan)).toBe(false);
      expect(surveyPlanStatus(plan)).toEqual({ kind: 'draft' });
    });

    it('blocks a plan with a single reviewer, even signed off', () => {
      const plan = goodPlan({ reviewers: [reviewer('r1', 'SRE', { signedOffAt: 1, signedOffRevision: 3 })] });
      expect(codes(plan)).toEqual(['one-reviewer']);
      expect(isReadyToSend(plan)).toBe(false);
      expect(surveyPlanStatus(plan)).toEqual({ kind: 'in-review', signedOff: 1, reviewers: 1, stale: 0 });
    });

    it('blocks reviewers who share one perspective (ignoring case and spaces)', () => {
      const plan = goodPlan({
        reviewers: [
          reviewer('r1', 'SRE on-call', { signedOffAt: 1, signedOffRevision: 3 }),
          reviewer('r2', '  sre   ON-CALL ', { signedOffAt: 1, signedOffRevision: 3 }),
        ],
      });
      expect(codes(plan)).toEqual(['same-perspectives']);
      expect(isReadyToSend(plan)).toBe(false);
    });

    it('blocks a reviewer without a perspective', () => {
      const plan = goodPlan({
        reviewers: [
          reviewer('r1', 'SRE on-call', { signedOffAt: 1, signedOffRevision: 3 }),
          reviewer('r2', 'Product engineer', { signedOffAt: 1, signedOffRevision: 3 }),
          reviewer('r3', ' ', { signedOffAt: 1, signedOffRevision: 3 }),
        ],
      });
      expect(checkSurveyPlan(plan).problems).toEqual([expect.objectContaining({ code: 'reviewer-without-perspective', reviewerId: 'r3' })]);
      expect(isReadyToSend(plan)).toBe(false);
    });

    it('is not ready until every reviewer signed off', () => {
      const plan = goodPlan({ reviewers: [reviewer('r1', 'SRE', { signedOffAt: 1, signedOffRevision: 3 }), reviewer('r2', 'Developer')] });
      expect(codes(plan)).toEqual([]);
      expect(isReadyToSend(plan)).toBe(false);
      expect(surveyPlanStatus(plan)).toEqual({ kind: 'in-review', signedOff: 1, reviewers: 2, stale: 0 });
    });

    it('does not count sign-offs given before the last change to the questions, and says so', () => {
      const plan = goodPlan({ questionsRevision: 4 });
      const stale = checkSurveyPlan(plan).problems.find((problem) => problem.code === 'stale-sign-offs');
      expect(stale).toMatchObject({ severity: 'warning' });
      expect(stale?.message).toContain('2 sign-offs were given before the last change');
      expect(isReadyToSend(plan)).toBe(false);
      expect(surveyPlanStatus(plan)).toEqual({ kind: 'in-review', signedOff: 0, reviewers: 2, stale: 2 });
    });
  });

  it('lists blocking problems first, then warnings, then hints', () => {
    const questions = [
      question('free-text', 'Why and how?'),
      ...Array.from({ length: MAX_QUESTIONS }, () => question('free-text', 'Why?')),
      question('single-choice', 'Which?', { options: [] }),
    ];
    const severities = checkSurveyPlan(goodPlan({ questions, reviewers: [] })).problems.map((problem) => problem.severity);
    expect(severities).toEqual(['blocking', 'blocking', 'warning', 'warning', 'hint']);
  });
});
