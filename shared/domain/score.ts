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
