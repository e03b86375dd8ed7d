import { describe, expect, it } from 'vitest';
import { dotsLeft, participantNameProblem, tallyVotes, voteBudgetProblem } from '../../../shared/domain/workshop';

describe('dot-vote tallies', () => {
  const votes = [
    { participant: 'ada', bucketId: 'b2', dots: 3 },
    { participant: 'ada', bucketId: 'b3', dots: 2 },
    { participant: 'bo', bucketId: 'b2', dots: 1 },
    { participant: 'bo', bucketId: 'gone', dots: 4 },
  ];

  it('totals dots per bucket, most first, and keeps zero-vote buckets in their order', () => {
    expect(tallyVotes(['b1', 'b2', 'b3', 'b4'], votes)).toEqual([
      { bucketId: 'b2', dots: 4, voters: 2 },
      { bucketId: 'b3', dots: 2, voters: 1 },
      { bucketId: 'b1', dots: 0, voters: 0 },
      { bucketId: 'b4', dots: 0, voters: 0 },
    ]);
  });

  it('counts the dots each participant has left within the budget', () => {
    expect(dotsLeft('ada', votes, 5)).toBe(0);
    expect(dotsLeft('bo', votes, 6)).toBe(1);
    expect(dotsLeft('cy', votes, 5)).toBe(5);
  });

  it('explains bad names and budgets', () => {
    expect(participantNameProblem('  ', [])).toMatch(/name/);
    expect(participantNameProblem('ADA', [{ id: '1', name: 'Ada' }])).toBe('ADA is already in the room.');
    expect(participantNameProblem('Bo', [{ id: '1', name: 'Ada' }])).toBeNull();
    expect(voteBudgetProblem(0)).not.toBeNull();
    expect(voteBudgetProblem(2.5)).not.toBeNull();
    expect(voteBudgetProblem(5)).toBeNull();
  });
});
