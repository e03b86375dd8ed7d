import { describe, expect, it } from 'vitest';
import {
  applyExperimentChanges,
  applySolutionChanges,
  createExperiment,
  createSolution,
  KillCriteriaLockError,
  lockKillCriteria,
  recordExperimentResult,
} from '../../../shared/domain/apply-validation-changes';
import { solutionValidationState } from '../../../shared/domain/solution-validation-state';
import type { Experiment } from '../../../shared/domain/validation';

const written = applyExperimentChanges(createExperiment('e', 's', 1), { hypothesis: 'Teams will self-serve', howItCouldFail: 'Nobody clicks', killCriteria: 'Fewer than 3 of 10 teams deploy alone' }, 2);
const result = { outcome: 'killed' as const, concludedOn: '2026-05-01', evidence: 'Only 1 of 10 teams deployed alone' };

describe('kill criteria lock', () => {
  it('lets the criteria change until they are locked, then refuses any change to them', () => {
    const locked = lockKillCriteria(written, 3);
    expect(locked.killCriteriaLockedAt).toBe(3);
    expect(() => applyExperimentChanges(locked, { killCriteria: 'Fewer than 1 of 10' }, 4)).toThrow(KillCriteriaLockError);
    expect(applyExperimentChanges(locked, { killCriteria: locked.killCriteria, hypothesis: 'Edited' }, 4).hypothesis).toBe('Edited');
    expect(lockKillCriteria(locked, 9).killCriteriaLockedAt).toBe(3);
  });

  it('refuses to lock empty criteria', () => {
    expect(() => lockKillCriteria(createExperiment('e', 's', 1), 2)).toThrow('Write the kill criteria before locking them.');
  });

  it('accepts a result only after the lock, with a day and evidence', () => {
    expect(() => recordExperimentResult(written, result, 3)).toThrow(KillCriteriaLockError);
    const locked = lockKillCriteria(written, 3);
    expect(recordExperimentResult(locked, result, 4).result).toEqual({ ...result, recordedAt: 4 });
    expect(() => recordExperimentResult(locked, { ...result, concludedOn: '1 May' }, 4)).toThrow('The date must be a day (YYYY-MM-DD).');
    expect(() => recordExperimentResult(locked, { ...result, evidence: '  ' }, 4)).toThrow('Say what evidence the result rests on.');
  });
});

describe('solutions', () => {
  it('checks the existing-capability answer and its linked notes', () => {
    const solution = createSolution('s', 'b', '  Golden path  ', 1);
    expect(solution.title).toBe('Golden path');
    const checked = applySolutionChanges(solution, { existingCapability: { status: 'solves-it', notes: 'AWS CodeCatalyst', noteIds: ['n1', 'n1'] } }, 2);
    expect(checked.existingCapability).toEqual({ status: 'solves-it', notes: 'AWS CodeCatalyst', noteIds: ['n1'] });
    expect(() => applySolutionChanges(solution, { existingCapability: { status: 'does-not-solve-it', notes: '', noteIds: ['<bad>'] } }, 2)).toThrow('A linked note id is not valid.');
  });

  it('derives the validation state from the capability check and the experiments', () => {
    const solution = createSolution('s', 'b', 'x', 1);
    const open = { existingCapability: { status: 'does-not-solve-it' as const, notes: '', noteIds: [] } };
    const withResult = (outcome: 'survived' | 'killed' | 'inconclusive'): Pick<Experiment, 'result'> => ({ result: { outcome, concludedOn: '2026-01-01', evidence: 'e', recordedAt: 1 } });
    expect(solutionValidationState(solution, [])).toBe('not-checked');
    expect(solutionValidationState({ existingCapability: { status: 'solves-it', notes: '', noteIds: [] } }, [])).toBe('existing-capability');
    expect(solutionValidationState(open, [])).toBe('untested');
    expect(solutionValidationState(open, [{}, withResult('survived')])).toBe('under-test');
    expect(solutionValidationState(open, [{}, withResult('killed')])).toBe('killed');
    expect(solutionValidationState(open, [withResult('survived'), withResult('survived')])).toBe('survived');
    expect(solutionValidationState(open, [withResult('survived'), withResult('inconclusive')])).toBe('inconclusive');
  });
});
