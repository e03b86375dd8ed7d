import type { Card, PainBucket } from '../../shared/domain/board';
import { CHANNEL_IDS } from '../../shared/domain/channel';
import type { Round } from '../../shared/domain/round';
import { createSeededRandom, hashSeed } from './seeded-random';

export interface GeneratedBoard {
  readonly round: Round;
  readonly buckets: readonly PainBucket[];
  readonly cards: readonly Card[];
}

const WORDS = ['build', 'cache', 'deploy', 'flaky', 'latency', 'on-call', 'quota', 'review', 'pipeline', 'staging', 'secrets', 'docs', 'alerts', 'cost', 'runner'];

/**
 * A round of `cardCount` frozen cards: `bucketCount` buckets hold half of them, the rest are
 * ungrouped, as a board looks midway through affinity mapping.
 */
export function generateBoard({ seed, cardCount, bucketCount }: { readonly seed: number; readonly cardCount: number; readonly bucketCount: number }): GeneratedBoard {
  const random = createSeededRandom(hashSeed(seed, 'board'));
  const now = Date.UTC(2026, 10, 1);
  const roundId = random.uuid();
  const people = Array.from({ length: 200 }, (_, index) => ({ id: random.uuid(), name: `Person ${index + 1}`, team: `Team ${(index % 12) + 1}` }));
  const buckets: PainBucket[] = Array.from({ length: bucketCount }, (_, index) => ({
    id: random.uuid(),
    roundId,
    title: `Pain ${index + 1}: ${random.pick(WORDS)} ${random.pick(WORDS)}`,
    statement: `Users struggle with ${random.pick(WORDS)} because ${random.pick(WORDS)} is slow.`,
    solutionKind: 'address',
    slaGapCardIds: [],
    createdAt: now + index,
    updatedAt: now + index,
  }));
  const cards: Card[] = Array.from({ length: cardCount }, (_, index) => {
    const who = random.sample(people, random.int(0, 2));
    const text = Array.from({ length: 40 }, () => random.pick(WORDS)).join(' ');
    const bucket = index % 2 === 0 ? buckets[index % Math.max(1, bucketCount)] : undefined;
    return {
      id: random.uuid(),
      roundId,
      source: { kind: 'note', noteId: random.uuid() },
      ...(bucket === undefined ? {} : { bucketId: bucket.id }),
      position: index,
      snapshot: {
        title: `Card ${index + 1}: ${random.pick(WORDS)} ${random.pick(WORDS)}`,
        excerpt: text.slice(0, 280),
        channel: random.pick(CHANNEL_IDS),
        occurredAt: now - random.int(0, 365) * 86_400_000,
        personIds: who.map((person) => person.id),
        people: who.map((person) => person.name),
        teams: [...new Set(who.map((person) => person.team))],
        tags: [random.pick(WORDS)],
      },
    };
  });
  const round: Round = {
    id: roundId,
    title: `Benchmark round of ${cardCount} cards`,
    state: 'clustering',
    filter: {},
    snapshotNoteIds: cards.map((card) => card.source.noteId),
    snapshotHighlightIds: [],
    snapshotTakenAt: now,
    immediatePainTargetPercent: 70,
    createdAt: now,
    updatedAt: now,
  };
  return { round, buckets, cards };
}
