/** One scorer's independent, blind score of one bucket (reach, severity, frequency, or RICE parts). */
export interface Score {
  readonly id: string;
  readonly roundId: string;
  readonly bucketId: string;
  /** Who scored: a name typed by the scorer; others' scores stay hidden from them until revealed. */
  readonly scorer: string;
  /** Criterion name to value, e.g. { reach: 4, severity: 5, frequency: 3 }. */
  readonly values: Readonly<Record<string, number>>;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The simple scale: each criterion from 1 to 5. */
export const SIMPLE_CRITERIA = ['reach', 'severity', 'frequency'] as const;

/** How far independent scorers agree on one criterion of one bucket. */
export interface ScoreSpread {
  readonly criterion: string;
  readonly scorers: number;
  readonly min: number;
  readonly max: number;
  /** max - min: shown before the mean, so disagreement is discussed rather than averaged away. */
  readonly spread: number;
  readonly mean: number;
}

/** The spread (min, max, range) and then the mean of each criterion over every scorer of one bucket. */
export function scoreSpread(scores: readonly Pick<Score, 'values'>[], criteria: readonly string[]): readonly ScoreSpread[] {
  return criteria.flatMap((criterion) => {
    const values = scores.map((score) => score.values[criterion]).filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
    if (values.length === 0) return [];
    const min = Math.min(...values);
    const max = Math.max(...values);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    return [{ criterion, scorers: values.length, min, max, spread: max - min, mean }];
  });
}
