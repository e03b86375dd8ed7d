import { UserError } from '../../../../shared/errors/user-error';
import { describe, expect, it } from 'vitest';
import { createSurveyPlansRepository } from '../../../../renderer/db/repositories/survey-plans-repository';
import type { PlanQuestion, PlanReviewer, SurveyPlanChanges } from '../../../../shared/domain/survey-plan';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';

const question: PlanQuestion = { id: 'q1', text: 'How satisfied are you with CI speed?', type: 'scale', scale: { min: 1, max: 5 } };
const reviewer: PlanReviewer = { id: 'r1', name: 'Sam', perspective: 'SRE on-call, sceptical of more tooling' };

async function openRepository(label: string) {
  const db = await openTestDatabase(label);
  return { db, plans: createSurveyPlansRepository(db, createTestDependencies()) };
}

describe('survey plans repository', () => {
  it('creates an empty plan and reads it back', async () => {
    const { plans } = await openRepository('plans-create');
    const plan = await plans.create({ title: 'CI pain survey', goal: 'Decide on build caching' });
    expect(plan).toEqual({
      id: 'id-000001',
      title: 'CI pain survey',
      goal: 'Decide on build caching',
      audience: '',
      questions: [],
      reviewers: [],
      questionsRevision: 0,
      createdAt: Date.UTC(2025, 0, 1),
      updatedAt: Date.UTC(2025, 0, 1),
    });
    expect(await plans.get(plan.id)).toEqual(plan);
    expect(await plans.get('missing')).toBeUndefined();
  });

  it('lists plans most recently changed first', async () => {
    const { plans } = await openRepository('plans-list');
    const first = await plans.create({ title: 'First' });
    const second = await plans.create({ title: 'Second' });
    expect((await plans.listNewest()).map((plan) => plan.title)).toEqual(['Second', 'First']);
    await plans.update(first.id, { audience: 'Platform users' });
    expect((await plans.listNewest()).map((plan) => plan.id)).toEqual([first.id, second.id]);
  });

  it('updates the fields, cleans what comes in and keeps sign-offs tied to the questions they saw', async () => {
    const { plans } = await openRepository('plans-update');
    const plan = await plans.create();
    const withQuestions = await plans.update(plan.id, { title: 'CI survey', questions: [question], reviewers: [reviewer] });
    expect(withQuestions).toMatchObject({ title: 'CI survey', questions: [question], reviewers: [reviewer], questionsRevision: 1 });
    expect(withQuestions?.updatedAt).toBeGreaterThan(plan.updatedAt);

    const signed = await plans.update(plan.id, { reviewers: [{ ...reviewer, signedOffAt: 99, comment: 'Fair questions' }] });
    expect(signed?.reviewers).toEqual([{ ...reviewer, signedOffAt: 99, signedOffRevision: 1, comment: 'Fair questions' }]);

    const edited = await plans.update(plan.id, { questions: [{ ...question, text: 'How fast is CI?' }] });
    expect(edited?.questionsRevision).toBe(2);
    expect(edited?.reviewers[0]?.signedOffRevision).toBe(1);
    expect(await plans.get(plan.id)).toEqual(edited);
  });

  it('refuses malformed changes and writes nothing', async () => {
    const { plans } = await openRepository('plans-invalid');
    const plan = await plans.create({ title: 'Kept' });
    const bad: SurveyPlanChanges[] = [
      { title: 'Changed', questions: [question, question] },
      { questions: [{ ...question, type: 'essay' as PlanQuestion['type'] }] },
      { reviewers: [{ ...reviewer, name: '   ' }] },
      { questions: [{ ...question, scale: { min: 1, max: Number.NaN } }] },
    ];
    for (const changes of bad) await expect(plans.update(plan.id, changes)).rejects.toThrow(UserError);
    expect(await plans.get(plan.id)).toEqual(plan);
  });

  it('answers undefined when updating or deleting a plan that does not exist', async () => {
    const { plans } = await openRepository('plans-missing');
    expect(await plans.update('missing', { title: 'x' })).toBeUndefined();
    expect(await plans.delete('missing')).toBeUndefined();
  });

  it('deletes a plan returning it, and restores it exactly, once', async () => {
    const { plans } = await openRepository('plans-undo');
    const created = await plans.create({ title: 'To delete' });
    const plan = await plans.update(created.id, { questions: [question], reviewers: [{ ...reviewer, signedOffAt: 5 }] });
    const deleted = await plans.delete(created.id);
    expect(deleted).toEqual(plan);
    expect(await plans.get(created.id)).toBeUndefined();
    expect(await plans.listNewest()).toEqual([]);

    if (deleted) {
      await plans.restore(deleted);
      await plans.restore(deleted);
    }
    expect(await plans.listNewest()).toEqual([plan]);
  });
});
