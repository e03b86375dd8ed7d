import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState, type Key, type ReactNode } from 'react';

/**
 * One card of the results list: its key, a guess at its height before it is drawn, and how to draw
 * it. Keep the entries (and so the cards array) the same objects while nothing changed: a drawn card
 * is redrawn only when its entry changes.
 */
export interface ResultCardEntry {
  readonly key: string;
  readonly estimatedHeight: number;
  readonly render: () => ReactNode;
}

/** Cards drawn beyond the visible ones, above and below. */
const OVERSCAN = 3;
/** Space between cards, as `.survey-results__body` puts between its children. */
const GAP = 16;
/** Cards drawn per frame: cards coming into view are drawn a few at a time, so no one task draws many. */
const CARDS_PER_FRAME = 2;

/** The nearest ancestor that scrolls (the app's `main.page`), or the document's scrolling element. */
function scrollParentOf(element: HTMLElement | null): HTMLElement | null {
  for (let node = element?.parentElement ?? null; node !== null; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return (document.scrollingElement as HTMLElement | null) ?? null;
}

/**
 * One card's place in the list. The list re-renders on every scroll step; a card already drawn is
 * left alone then (its entry is the same object from one render to the next), so scrolling costs
 * the new cards only, never a redraw of every chart in view.
 */
const CardSlot = memo(function CardSlot({ card, isDrawn }: { readonly card: ResultCardEntry; readonly isDrawn: boolean }) {
  return isDrawn ? card.render() : <div className="panel result-card-placeholder" style={{ height: card.estimatedHeight }} aria-busy="true" />;
});

/**
 * The results' cards, virtualised in the page's own scroll: only the cards in view (and a few
 * around them) are drawn, each measured once drawn, so a survey of thousands of questions opens
 * without drawing thousands of charts at once (that froze the app for minutes).
 */
export function ResultCardList({ cards }: { readonly cards: readonly ResultCardEntry[] }) {
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollElement, setScrollElement] = useState<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  useLayoutEffect(() => {
    const list = listRef.current;
    const parent = scrollParentOf(list);
    setScrollElement(parent);
    if (list === null || parent === null) return;
    const measure = () => setScrollMargin(list.getBoundingClientRect().top - parent.getBoundingClientRect().top + parent.scrollTop);
    measure();
    // Content above the list (notices, the header) can change height.
    const observer = new ResizeObserver(measure);
    observer.observe(parent.firstElementChild ?? parent);
    return () => observer.disconnect();
  }, []);

  // eslint-disable-next-line react-hooks/incompatible-library -- the compiler skips this component; it re-renders on scroll by design
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollElement,
    estimateSize: (index) => (cards[index]?.estimatedHeight ?? 200) + GAP,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey: (index) => cards[index]?.key ?? index,
    // Measuring a drawn card must not re-render the list synchronously, card after card.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();

  // Cards in view not drawn yet are placeholders of their estimated height, drawn a few per frame.
  const [drawn, setDrawn] = useState<ReadonlySet<Key>>(() => new Set());
  const waiting = items.filter((item) => !drawn.has(item.key));
  const waitingKeys = waiting.map((item) => item.key).join('\u0000');
  useEffect(() => {
    if (waiting.length === 0) return;
    const next = waiting.slice(0, CARDS_PER_FRAME).map((item) => item.key);
    const frame = requestAnimationFrame(() => setDrawn((current) => new Set([...current, ...next])));
    return () => cancelAnimationFrame(frame);
    // waitingKeys stands for `waiting`, which is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waitingKeys]);

  return (
    <div ref={listRef} className="result-card-list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }} data-card-count={cards.length}>
      {items.map((item) => {
        const card = cards[item.index];
        if (card === undefined) return null;
        return (
          <div
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            className="result-card-list__item"
            style={{ position: 'absolute', top: 0, left: 0, right: 0, paddingBottom: GAP, transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            <CardSlot card={card} isDrawn={drawn.has(item.key)} />
          </div>
        );
      })}
    </div>
  );
}
