import { describe, expect, it } from 'vitest';
import type { PainBucket } from '../../../shared/domain/board';
import type { Experiment, ExperimentOutcome, Solution } from '../../../shared/domain/validation';
import { bucketVerdict, buildValidationTree, experimentStage } from '../../../shared/domain/validation-tree';

function bucket(id: string): PainBucket {
  return { id, roundId: 'r', title: id, statement: '', solutionKind: 'address', createdAt: 1, updatedAt: 1 };
}

function solution(id: string, bucketId: string, createdAt: number, capability: Solution['existingCapability'] = { status: 'not-checked' }): Solution {
  return { id, bucketId, title: id, description: '', existingCapability: capability, createdAt, updatedAt: createdAt };
}

function experiment(id: string, solutionId: string, createdAt: number, facts: { locked?: boolean; outcome?: ExperimentOutcome } = {}): Experiment {
  return {
    id,
    solutionId,
    hypothesis: '',
    howItCouldFail: '',
    killCriteria: 'we stop if',
    createdAt,
    updatedAt: createdAt,
    ...(facts.locked === true || facts.outcome !== undefined ? { killCriteriaLockedAt: createdAt } : {}),
    ...(facts.outcome === undefined ? {} : { result: { recordedAt: createdAt, concludedOn: '2026-12-01', outcome: facts.outcome, evidence: '' } }),
  };
}

describe('experimentStage', () => {
  it('is drafting until the kill criteria are locked, running until a result, then the outcome', () => {
    expect(experimentStage(experiment('e', 's', 1))).toBe('drafting');
    expect(experimentStage(experiment('e', 's', 1, { locked: true }))).toBe('running');
    expect(experimentStage(experiment('e', 's', 1, { outcome: 'killed' }))).toBe('killed');
    expect(experimentStage(experiment('e', 's', 1, { outcome: 'survived' }))).toBe('survived');
    expect(experimentStage(experiment('e', 's', 1, { outcome: 'inconclusive' }))).toBe('inconclusive');
  });
});

describe('buildValidationTree', () => {
  it('hangs solutions under their bucket and experiments under their solution, oldest first, in the buckets’ order', () => {
    const tree = buildValidationTree(
      [bucket('b2'), bucket('b1')],
      [solution('late', 'b1', 5), solution('early', 'b1', 2), solution('other', 'b2', 3), solution('stray', 'gone', 1)],
      [experiment('e2', 'early', 9), experiment('e1', 'early', 4), experiment('x', 'other', 1), experiment('orphan', 'missing', 1)],
    );
    expect(tree.map((node) => [node.bucket.id, node.solutions.map((s) => [s.solution.id, s.experiments.map((e) => e.experiment.id)])])).toEqual([
      ['b2', [['other', ['x']]]],
      ['b1', [['early', ['e1', 'e2']], ['late', []]]],
    ]);
  });

  it('lets experiment results drive each solution’s state: an experiment that proved it cannot work kills it', () => {
    const [node] = buildValidationTree(
      [bucket('b')],
      [
        solution('proved-wrong', 'b', 1, { status: 'solves-it', notes: '', noteIds: [] }),
        solution('running', 'b', 2),
        solution('held-up', 'b', 3),
      ],
      [
        experiment('a', 'proved-wrong', 1, { outcome: 'survived' }),
        experiment('b', 'proved-wrong', 2, { outcome: 'killed' }),
        experiment('c', 'running', 3, { locked: true }),
        experiment('d', 'held-up', 4, { outcome: 'survived' }),
      ],
    );
    expect(node?.solutions.map((s) => [s.solution.id, s.state])).toEqual([
      ['proved-wrong', 'killed'],
      ['running', 'under-test'],
      ['held-up', 'survived'],
    ]);
    expect(node?.solutions[0]?.experiments.map((e) => e.stage)).toEqual(['survived', 'killed']);
    expect(node?.verdict).toBe('way-forward');
  });

  it('says when every candidate of a bucket was killed, so the bucket needs new ideas', () => {
    const [node] = buildValidationTree([bucket('b')], [solution('s1', 'b', 1), solution('s2', 'b', 2)], [
      experiment('a', 's1', 1, { outcome: 'killed' }),
      experiment('b', 's2', 1, { outcome: 'killed' }),
    ]);
    expect(node?.verdict).toBe('all-killed');
  });
});

describe('bucketVerdict', () => {
  it('reads the states of a bucket’s solutions', () => {
    expect(bucketVerdict([])).toBe('no-solutions');
    expect(bucketVerdict(['killed', 'existing-capability'])).toBe('way-forward');
    expect(bucketVerdict(['killed', 'survived'])).toBe('way-forward');
    expect(bucketVerdict(['killed', 'killed'])).toBe('all-killed');
    expect(bucketVerdict(['killed', 'under-test'])).toBe('open');
    expect(bucketVerdict(['not-checked'])).toBe('open');
    expect(bucketVerdict(['inconclusive', 'untested'])).toBe('open');
  });
});
