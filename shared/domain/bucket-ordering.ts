import { compareBuckets, type Card, type Initiative, type PainBucket, type Vote } from './board';
import { bucketEvidence, EVIDENCE_STRENGTHS, type BucketEvidence } from './bucket-evidence';
import { scoreSpread, SIMPLE_CRITERIA, type Score } from './score';
import { tallyVotes } from './workshop';

/** What the buckets of a round can be ordered by. */
export const ORDERING_KEYS = ['rank', 'votes', 'score', 'evidence', 'effort'] as const;
export type OrderingKey = (typeof ORDERING_KEYS)[number];

export const ORDERING_LABELS: Readonly<Record<OrderingKey, string>> = {
  rank: 'Current ranking',
  votes: 'Votes',
  score: 'Blind score',
  evidence: 'Evidence strength',
  effort: 'Planned effort',
};

/** One bucket with every measure the group may order by, side by side. */
export interface OrderingRow {
  readonly bucket: PainBucket;
  /** Dots once the workshop revealed its votes; null while they are hidden (or no workshop ran). */
  readonly dots: number | null;
  readonly voters: number;
  /** Mean of the criteria means over every scorer (1-5); null when nobody scored the bucket. */
  readonly score: number | null;
  readonly scorers: number;
  /** The widest spread between scorers on one criterion: a large one means "talk before trusting the mean". */
  readonly widestSpread: number;
  readonly evidence: BucketEvidence;
  /** Person-weeks of immediate-pain initiatives planned for it (an initiative for several buckets is shared equally); null when none is planned. */
  readonly effortWeeks: number | null;
}

export interface OrderingInput {
  readonly buckets: readonly PainBucket[];
  readonly cards: readonly Pick<Card, 'bucketId' | 'source' | 'snapshot'>[];
  readonly votes: readonly Pick<Vote, 'bucketId' | 'participant' | 'dots'>[];
  readonly areVotesRevealed: boolean;
  readonly scores: readonly Pick<Score, 'bucketId' | 'values'>[];
  readonly initiatives: readonly Pick<Initiative, 'kind' | 'effortWeeks' | 'bucketIds'>[];
}

/** Every bucket's votes, blind score, users' evidence and planned effort, in the current board order. */
export function orderingRows({ buckets, cards, votes, areVotesRevealed, scores, initiatives }: OrderingInput): OrderingRow[] {
  const ordered = [...buckets].sort(compareBuckets);
  const tallies = new Map(tallyVotes(ordered.map((bucket) => bucket.id), votes).map((tally) => [tally.bucketId, tally]));
  const effort = new Map<string, number>();
  for (const initiative of initiatives) {
    if (initiative.kind !== 'immediate-pain' || initiative.bucketIds.length === 0 || !(initiative.effortWeeks > 0)) continue;
    const share = initiative.effortWeeks / initiative.bucketIds.length;
    for (const bucketId of new Set(initiative.bucketIds)) effort.set(bucketId, (effort.get(bucketId) ?? 0) + share);
  }
  return ordered.map((bucket) => {
    const spreads = scoreSpread(
      scores.filter((score) => score.bucketId === bucket.id),
      SIMPLE_CRITERIA,
    );
    const tally = tallies.get(bucket.id);
    return {
      bucket,
      dots: areVotesRevealed ? (tally?.dots ?? 0) : null,
      voters: areVotesRevealed ? (tally?.voters ?? 0) : 0,
      score: spreads.length === 0 ? null : spreads.reduce((sum, spread) => sum + spread.mean, 0) / spreads.length,
      scorers: Math.max(0, ...spreads.map((spread) => spread.scorers)),
      widestSpread: Math.max(0, ...spreads.map((spread) => spread.spread)),
      evidence: bucketEvidence(cards.filter((card) => card.bucketId === bucket.id)),
      effortWeeks: effort.get(bucket.id) ?? null,
    };
  });
}

// Larger is first for every measure but effort, where the smallest planned effort comes first; missing values go last.
const descending = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : b - a);
const ascending = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b);

const COMPARE: Readonly<Record<OrderingKey, (a: OrderingRow, b: OrderingRow) => number>> = {
  rank: () => 0,
  votes: (a, b) => descending(a.dots, b.dots) || b.voters - a.voters,
  score: (a, b) => descending(a.score, b.score),
  evidence: (a, b) =>
    EVIDENCE_STRENGTHS.indexOf(b.evidence.strength) - EVIDENCE_STRENGTHS.indexOf(a.evidence.strength) || b.evidence.people - a.evidence.people || b.evidence.notes - a.evidence.notes,
  effort: (a, b) => ascending(a.effortWeeks, b.effortWeeks),
};

/**
 * The rows ordered by one measure: most votes, highest blind score, strongest users' evidence, or
 * least planned effort first; buckets without a value (votes hidden, nobody scored, nothing
 * planned) last; ties keep the current ranking.
 */
export function sortOrderingRows(rows: readonly OrderingRow[], key: OrderingKey): OrderingRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => COMPARE[key](a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}

/** Whether ranking the rows in this order would change the ranking (an unranked bucket always would). */
export function isDifferentOrder(rows: readonly OrderingRow[], current: readonly PainBucket[]): boolean {
  const ranked = [...current].sort(compareBuckets);
  return rows.some((row, index) => row.bucket.rank === undefined || ranked[index]?.id !== row.bucket.id);
}
