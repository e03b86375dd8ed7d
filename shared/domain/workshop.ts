/** The phases of a prioritization workshop, in the order a room usually runs them. */
export const WORKSHOP_PHASES = ['silent-review', 'grouping', 'dot-voting', 'discussion', 'ranking'] as const;
export type WorkshopPhase = (typeof WORKSHOP_PHASES)[number];

/** One person in the room; `contactId` links them to People when they are a known contact. */
export interface WorkshopParticipant {
  readonly id: string;
  readonly name: string;
  readonly contactId?: string;
}

/** A workshop session, saved with its round so it can be resumed or reviewed later. */
export interface Workshop {
  readonly id: string;
  readonly roundId: string;
  readonly participants: readonly WorkshopParticipant[];
  readonly phase: WorkshopPhase;
  /** Dots each participant may place during dot voting. */
  readonly votesPerParticipant: number;
  /** Votes stay hidden until the facilitator reveals them all at once. */
  readonly areVotesRevealed: boolean;
  /** When the current phase's timer ends (epoch ms); absent when no timer runs. */
  readonly timerEndsAt?: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}
