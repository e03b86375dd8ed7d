import type { Vote } from './board';

/** The phases of a prioritization workshop, in the order a room usually runs them. */
export const WORKSHOP_PHASES = ['silent-review', 'grouping', 'dot-voting', 'discussion', 'ranking'] as const;
export type WorkshopPhase = (typeof WORKSHOP_PHASES)[number];

export const WORKSHOP_PHASE_LABELS: Readonly<Record<WorkshopPhase, string>> = {
  'silent-review': 'Silent review',
  grouping: 'Grouping',
  'dot-voting': 'Dot voting',
  discussion: 'Discussion',
  ranking: 'Ranking',
};

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
  /** Time left on a paused timer (ms). */
  readonly timerPausedMs?: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** One bucket's dots once votes are revealed. */
export interface VoteTally {
  readonly bucketId: string;
  readonly dots: number;
  /** How many participants put at least one dot on it. */
  readonly voters: number;
}

/**
 * Totals dots per bucket, most first; every bucket given is kept, those without a vote at 0, and
 * ties keep the buckets' given order. Votes for buckets not given (deleted since) are ignored.
 */
export function tallyVotes(bucketIds: readonly string[], votes: readonly Pick<Vote, 'bucketId' | 'participant' | 'dots'>[]): readonly VoteTally[] {
  const dots = new Map(bucketIds.map((id) => [id, 0]));
  const voters = new Map<string, Set<string>>(bucketIds.map((id) => [id, new Set()]));
  for (const vote of votes) {
    const total = dots.get(vote.bucketId);
    if (total === undefined || vote.dots <= 0) continue;
    dots.set(vote.bucketId, total + vote.dots);
    voters.get(vote.bucketId)?.add(vote.participant);
  }
  return bucketIds
    .map((bucketId, order) => ({ bucketId, dots: dots.get(bucketId) ?? 0, voters: voters.get(bucketId)?.size ?? 0, order }))
    .sort((a, b) => b.dots - a.dots || a.order - b.order)
    .map(({ bucketId, dots: total, voters: count }) => ({ bucketId, dots: total, voters: count }));
}

/** Dots a participant has left to place, never below 0. */
export function dotsLeft(participantId: string, votes: readonly Pick<Vote, 'participant' | 'dots'>[], budget: number): number {
  const used = votes.filter((vote) => vote.participant === participantId).reduce((sum, vote) => sum + Math.max(0, vote.dots), 0);
  return Math.max(0, budget - used);
}

/** A problem with a participant name among those already in the room, or null. */
export function participantNameProblem(name: string, participants: readonly WorkshopParticipant[]): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Type the participant’s name.';
  if (participants.some((participant) => participant.name.trim().toLowerCase() === trimmed.toLowerCase())) return `${trimmed} is already in the room.`;
  return null;
}

/** A problem with a vote budget, or null when it is a whole number from 1 to 50. */
export function voteBudgetProblem(value: number): string | null {
  return Number.isInteger(value) && value >= 1 && value <= 50 ? null : 'Each participant gets a whole number of dots from 1 to 50.';
}
