export type RoundState = 'draft' | 'clustering' | 'voting' | 'ranking' | 'closed';

/** A prioritization round over a frozen snapshot of discovery notes and highlights. */
export interface Round {
  readonly id: string;
  readonly title: string;
  readonly state: RoundState;
  readonly snapshotNoteIds: readonly string[];
  readonly snapshotHighlightIds: readonly string[];
  readonly snapshotTakenAt: number;
  /** Share of planned effort meant for immediate user pain, 0-100; the rest goes to the vision. */
  readonly immediatePainTargetPercent: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}
