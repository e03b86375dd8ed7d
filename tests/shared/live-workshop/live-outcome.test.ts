import { describe, expect, it } from 'vitest';
import type { Card, PainBucket } from '../../../shared/domain/board';
import { planOutcomeRows } from '../../../shared/live-workshop/live-outcome';
import type { LiveOutcome } from '../../../shared/live-workshop/live-workshop-input';

const card = (id: string, bucketId?: string): Card => ({
  id,
  roundId: 'r1',
  source: { kind: 'note', noteId: `n-${id}` },
  position: 0,
  ...(bucketId ? { bucketId } : {}),
  snapshot: { title: id, excerpt: '', channel: 'coffee-chat', occurredAt: 0, personIds: [], people: [], teams: [], tags: [] },
});
const bucket = (id: string, rank?: number): PainBucket => ({ id, roundId: 'r1', title: id, statement: '', solutionKind: 'address', createdAt: 0, updatedAt: 0, ...(rank ? { rank } : {}) });

describe('planOutcomeRows', () => {
  it('maps the room’s buckets, moves, dots, scores, ranking and participants onto the round', () => {
    const outcome: LiveOutcome = {
      workshopId: 'w1',
      phase: 'scoring',
      budget: 3,
      areVotesRevealed: true,
      participants: [{ id: 'p-ana', name: 'Ana' }, { id: 'p-new', name: 'Bo' }],
      buckets: [{ id: 'b1', title: 'Speed' }, { id: 'room', title: 'Made in the room' }],
      placements: { c1: 'room', c2: null, unknown: 'b1' },
      votes: [{ participantId: 'p-new', bucketId: 'room', dots: 2 }],
      scores: [{ participantId: 'p-ana', bucketId: 'b1', values: { reach: 4 } }],
      ranking: ['room', 'b1'],
    };
    const ids = ['s1', 'v1'];
    const rows = planOutcomeRows(
      {
        roundId: 'r1',
        cards: [card('c1'), card('c2', 'b1'), card('c3', 'b1')],
        buckets: [bucket('b1', 1)],
        scores: [],
        workshop: { id: 'w', roundId: 'r1', participants: [{ id: 'p-ana', name: 'Ana', contactId: 'k1' }], phase: 'grouping', votesPerParticipant: 5, areVotesRevealed: false, createdAt: 0, updatedAt: 0 },
      },
      outcome,
      { now: 10, newId: () => ids.shift() ?? 'x' },
    );
    expect(rows.newBuckets).toEqual([expect.objectContaining({ id: 'room', title: 'Made in the room', rank: 1, roundId: 'r1' })]);
    expect(rows.rankedBuckets).toEqual([expect.objectContaining({ id: 'b1', rank: 2 })]);
    expect(rows.movedCards.map((moved) => [moved.id, moved.bucketId])).toEqual([['c1', 'room'], ['c2', undefined]]);
    expect('bucketId' in (rows.movedCards[1] ?? {})).toBe(false);
    expect(rows.votes).toEqual([{ id: 'v1', roundId: 'r1', participant: 'p-new', bucketId: 'room', dots: 2 }]);
    expect(rows.scores).toEqual([{ id: 's1', roundId: 'r1', bucketId: 'b1', scorer: 'Ana', values: { reach: 4 }, createdAt: 10, updatedAt: 10 }]);
    expect(rows.workshop.participants).toEqual([{ id: 'p-ana', name: 'Ana', contactId: 'k1' }, { id: 'p-new', name: 'Bo' }]);
    expect(rows.workshop).toMatchObject({ phase: 'ranking', votesPerParticipant: 3, areVotesRevealed: true });
  });
});
