import type { NoteFilter } from './note-filter';

export type RoundState = 'draft' | 'clustering' | 'voting' | 'ranking' | 'closed';

/** The filters a round's snapshot was taken with, kept so the round can say what it holds. */
export type RoundFilter = Pick<NoteFilter, 'channel' | 'tag' | 'team' | 'from' | 'to'>;

/** The default share of planned effort for immediate user pain. */
export const DEFAULT_IMMEDIATE_PAIN_TARGET_PERCENT = 70;

/** A prioritization round over a frozen snapshot of discovery notes and highlights. */
export interface Round {
  readonly id: string;
  readonly title: string;
  readonly state: RoundState;
  /** Absent on rounds made before filters were kept. */
  readonly filter?: RoundFilter;
  readonly snapshotNoteIds: readonly string[];
  readonly snapshotHighlightIds: readonly string[];
  readonly snapshotTakenAt: number;
  /** Share of planned effort meant for immediate user pain, 0-100; the rest goes to the vision. */
  readonly immediatePainTargetPercent: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A problem with a round title, or null when it can be used. */
export function roundTitleProblem(title: string): string | null {
  if (title.trim() === '') return 'Give the round a title.';
  if (title.trim().length > 200) return 'Keep the round title under 200 characters.';
  return null;
}

/** A problem with an immediate-pain target, or null when it is a whole number from 0 to 100. */
export function targetPercentProblem(value: number): string | null {
  return Number.isInteger(value) && value >= 0 && value <= 100 ? null : 'The target is a whole percentage from 0 to 100.';
}
