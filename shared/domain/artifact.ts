import type { RichTextDoc } from './rich-text';

/** Evidence an artifact claim rests on. */
export type Citation =
  | { readonly kind: 'note'; readonly noteId: string }
  | { readonly kind: 'highlight'; readonly noteId: string; readonly highlightId: string };

/** The team's unique value, competitive advantages and strategy. */
export interface Charter {
  readonly id: string;
  readonly roundId: string;
  readonly kind: 'charter';
  readonly body: RichTextDoc;
  readonly citations: readonly Citation[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A named theme of one vision year; initiatives planned for the vision point at it by id. */
export interface VisionTheme {
  readonly id: string;
  readonly title: string;
}

export interface VisionYear {
  readonly year: 1 | 2 | 3;
  /** The discrete themes of the year, listed where initiatives are planned against the vision. */
  readonly themes: readonly VisionTheme[];
  /** Free rich text describing the year, with inline citations. */
  readonly body: RichTextDoc;
  readonly citations: readonly Citation[];
}

/** Where the team could be in three years if everything went perfectly. */
export interface Vision {
  readonly id: string;
  readonly roundId: string;
  readonly kind: 'vision';
  readonly years: readonly VisionYear[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type Artifact = Charter | Vision;

export type ArtifactKind = Artifact['kind'];
