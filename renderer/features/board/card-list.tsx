import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { Card } from '../../../shared/domain/board';
import { CARD_ROW_HEIGHT, DraggableBoardCard } from './board-card';

interface CardListProps {
  readonly cards: readonly Card[];
  readonly label: string;
  readonly emptyText: string;
  readonly className?: string;
}

/**
 * Whether two lists show the same cards in the same places. The board's query returns new objects
 * after every write; a column whose cards did not move keeps its render (cards' snapshots are frozen).
 */
export function isSameCardList(a: readonly Card[], b: readonly Card[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((card, index) => {
    const other = b[index];
    return other !== undefined && other.id === card.id && other.position === card.position && other.bucketId === card.bucketId;
  });
}

/** A column's cards, virtualised: only the visible ones are in the page, so 1,000 cards stay cheap. */
export function CardList({ cards, label, emptyText, className = '' }: CardListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the compiler skips this component; it re-renders on scroll by design
  const virtualizer = useVirtualizer({ count: cards.length, getScrollElement: () => scrollRef.current, estimateSize: () => CARD_ROW_HEIGHT, overscan: 3 });
  if (cards.length === 0) return <p className="card-list__empty">{emptyText}</p>;
  return (
    <div ref={scrollRef} className={`card-list ${className}`}>
      <ul className="card-list__inner" aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const card = cards[item.index];
          return card === undefined ? null : (
            <li key={card.id} className="card-list__row" style={{ transform: `translateY(${item.start}px)`, height: CARD_ROW_HEIGHT }}>
              <DraggableBoardCard card={card} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
