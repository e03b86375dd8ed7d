import { describe, expect, it } from 'vitest';
import {
  applySurveyPlanChanges,
  createSurveyPlan,
  isSignOffCurrent,
  isSignOffStale,
  type PlanQuestion,
  type PlanReviewer,
  type SurveyPlan,
} from '../../../shared/domain/survey-plan';

const scale: PlanQuestion = { id: 'q1', text: 'How fast is CI?', type: 'scale', scale: { min: 1, max: 5 } };
const why: PlanQuestion = { id: 'q2', text: 'Why?', type: 'free-text' };
const sre: PlanReviewer = { id: 'r1', name: 'Sam', perspective: 'SRE on-call' };

function plan(): SurveyPlan {
  return applySurveyPlanChanges(createSurveyPlan('plan-1', { title: 'CI survey' }, 1), { questions: [scale, why], reviewers: [sre] }, 2);
}

describe('createSurveyPlan', () => {
  it('starts empty, at question revision 0', () => {
    expect(createSurveyPlan('p', { goal: 'Decide on caching' }, 5)).toEqual({
      id: 'p',
      title: '',
      goal: 'Decide on caching',
      audience: '',
      questions: [],
      reviewers: [],
      questionsRevision: 0,
      createdAt: 5,
      updatedAt: 5,
    });
  });
});

describe('applySurveyPlanChanges', () => {
  it('raises the question revision only when the questions change', () => {
    const start = plan();
    expect(start.questionsRevision).toBe(1);
    expect(applySurveyPlanChanges(start, { title: 'Renamed', questions: [scale, why] }, 3).questionsRevision).toBe(1);
    expect(applySurveyPlanChanges(start, { questions: [why, scale] }, 3).questionsRevision).toBe(2);
    expect(applySurveyPlanChanges(start, { questions: [{ ...scale, scale: { min: 0, max: 10 } }, why] }, 3).questionsRevision).toBe(2);
    expect(applySurveyPlanChanges(start, { questions: [{ ...why, type: 'number' }, scale] }, 3).questionsRevision).toBe(2);
  });

  it('stamps a new sign-off with the revision saved with it, and keeps it while the questions stay the same', () => {
    const signed = applySurveyPlanChanges(plan(), { reviewers: [{ ...sre, signedOffAt: 10 }] }, 3);
    const reviewer = signed.reviewers[0];
    expect(reviewer).toEqual({ ...sre, signedOffAt: 10, signedOffRevision: 1 });
    expect(reviewer && isSignOffCurrent(signed, reviewer)).toBe(true);

    // A caller cannot move a sign-off forward by sending another revision.
    const renamed = applySurveyPlanChanges(signed, { title: 'New title', reviewers: [{ ...sre, signedOffAt: 10, signedOffRevision: 99 }] }, 4);
    expect(renamed.reviewers[0]?.signedOffRevision).toBe(1);
  });

  it('leaves a sign-off stale, not erased, when the questions change afterwards; signing again makes it current', () => {
    const signed = applySurveyPlanChanges(plan(), { reviewers: [{ ...sre, signedOffAt: 10, comment: 'Looks fair' }] }, 3);
    const edited = applySurveyPlanChanges(signed, { questions: [{ ...why, text: 'Why is CI slow?' }, scale] }, 4);
    const reviewer = edited.reviewers[0];
    expect(reviewer).toEqual({ ...sre, signedOffAt: 10, signedOffRevision: 1, comment: 'Looks fair' });
    expect(reviewer && isSignOffStale(edited, reviewer)).toBe(true);

    const again = applySurveyPlanChanges(edited, { reviewers: [{ ...sre, signedOffAt: 20, comment: 'Looks fair' }] }, 5);
    expect(again.reviewers[0] && isSignOffCurrent(again, again.reviewers[0])).toBe(true);
  });

  it('counts a sign-off given together with a question change for the new questions (it was given on what was on screen)', () => {
    const both = applySurveyPlanChanges(plan(), { questions: [why], reviewers: [{ ...sre, signedOffAt: 10 }] }, 3);
    expect(both.questionsRevision).toBe(2);
    expect(both.reviewers[0]?.signedOffRevision).toBe(2);
  });

  it('withdrawing a sign-off keeps the comment', () => {
    const signed = applySurveyPlanChanges(plan(), { reviewers: [{ ...sre, signedOffAt: 10, comment: 'Q2 is leading' }] }, 3);
    const withdrawn = applySurveyPlanChanges(signed, { reviewers: [{ ...sre, comment: 'Q2 is leading' }] }, 4);
    expect(withdrawn.reviewers).toEqual([{ ...sre, comment: 'Q2 is leading' }]);
  });

  it('cleans options and reviewer names on the way in', () => {
    const choice: PlanQuestion = { id: 'q3', text: 'Which?', type: 'single-choice', options: [' A ', '', 'B', '  '] };
    const next = applySurveyPlanChanges(plan(), { questions: [choice], reviewers: [{ ...sre, name: '  Sam ', perspective: ' SRE ', comment: '  ' }] }, 3);
    expect(next.questions[0]?.options).toEqual(['A', 'B']);
    expect(next.reviewers[0]).toEqual({ id: 'r1', name: 'Sam', perspective: 'SRE' });
  });

  it.each([
    ['a question without an id', { questions: [{ ...why, id: '' }] }, /Question 1 needs an id/],
    ['two questions with one id', { questions: [why, why] }, /Question 2 q2 appears twice/],
    ['an unknown type', { questions: [{ ...why, type: 'grid-item' }] }, /unknown type: grid-item/],
    ['a scale that is not a number', { questions: [{ ...scale, scale: { min: Number.NaN, max: 5 } }] }, /scale needs a lowest and a highest/],
    ['options that are not text', { questions: [{ ...why, type: 'single-choice', options: [1, 2] }] }, /options must be a list of text/],
    ['text that is not text', { title: 42 }, /The title must be text/],
    ['a reviewer without a name', { reviewers: [{ ...sre, name: ' ' }] }, /Reviewer 1 needs a name/],
    ['a sign-off without a date', { reviewers: [{ ...sre, signedOffAt: Number.POSITIVE_INFINITY }] }, /sign-off needs a date/],
  ])('refuses %s', (_, changes, message) => {
    // Deliberately malformed input, as a caller outside TypeScript could send it.
    expect(() => applySurveyPlanChanges(plan(), changes as never, 3)).toThrow(message);
  });
});
