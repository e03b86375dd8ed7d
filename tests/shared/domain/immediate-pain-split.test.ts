import { describe, expect, it } from 'vitest';
import { effortProblem, immediatePainSplit } from '../../../shared/domain/immediate-pain-split';

describe('immediate-pain split', () => {
  it('has no share and no drift while nothing is planned', () => {
    expect(immediatePainSplit([], 70)).toMatchObject({ totalWeeks: 0, immediatePercent: null, driftPoints: null, isDrifting: false });
  });

  it('computes the share by effort and warns beyond 10 points of the target', () => {
    const plan = [
      { kind: 'immediate-pain', effortWeeks: 7 },
      { kind: 'vision', effortWeeks: 3 },
    ] as const;
    expect(immediatePainSplit(plan, 70)).toMatchObject({ immediateWeeks: 7, visionWeeks: 3, immediatePercent: 70, driftPoints: 0, isDrifting: false });
    const heavyVision = [...plan, { kind: 'vision', effortWeeks: 5 } as const];
    const split = immediatePainSplit(heavyVision, 70);
    expect(split.immediatePercent).toBeCloseTo(46.67, 1);
    expect(split.isDrifting).toBe(true);
  });

  it('accepts 100/0: all effort on immediate pain is on target, any vision work is drift once large enough', () => {
    expect(immediatePainSplit([{ kind: 'immediate-pain', effortWeeks: 4 }], 100)).toMatchObject({ immediatePercent: 100, isDrifting: false });
    expect(immediatePainSplit([{ kind: 'immediate-pain', effortWeeks: 4 }, { kind: 'vision', effortWeeks: 1 }], 100).isDrifting).toBe(true);
  });

  it('ignores efforts that are not positive numbers and explains bad estimates', () => {
    expect(immediatePainSplit([{ kind: 'vision', effortWeeks: Number.NaN }, { kind: 'immediate-pain', effortWeeks: -3 }], 70).totalWeeks).toBe(0);
    expect(effortProblem(0)).toMatch(/more than 0/);
    expect(effortProblem(Number.NaN)).toMatch(/number of person-weeks/);
    expect(effortProblem(0.5)).toBeNull();
  });
});
