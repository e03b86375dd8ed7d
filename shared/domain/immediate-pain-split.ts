import type { Initiative, PainBucket } from './board';

/** How far (in percentage points) the split may stray from the target before it counts as drift. */
export const DRIFT_TOLERANCE_POINTS = 10;

/** The planned effort split between immediate user pain and the vision, against the team's target. */
export interface ImmediatePainSplit {
  readonly immediateWeeks: number;
  readonly visionWeeks: number;
  readonly totalWeeks: number;
  /** Share of planned effort on immediate pain, 0-100; null while nothing is planned. */
  readonly immediatePercent: number | null;
  readonly targetPercent: number;
  /** Actual minus target, in percentage points; null while nothing is planned. */
  readonly driftPoints: number | null;
  readonly isDrifting: boolean;
}

/** Sums effort per kind and compares the immediate-pain share with the target (e.g. 70, or 100 for all pain). */
export function immediatePainSplit(initiatives: readonly Pick<Initiative, 'kind' | 'effortWeeks'>[], targetPercent: number): ImmediatePainSplit {
  let immediateWeeks = 0;
  let visionWeeks = 0;
  for (const initiative of initiatives) {
    const weeks = Number.isFinite(initiative.effortWeeks) && initiative.effortWeeks > 0 ? initiative.effortWeeks : 0;
    if (initiative.kind === 'immediate-pain') immediateWeeks += weeks;
    else visionWeeks += weeks;
  }
  const totalWeeks = immediateWeeks + visionWeeks;
  const immediatePercent = totalWeeks === 0 ? null : (immediateWeeks / totalWeeks) * 100;
  const driftPoints = immediatePercent === null ? null : immediatePercent - targetPercent;
  return {
    immediateWeeks,
    visionWeeks,
    totalWeeks,
    immediatePercent,
    targetPercent,
    driftPoints,
    isDrifting: driftPoints !== null && Math.abs(driftPoints) > DRIFT_TOLERANCE_POINTS,
  };
}

/** A problem with an effort estimate in person-weeks, or null when it is usable. */
export function effortProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'Give the effort as a number of person-weeks, e.g. 3 or 0.5.';
  if (value <= 0) return 'The effort must be more than 0 person-weeks.';
  if (value > 10_000) return 'That effort is over 10,000 person-weeks; check the number.';
  return null;
}

/** Ranked pain buckets that no immediate-pain initiative is planned for, in rank order: the plan should say so. */
export function rankedBucketsWithoutInitiative<B extends Pick<PainBucket, 'id' | 'rank'>>(buckets: readonly B[], initiatives: readonly Pick<Initiative, 'kind' | 'bucketIds'>[]): B[] {
  const planned = new Set(initiatives.filter((initiative) => initiative.kind === 'immediate-pain').flatMap((initiative) => initiative.bucketIds));
  return buckets.filter((bucket) => bucket.rank !== undefined && !planned.has(bucket.id)).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
}
