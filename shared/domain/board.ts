/** What a card on the board stands for: a whole note or one highlight inside it. */
export type CardSource =
  | { readonly kind: 'note'; readonly noteId: string }
  | { readonly kind: 'highlight'; readonly noteId: string; readonly highlightId: string };

/** A note or highlight placed on a round's board. */
export interface Card {
  readonly id: string;
  readonly roundId: string;
  readonly source: CardSource;
  /** The bucket it was clustered into; absent while unsorted. */
  readonly bucketId?: string;
  readonly position: number;
}

export type SolutionKind = 'address' | 'eliminate' | 'empower';

/** A group of user pains one solution could address, eliminate or empower. */
export interface PainBucket {
  readonly id: string;
  readonly roundId: string;
  readonly title: string;
  readonly statement: string;
  readonly solutionKind: SolutionKind;
  /** 1 is the most pressing; absent until the group ranks it. */
  readonly rank?: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Dots one workshop participant put on one bucket. */
export interface Vote {
  readonly id: string;
  readonly roundId: string;
  readonly participant: string;
  readonly bucketId: string;
  readonly dots: number;
}

export type InitiativeKind = 'immediate-pain' | 'vision';

export type Effort = 'small' | 'medium' | 'large';

/** Planned work, tagged so the immediate-pain/vision split stays visible. */
export interface Initiative {
  readonly id: string;
  readonly roundId: string;
  readonly title: string;
  readonly kind: InitiativeKind;
  readonly effort: Effort;
  readonly bucketIds: readonly string[];
  /** For kind 'vision': the VisionTheme ids (see artifact.ts) the initiative works towards. */
  readonly visionThemeIds?: readonly string[];
  readonly createdAt: number;
  readonly updatedAt: number;
}
