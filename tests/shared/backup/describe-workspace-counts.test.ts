import { describe, expect, it } from 'vitest';
import { describeWorkspaceCounts } from '../../../shared/backup/describe-workspace-counts';

describe('describeWorkspaceCounts', () => {
  it('names the main tables that hold rows, in words, and leaves out the rest', () => {
    const counts = new Map([
      ['notes', 1200],
      ['contacts', 1],
      ['surveys', 2],
      ['surveyResponses', 0],
      ['rounds', 1],
      ['cards', 40],
      ['settings', 6],
      ['meta', 3],
    ]);
    expect(describeWorkspaceCounts(counts)).toBe('1,200 notes, 1 person, 2 surveys, 1 prioritization round, 40 cards');
  });

  it('always says how many notes, even none', () => {
    expect(describeWorkspaceCounts(new Map())).toBe('0 notes');
    expect(describeWorkspaceCounts(new Map([['notes', 1]]))).toBe('1 note');
  });
});
