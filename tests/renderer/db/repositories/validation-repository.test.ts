import { describe, expect, it } from 'vitest';
import { createValidationRepository } from '../../../../renderer/db/repositories/validation-repository';
import { KillCriteriaLockError } from '../../../../shared/domain/apply-validation-changes';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';

async function setUp(label: string) {
  const db = await openTestDatabase(label);
  await db.buckets.add({ id: 'b1', roundId: 'r1', title: 'Slow deploys', statement: '', solutionKind: 'eliminate', createdAt: 1, updatedAt: 1 });
  return { db, validation: createValidationRepository(db, createTestDependencies()) };
}

const result = { outcome: 'survived' as const, concludedOn: '2026-05-01', evidence: '8 of 10 teams deployed alone' };

describe('validation repository', () => {
  it('refuses a change to locked kill criteria and leaves the stored experiment as it was', async () => {
    const { db, validation } = await setUp('validation-lock');
    const solution = await validation.createSolution('b1', 'Golden path template');
    const experiment = await validation.createExperiment(solution.id);
    await validation.updateExperiment(experiment.id, { hypothesis: 'Teams self-serve', killCriteria: 'Fewer than 3 of 10 teams deploy alone' });
    const locked = await validation.lockKillCriteria(experiment.id);
    expect(locked?.killCriteriaLockedAt).toBeTypeOf('number');

    await expect(validation.updateExperiment(experiment.id, { killCriteria: 'Fewer than 1 of 10' })).rejects.toThrow(KillCriteriaLockError);
    expect(await db.experiments.get(experiment.id)).toEqual(locked);
    expect((await validation.updateExperiment(experiment.id, { hypothesis: 'Teams self-serve in a day' }))?.killCriteria).toBe('Fewer than 3 of 10 teams deploy alone');
  });

  it('accepts a result only once the kill criteria are locked', async () => {
    const { db, validation } = await setUp('validation-result');
    const solution = await validation.createSolution('b1', 'Golden path');
    const experiment = await validation.createExperiment(solution.id);
    await validation.updateExperiment(experiment.id, { killCriteria: 'Under 3 of 10' });
    await expect(validation.recordResult(experiment.id, result)).rejects.toThrow(KillCriteriaLockError);
    expect((await db.experiments.get(experiment.id))?.result).toBeUndefined();
    await validation.lockKillCriteria(experiment.id);
    expect((await validation.recordResult(experiment.id, result))?.result).toMatchObject(result);
  });

  it('refuses a solution for a bucket that does not exist', async () => {
    const { validation } = await setUp('validation-bucket');
    await expect(validation.createSolution('nope', 'x')).rejects.toThrow('This bucket no longer exists on the board.');
  });

  it('deletes a solution with its experiments in one go and puts both back on undo', async () => {
    const { db, validation } = await setUp('validation-delete');
    const solution = await validation.createSolution('b1', 'Golden path');
    await validation.createExperiment(solution.id);
    await validation.createExperiment(solution.id);
    const deleted = await validation.deleteSolution(solution.id);
    if (deleted === undefined) throw new Error('Nothing was deleted.');
    expect(await db.solutions.count()).toBe(0);
    expect(await db.experiments.count()).toBe(0);
    await validation.restoreSolution(deleted);
    await validation.restoreSolution(deleted);
    expect(await validation.listSolutions(['b1'])).toEqual([solution]);
    expect(await validation.listExperiments([solution.id])).toHaveLength(2);
  });
});
