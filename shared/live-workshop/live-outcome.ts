import type { Card, PainBucket, Vote } from '../domain/board';
import type { Score } from '../domain/score';
import type { Workshop, WorkshopPhase } from '../domain/workshop';
import type { LiveOutcome } from './live-workshop-input';
import type { LivePhase } from './live-documents';

/** The rows a live workshop's outcome puts into the workspace, written in one transaction. */
export interface OutcomeRows {
  readonly newBuckets: readonly PainBucket[];
  /** Existing buckets whose rank changed. */
  readonly rankedBuckets: readonly PainBucket[];
  /** Cards whose bucket changed. */
  readonly movedCards: readonly Card[];
  /** Every vote of the round: they replace the round's votes. */
  readonly votes: readonly Vote[];
  readonly scores: readonly Score[];
  readonly workshop: Workshop;
}

export interface RoundRows {
  readonly roundId: string;
  readonly cards: readonly Card[];
  readonly buckets: readonly PainBucket[];
  readonly scores: readonly Score[];
  readonly workshop: Workshop;
}

const PHASES: Readonly<Record<LivePhase, WorkshopPhase>> = {
  'silent-review': 'silent-review',
  grouping: 'grouping',
  'dot-voting': 'dot-voting',
  discussion: 'discussion',
  scoring: 'ranking',
  ranking: 'ranking',
};

function ungrouped(card: Card): Card {
  const { bucketId: _bucketId, ...rest } = card;
  return rest;
}

function unranked(bucket: PainBucket): PainBucket {
  const { rank: _rank, ...rest } = bucket;
  return rest;
}

/**
 * Maps what the room produced onto the round exactly as the one-laptop workshop stores it:
 * buckets created in the room, card moves, dots per participant, blind scores under the
 * participant's name, the ranking, and the participants who joined. Placements on unknown cards are ignored.
 */
export function planOutcomeRows(round: RoundRows, outcome: LiveOutcome, { now, newId }: { readonly now: number; readonly newId: () => string }): OutcomeRows {
  const known = new Map(round.buckets.map((bucket) => [bucket.id, bucket]));
  const newBuckets = outcome.buckets
    .filter((bucket) => !known.has(bucket.id))
    .map((bucket): PainBucket => ({ id: bucket.id, roundId: round.roundId, title: bucket.title.trim() || 'Untitled bucket', statement: '', slaGapCardIds: [], createdAt: now, updatedAt: now }));
  const movedCards = round.cards.flatMap((card) => {
    if (!(card.id in outcome.placements)) return [];
    const target = outcome.placements[card.id] ?? undefined;
    if (target === card.bucketId) return [];
    return [target === undefined ? ungrouped(card) : { ...card, bucketId: target }];
  });
  const rank = new Map(outcome.ranking.map((id, index) => [id, index + 1]));
  const rankedBuckets = outcome.ranking.length === 0 ? [] : round.buckets.flatMap((bucket) => (bucket.rank === rank.get(bucket.id) ? [] : [rank.has(bucket.id) ? { ...bucket, rank: rank.get(bucket.id) ?? 0, updatedAt: now } : { ...unranked(bucket), updatedAt: now }]));
  const rankedNew = newBuckets.map((bucket) => (rank.has(bucket.id) ? { ...bucket, rank: rank.get(bucket.id) ?? 0 } : bucket));
  const names = new Map(outcome.participants.map((participant) => [participant.id, participant.name]));
  const existingScores = new Map(round.scores.map((score) => [`${score.scorer}\u0000${score.bucketId}`, score]));
  const scores = outcome.scores.map((sheet): Score => {
    const scorer = names.get(sheet.participantId) ?? sheet.participantId;
    const existing = existingScores.get(`${scorer}\u0000${sheet.bucketId}`);
    return { id: existing?.id ?? newId(), roundId: round.roundId, bucketId: sheet.bucketId, scorer, values: { ...sheet.values }, createdAt: existing?.createdAt ?? now, updatedAt: now };
  });
  const seats = new Map(round.workshop.participants.map((participant) => [participant.id, participant]));
  const participants = [...round.workshop.participants, ...outcome.participants.filter((participant) => !seats.has(participant.id)).map(({ id, name }) => ({ id, name }))];
  return {
    newBuckets: rankedNew,
    rankedBuckets,
    movedCards,
    votes: outcome.votes.map((vote) => ({ id: newId(), roundId: round.roundId, participant: vote.participantId, bucketId: vote.bucketId, dots: vote.dots })),
    scores,
    workshop: { ...round.workshop, participants, phase: PHASES[outcome.phase], votesPerParticipant: outcome.budget, areVotesRevealed: outcome.areVotesRevealed, updatedAt: now },
  };
}
