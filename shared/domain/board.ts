import type { Channel } from './channel';
import type { SlaMetric } from './note';
import type { SlaComparison } from './sla-gap';

/** What a card on the board stands for: a whole note or one highlight inside it. */
export type CardSource =
  | { readonly kind: 'note'; readonly noteId: string }
  | { readonly kind: 'highlight'; readonly noteId: string; readonly highlightId: string };

/** An SLA expectation copied from an SLA note, so a bucket can carry the gap it stands for. */
export interface CardSla {
  readonly service: string;
  readonly metric: SlaMetric;
  readonly expected: string;
  readonly offered?: string;
  /** What was measured when the snapshot was taken; absent on cards made before it was kept. */
  readonly measured?: string;
  /** Offered against expected when the snapshot was taken; screens judge gaps with assessSla instead. */
  readonly comparison: SlaComparison;
}

/** What a card shows, copied at snapshot time so later discovery edits leave the round unchanged. */
export interface CardSnapshot {
  readonly title: string;
  readonly excerpt: string;
  readonly channel: Channel;
  readonly occurredAt: number;
  readonly personIds: readonly string[];
  /** The people's names when the snapshot was taken, in the order of `personIds`. */
  readonly people: readonly string[];
  /** The note's teams and those of its people. */
  readonly teams: readonly string[];
  readonly tags: readonly string[];
  /** The highlighted words, for highlight cards. */
  readonly quote?: string;
  readonly sla?: CardSla;
}

/** A note or highlight placed on a round's board. */
export interface Card {
  readonly id: string;
  readonly roundId: string;
  readonly source: CardSource;
  /** The bucket it was clustered into; absent while unsorted. */
  readonly bucketId?: string;
  readonly position: number;
  readonly snapshot: CardSnapshot;
}

export const SOLUTION_KINDS = ['address', 'eliminate', 'empower'] as const;
export type SolutionKind = (typeof SOLUTION_KINDS)[number];

/** A group of user pains one solution could address, eliminate or empower. */
export interface PainBucket {
  readonly id: string;
  readonly roundId: string;
  readonly title: string;
  readonly statement: string;
  /** Address, eliminate or empower; absent until the group chooses (a new bucket has none). */
  readonly solutionKind?: SolutionKind;
  /** 1 is the most pressing; absent until the group ranks it. */
  readonly rank?: number;
  /** Cards of the round (SLA conversations with a gap) attached as the SLA gaps this pain stands for. */
  readonly slaGapCardIds?: readonly string[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Dots one workshop participant put on one bucket. */
export interface Vote {
  readonly id: string;
  readonly roundId: string;
  /** The workshop participant's id. */
  readonly participant: string;
  readonly bucketId: string;
  readonly dots: number;
}

export const INITIATIVE_KINDS = ['immediate-pain', 'vision'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

/** Planned work, tagged so the immediate-pain/vision split stays visible. */
export interface Initiative {
  readonly id: string;
  readonly roundId: string;
  readonly title: string;
  readonly kind: InitiativeKind;
  /** Estimated effort in person-weeks; the split is computed from it. */
  readonly effortWeeks: number;
  readonly bucketIds: readonly string[];
  /** For kind 'vision': the VisionTheme ids (see artifact.ts) the initiative works towards. */
  readonly visionThemeIds?: readonly string[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Buckets in board order: ranked ones by rank, then the unranked by creation. */
export function compareBuckets(a: PainBucket, b: PainBucket): number {
  const rankA = a.rank ?? Number.POSITIVE_INFINITY;
  const rankB = b.rank ?? Number.POSITIVE_INFINITY;
  if (rankA !== rankB) return rankA - rankB;
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
