import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDndContext,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Card } from '../../../shared/domain/board';
import type { Round } from '../../../shared/domain/round';
import { assessSla } from '../../../shared/domain/sla-gap';
import { useToast } from '../../components/toast';
import { useRepositories, type BoardChange } from '../../db';
import { BoardCardView } from './board-card';
import { boardCollisions, dropTargetAt, dropTargetCoordinates } from './board-keyboard';
import { BucketColumn, bucketDropId } from './bucket-column';
import { CardList, isSameCardList } from './card-list';
import { DropZone } from './drop-zone';
import type { BoardUndo } from './use-board-undo';
import { useDragAutoScroll } from './use-drag-auto-scroll';

/** Set when the board's cards are first on screen; the benchmark times opening the board to it. */
export const BOARD_READY_MARK = 'board:cards-rendered';

const UNGROUPED = 'ungrouped';
const NO_CARDS: readonly Card[] = [];

/** Affinity mapping: drag cards (mouse or keyboard) from Ungrouped into pain buckets. */
export function BoardView({ round, undo }: { readonly round: Round; readonly undo: BoardUndo }) {
  const { board } = useRepositories();
  const cards = useLiveQuery(() => board.listCards(round.id), [board, round.id]);
  const buckets = useLiveQuery(() => board.listBuckets(round.id), [board, round.id]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [newBucketId, setNewBucketId] = useState<string | null>(null);
  const { perform, offer, setProblem } = undo;
  const toast = useToast();
  const bucketsRef = useRef<HTMLDivElement>(null);
  // Set by the drag context: re-measures the drop targets after the buckets scrolled under a still pointer.
  const remeasure = useRef<(() => void) | null>(null);
  const autoScroll = useDragAutoScroll(
    useCallback(() => bucketsRef.current, []),
    useCallback(() => remeasure.current?.(), []),
  );

  const byBucket = useMemo(() => {
    const groups = new Map<string, Card[]>();
    for (const card of cards ?? []) {
      const key = card.bucketId ?? UNGROUPED;
      const list = groups.get(key);
      if (list) list.push(card);
      else groups.set(key, [card]);
    }
    return groups;
  }, [cards]);
  const slaCards = useMemo(() => (cards ?? []).filter((card) => card.source.kind === 'note' && card.snapshot.sla !== undefined && assessSla(card.snapshot.sla).hasGap), [cards]);
  const cardsById = useMemo(() => new Map((cards ?? []).map((card) => [card.id, card])), [cards]);
  const bucketTitles = useMemo(() => new Map((buckets ?? []).map((bucket) => [bucketDropId(bucket.id), bucket.title])), [buckets]);

  const coordinateGetter = useMemo(() => dropTargetCoordinates([UNGROUPED, ...(buckets ?? []).map((bucket) => bucketDropId(bucket.id))]), [buckets]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter }));

  const isReady = cards !== undefined && buckets !== undefined;
  useEffect(() => {
    if (isReady) performance.mark(BOARD_READY_MARK, { detail: { roundId: round.id } });
  }, [isReady, round.id]);

  const targetName = useCallback((id: string | number | undefined) => (id === undefined ? 'nowhere' : id === UNGROUPED ? 'Ungrouped' : (bucketTitles.get(String(id)) ?? 'a bucket')), [bucketTitles]);
  const cardName = useCallback((id: string | number) => `card “${cardsById.get(String(id))?.snapshot.title ?? ''}”`, [cardsById]);
  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) => `Picked up ${cardName(active.id)}. Arrow keys move it between Ungrouped and the buckets; Space or Enter drops it; Escape cancels.`,
      onDragOver: ({ active, over }) => `${cardName(active.id)} is over ${targetName(over?.id)}.`,
      onDragEnd: ({ active, over }) => (over ? `${cardName(active.id)} dropped in ${targetName(over.id)}.` : `${cardName(active.id)} put back.`),
      onDragCancel: ({ active }) => `Moving ${cardName(active.id)} was cancelled; it is back where it was.`,
    }),
    [cardName, targetName],
  );

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    setActiveId(String(active.id));
    // A keyboard drag has no pointer to follow.
    if (activatorEvent instanceof MouseEvent) autoScroll.start(activatorEvent.clientX, activatorEvent.clientY);
  };
  const onDragEnd = (event: DragEndEvent) => {
    const { active, over } = event;
    setActiveId(null);
    // A pointer drop lands where the pointer is now, even after a column scrolled under it.
    const at = autoScroll.stop();
    const card = cardsById.get(String(active.id));
    if (!card) return;
    const target = at === null || typeof document.elementsFromPoint !== 'function' ? (over === null ? null : String(over.id)) : dropTargetAt(at.x, at.y);
    if (target === null) {
      toast({ message: `“${card.snapshot.title}” was not moved: it was let go outside Ungrouped and the buckets. Drop it on a bucket.` });
      return;
    }
    const bucketId = target === UNGROUPED ? null : target.slice('bucket:'.length);
    if ((card.bucketId ?? null) === bucketId) return;
    void perform(() => board.moveCards(round.id, [card.id], bucketId));
  };

  // The new bucket's creation, offered for undo once its title is first committed (the toast names it).
  const newBucketChange = useRef<BoardChange | null>(null);
  const createBucket = async () => {
    const change = await perform(
      async () => {
        const { bucket, change: created } = await board.createBucket(round.id, 'New bucket');
        setNewBucketId(bucket.id);
        return created;
      },
      { toast: 'later' },
    );
    newBucketChange.current = change;
    if (change === null) setNewBucketId(null);
  };
  const onTitled = useCallback(
    (title: string) => {
      const change = newBucketChange.current;
      newBucketChange.current = null;
      setNewBucketId(null);
      if (change !== null) offer(change, `Created ${title}`);
    },
    [offer],
  );

  if (!isReady) return <p className="muted">Loading the board…</p>;
  const ungrouped = byBucket.get(UNGROUPED) ?? NO_CARDS;
  const active = activeId === null ? undefined : cardsById.get(activeId);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={boardCollisions}
      // Its own scrolling looks only at the pointer's height, so a card held at the buckets' bottom
      // edge scrolled Ungrouped too; the buckets scroll through useDragAutoScroll instead.
      autoScroll={false}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActiveId(null);
        autoScroll.stop();
      }}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: 'To move a card, press Space or Enter, use the arrow keys to choose Ungrouped or a bucket, then press Space or Enter to drop it, or Escape to cancel.' },
      }}
    >
      <div className="board" data-card-count={cards.length}>
        <UngroupedColumn cards={ungrouped} total={cards.length} />
        <div className="board__buckets-area">
          <div className="board__toolbar">
            <button type="button" className="button button--primary" onClick={() => void createBucket()}>
              New bucket
            </button>
            <button
              type="button"
              className="button"
              disabled={ungrouped.length === 0}
              title="One bucket per tag of the ungrouped cards (each card goes to its most shared tag), then adjust by dragging; Undo puts it back"
              onClick={() => void perform(() => board.groupByTags(round.id))}
            >
              Group by tag
            </button>
            <span className="muted">
              {buckets.length} {buckets.length === 1 ? 'bucket' : 'buckets'} · {(cards.length - ungrouped.length).toLocaleString()} of {cards.length.toLocaleString()} cards grouped
            </span>
          </div>
          {buckets.length === 0 ? (
            <div className="empty-pane panel board__empty">
              <p className="empty-pane__title">No pain buckets yet</p>
              <p>Create a bucket, then drag cards that share one user pain into it.</p>
            </div>
          ) : (
            <div ref={bucketsRef} className="board__buckets">
              {buckets.map((bucket) => (
                <BucketColumn
                  key={bucket.id}
                  bucket={bucket}
                  cards={byBucket.get(bucket.id) ?? NO_CARDS}
                  buckets={buckets}
                  slaCards={slaCards}
                  perform={perform}
                  onProblem={setProblem}
                  isNew={bucket.id === newBucketId}
                  onTitled={onTitled}
                />
              ))}
            </div>
          )}
        </div>
      </div>
      <DropTargetsMeasure handleRef={remeasure} />
      <DragOverlay dropAnimation={null}>{active ? <BoardCardView card={active} isOverlay /> : null}</DragOverlay>
    </DndContext>
  );
}

/** Hands the drag context's re-measuring to the board, so the target shown follows scrolled buckets. */
function DropTargetsMeasure({ handleRef }: { readonly handleRef: RefObject<(() => void) | null> }) {
  const { measureDroppableContainers } = useDndContext();
  useEffect(() => {
    handleRef.current = () => measureDroppableContainers([]);
    return () => {
      handleRef.current = null;
    };
  }, [handleRef, measureDroppableContainers]);
  return null;
}

const UngroupedColumn = memo(UngroupedColumnView, (previous, next) => previous.total === next.total && isSameCardList(previous.cards, next.cards));

function UngroupedColumnView({ cards, total }: { readonly cards: readonly Card[]; readonly total: number }) {
  return (
    <DropZone id={UNGROUPED} className="board__ungrouped" labelledBy="ungrouped-heading">
      <header className="bucket__header">
        <h3 id="ungrouped-heading" className="bucket__heading">
          Ungrouped
        </h3>
        <span className="bucket__count">{cards.length}</span>
      </header>
      <CardList
        cards={cards}
        label="Ungrouped cards"
        emptyText={total === 0 ? 'This round has no cards.' : 'Every card is in a bucket. Drag one back here to ungroup it.'}
        className="card-list--ungrouped"
      />
    </DropZone>
  );
}
