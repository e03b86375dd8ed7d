import type { RichTextDoc } from './rich-text';

/** Evidence an artifact claim rests on. */
export type Citation =
  | { readonly kind: 'note'; readonly noteId: string }
  | { readonly kind: 'highlight'; readonly noteId: string; readonly highlightId: string };

/** The charter's sections, in the order the editor and the exports show them. */
export const CHARTER_SECTIONS = [
  { key: 'uniqueValue', title: 'Unique value', prompt: 'What do we provide that no one else does?' },
  { key: 'competitiveAdvantages', title: 'Competitive advantages', prompt: 'Why are we better placed than the alternatives (vendors, open source, other teams)?' },
  { key: 'strategy', title: 'Strategy', prompt: 'How will we use those advantages over the next year?' },
] as const satisfies readonly { readonly key: string; readonly title: string; readonly prompt: string }[];

export type CharterSectionKey = (typeof CHARTER_SECTIONS)[number]['key'];

/** The team's unique value, competitive advantages and strategy. */
export interface Charter {
  readonly id: string;
  readonly roundId: string;
  readonly kind: 'charter';
  readonly sections: Readonly<Record<CharterSectionKey, RichTextDoc>>;
  /** Derived from the sections on every write: every note and highlight they cite, once each. */
  readonly citations: readonly Citation[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A named theme of one vision year; initiatives planned for the vision point at it by id. */
export interface VisionTheme {
  readonly id: string;
  readonly title: string;
}

export type VisionYearNumber = 1 | 2 | 3;

/** The three vision years, in order. */
export const VISION_YEAR_NUMBERS: readonly VisionYearNumber[] = [1, 2, 3];

export interface VisionYear {
  readonly year: VisionYearNumber;
  /** The discrete themes of the year, listed where initiatives are planned against the vision. */
  readonly themes: readonly VisionTheme[];
  /** Free rich text describing the year, with inline citations. */
  readonly body: RichTextDoc;
  /** Derived from `body` on every write. */
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
