import { describe, expect, it } from 'vitest';
import type { Card } from '../../../../shared/domain/board';
import { isSameCardList } from '../../../../renderer/features/board/card-list';

const card = (id: string, position: number, bucketId?: string): Card => ({
  id,
  roundId: 'r1',
  source: { kind: 'note', noteId: `n-${id}` },
  ...(bucketId === undefined ? {} : { bucketId }),
  position,
  snapshot: { title: id, excerpt: '', channel: 'coffee-chat', occurredAt: 0, personIds: [], people: [], teams: [], tags: [] },
});

describe('isSameCardList', () => {
  it('treats a re-read of the same cards (new objects) as unchanged, so the column keeps its render', () => {
    expect(isSameCardList([card('a', 1, 'b1'), card('b', 2, 'b1')], [card('a', 1, 'b1'), card('b', 2, 'b1')])).toBe(true);
  });

  it('sees a card added, removed, moved to another bucket or reordered', () => {
    const list = [card('a', 1, 'b1'), card('b', 2, 'b1')];
    expect(isSameCardList(list, [...list, card('c', 3, 'b1')])).toBe(false);
    expect(isSameCardList(list, [card('a', 1, 'b1')])).toBe(false);
    expect(isSameCardList(list, [card('a', 1, 'b1'), card('b', 2, 'b2')])).toBe(false);
    expect(isSameCardList(list, [card('b', 2, 'b1'), card('a', 1, 'b1')])).toBe(false);
    expect(isSameCardList(list, [card('a', 1, 'b1'), card('b', 5, 'b1')])).toBe(false);
  });
});
