import { describe, expect, it } from 'vitest';
import { scoreSpread } from '../../../shared/domain/score';

describe('score spread', () => {
  it('gives min, max and spread per criterion before the mean, over the scorers who scored it', () => {
    const scores = [{ values: { reach: 1, severity: 5 } }, { values: { reach: 5, severity: 4 } }, { values: { reach: 3 } }];
    expect(scoreSpread(scores, ['reach', 'severity', 'frequency'])).toEqual([
      { criterion: 'reach', scorers: 3, min: 1, max: 5, spread: 4, mean: 3 },
      { criterion: 'severity', scorers: 2, min: 4, max: 5, spread: 1, mean: 4.5 },
    ]);
  });
});
