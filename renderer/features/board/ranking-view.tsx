import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Card, PainBucket } from '../../../shared/domain/board';
import { bucketEvidence } from '../../../shared/domain/bucket-evidence';
import type { Round } from '../../../shared/domain/round';
import { useRepositories } from '../../db';
import type { OrderingKey } from '../../../shared/domain/bucket-ordering';
import { EvidenceLine } from './evidence-line';
import { OrderingView } from './ordering-view';
import type { BoardUndo } from './use-board-undo';

interface RankingViewProps {
  readonly round: Round;
  readonly undo: BoardUndo;
  /** What the ordering table is sorted by when it opens (the workshop opens it by votes). */
  readonly initialOrder?: OrderingKey;
  /** Dots per bucket once a workshop revealed its votes, shown beside each bucket. */
  readonly dotsByBucket?: ReadonlyMap<string, number>;
}

/** Buckets in rank order; drag (mouse, or Space and the arrow keys) to re-rank. */
export function RankingView({ round, undo, dotsByBucket, initialOrder }: RankingViewProps) {
  const { board } = useRepositories();
  const buckets = useLiveQuery(() => board.listBuckets(round.id), [board, round.id]);
  const cards = useLiveQuery(() => board.listCards(round.id), [board, round.id]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const cardsByBucket = useMemo(() => {
    const groups = new Map<string, Card[]>();
    for (const card of cards ?? []) if (card.bucketId !== undefined) groups.set(card.bucketId, [...(groups.get(card.bucketId) ?? []), card]);
    return groups;
  }, [cards]);

  if (buckets === undefined) return null;
  if (buckets.length === 0) {
    return (
      <div className="empty-pane panel">
        <p className="empty-pane__title">Nothing to rank yet</p>
        <p>Group cards into pain buckets on the Board first.</p>
      </div>
    );
  }
  const ids = buckets.map((bucket) => bucket.id);
  const titleOf = (id: string | number) => buckets.find((bucket) => bucket.id === id)?.title ?? 'bucket';
  const positionOf = (id: string | number | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)} at rank ${positionOf(active.id)}. Arrow keys move it; Space or Enter drops it; Escape cancels.`,
    onDragOver: ({ active, over }) => `${titleOf(active.id)} would be at rank ${positionOf(over?.id)} of ${ids.length}.`,
    onDragEnd: ({ active, over }) => `${titleOf(active.id)} ranked ${positionOf(over?.id)} of ${ids.length}.`,
    onDragCancel: ({ active }) => `Ranking ${titleOf(active.id)} was cancelled.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const from = ids.indexOf(String(active.id));
    const to = over === null ? -1 : ids.indexOf(String(over.id));
    const isUnranked = buckets.some((bucket) => bucket.rank === undefined);
    if (from < 0 || to < 0 || (from === to && !isUnranked)) return;
    void undo.perform(() => board.rankBuckets(round.id, arrayMove(ids, from, to)));
  };

  const isAllUnranked = buckets.every((bucket) => bucket.rank === undefined);
  return (
    <div className="ranking">
      <OrderingView round={round} undo={undo} {...(initialOrder === undefined ? {} : { initialKey: initialOrder })} />
      <p className="muted ranking__intro">
        {isAllUnranked ? 'Not ranked yet: drag a bucket (or press Space on its handle and use the arrow keys) to set the order. ' : ''}
        The top bucket is the most pressing user pain.
      </p>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements }}>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="ranking__list" aria-label="Ranked buckets">
            {buckets.map((bucket, index) => (
              <RankedBucket key={bucket.id} bucket={bucket} position={index + 1} cards={cardsByBucket.get(bucket.id) ?? []} dots={dotsByBucket?.get(bucket.id)} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </div>
  );
}

function RankedBucket({ bucket, position, cards, dots }: { readonly bucket: PainBucket; readonly position: number; readonly cards: readonly Card[]; readonly dots: number | undefined }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: bucket.id });
  const evidence = useMemo(() => bucketEvidence(cards), [cards]);
  return (
    <li ref={setNodeRef} className={`ranking__item${isDragging ? ' ranking__item--dragging' : ''}`} style={{ transform: CSS.Transform.toString(transform), transition }} aria-label={`${bucket.title}, rank ${bucket.rank === undefined ? 'not set' : position}`}>
      <button type="button" className="ranking__handle" {...attributes} {...listeners} aria-label={`Rank “${bucket.title}”`}>
        <span aria-hidden="true">⠿</span>
      </button>
      <span className="ranking__position">{bucket.rank === undefined ? '–' : position}</span>
      <div className="ranking__body">
        <p className="ranking__title">{bucket.title}</p>
        {bucket.statement !== '' && <p className="ranking__statement">{bucket.statement}</p>}
        <EvidenceLine evidence={evidence} />
      </div>
      {dots !== undefined && (
        <span className="ranking__dots">
          {dots} {dots === 1 ? 'dot' : 'dots'}
        </span>
      )}
    </li>
  );
}
