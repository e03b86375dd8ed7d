import { memo, useId, useMemo, useState } from 'react';
import { SOLUTION_KINDS, type Card, type PainBucket, type SolutionKind } from '../../../shared/domain/board';
import { bucketEvidence } from '../../../shared/domain/bucket-evidence';
import { describeSla } from '../../../shared/domain/sla-gap';
import { bucketForm, useRepositories, type BoardChange } from '../../db';
import { RecordHistory } from '../../sync/record-history';
import { SaveStatus, useFormSave } from '../../forms';
import { CardList, isSameCardList } from './card-list';
import { DropZone } from './drop-zone';
import { EvidenceLine } from './evidence-line';
import { userMessage } from '../../errors/user-message';

export const bucketDropId = (bucketId: string) => `bucket:${bucketId}`;

const SOLUTION_LABELS: Readonly<Record<SolutionKind, string>> = {
  address: 'Address the need',
  eliminate: 'Eliminate the need',
  empower: 'Empower the user',
};

interface BucketColumnProps {
  readonly bucket: PainBucket;
  readonly cards: readonly Card[];
  /** Every bucket of the round, for merging. */
  readonly buckets: readonly PainBucket[];
  /** SLA conversations of the round that show a gap, offered for attaching. */
  readonly slaCards: readonly Card[];
  readonly perform: (move: () => Promise<BoardChange>) => Promise<BoardChange | null>;
  readonly onProblem: (problem: string) => void;
  readonly isNew: boolean;
  /** Called once a new bucket's title is first committed (Enter or leaving the field), with that title. */
  readonly onTitled: (title: string) => void;
}

/** One pain bucket: a drop target holding its cards, with its statement, solution kind, evidence and SLA gaps. */
export const BucketColumn = memo(BucketColumnView, (previous, next) =>
  previous.bucket === next.bucket &&
  previous.buckets === next.buckets &&
  previous.perform === next.perform &&
  previous.onProblem === next.onProblem &&
  previous.isNew === next.isNew &&
  previous.onTitled === next.onTitled &&
  isSameCardList(previous.cards, next.cards) &&
  isSameCardList(previous.slaCards, next.slaCards),
);

function BucketColumnView({ bucket, cards, buckets, slaCards, perform, onProblem, isNew, onTitled }: BucketColumnProps) {
  const { board } = useRepositories();
  const id = useId();
  const evidence = useMemo(() => bucketEvidence(cards), [cards]);
  // Title and statement save as they are typed, like every form; an empty title is not saved.
  const words = useFormSave({ store: bucketForm, id: bucket.id, initial: bucket });
  const { title, statement } = words.value;
  const setWords = (change: Partial<typeof words.value>) => words.update((current) => ({ ...current, ...change }));
  const [mergeTarget, setMergeTarget] = useState('');
  const [splitIds, setSplitIds] = useState<readonly string[]>([]);
  const [splitTitle, setSplitTitle] = useState('');
  // The details (a checkbox per card among them) are only built while open: cheap columns drag faster.
  const [isOpen, setOpen] = useState(false);
  const otherBuckets = isOpen ? buckets.filter((other) => other.id !== bucket.id) : [];

  const save = (changes: Parameters<typeof board.updateBucket>[1]) => board.updateBucket(bucket.id, changes).catch((caught: unknown) => onProblem(userMessage(caught, 'saving the bucket')));
  const gapIds = bucket.slaGapCardIds ?? [];
  const attached = slaCards.filter((card) => gapIds.includes(card.id));
  const attachable = slaCards.filter((card) => !gapIds.includes(card.id) && card.bucketId !== bucket.id);
  // The bucket's own SLA cards with a gap count without being attached.
  const ownGaps = slaCards.filter((card) => card.bucketId === bucket.id);
  const gapCount = new Set([...ownGaps, ...attached].map((card) => card.source.noteId)).size;

  return (
    <DropZone id={bucketDropId(bucket.id)} labelledBy={`${id}-title`}>
      <header className="bucket__header">
        <h3 id={`${id}-title`} className="visually-hidden">
          {bucket.title}
        </h3>
        {bucket.rank !== undefined && <span className="bucket__rank" title="Rank">#{bucket.rank}</span>}
        <input
          className="bucket__title"
          aria-label="Bucket title"
          value={title}
          autoFocus={isNew}
          onFocus={(event) => {
            if (isNew) event.target.select();
          }}
          aria-invalid={title.trim() === ''}
          onChange={(event) => setWords({ title: event.target.value })}
          onBlur={() => {
            if (title.trim() === '') setWords({ title: bucket.title });
            if (isNew) onTitled(title.trim() === '' ? bucket.title : title.trim());
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
            if (event.key === 'Escape') setWords({ title: bucket.title });
          }}
        />
        <span className="bucket__count">{cards.length}</span>
      </header>
      {(isOpen || words.status !== 'saved' || words.conflictCopies.length > 0) && (
        <div className="bucket__save">
          <SaveStatus form={words} />
        </div>
      )}
      <EvidenceLine evidence={evidence} slaGaps={gapCount} />
      {bucket.statement !== '' && <p className="bucket__statement">{bucket.statement}</p>}
      <CardList cards={cards} label={`Cards in ${bucket.title}`} emptyText="Drop cards here" className="card-list--bucket" />
      <details className="bucket__details" open={isOpen} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>Statement, solution, SLA gaps, merge, split</summary>
        {isOpen && (
          <>
            <label className="field">
              <span className="field__label">User-pain statement</span>
              <textarea
                rows={3}
                value={statement}
                placeholder="As a …, I struggle to … because …"
                onChange={(event) => setWords({ statement: event.target.value })}
              />
            </label>
            <RecordHistory table="buckets" recordKey={bucket.id} label="this bucket" />
            <label className="field">
              <span className="field__label">Kind of solution</span>
              <select value={bucket.solutionKind ?? ''} onChange={(event) => void save({ solutionKind: SOLUTION_KINDS.find((kind) => kind === event.target.value) ?? null })}>
                <option value="">Not chosen yet</option>
                {SOLUTION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {SOLUTION_LABELS[kind]}
                  </option>
                ))}
              </select>
            </label>
            <div className="field">
              <span className="field__label">SLA gaps</span>
              {attached.length === 0 && ownGaps.length === 0 ? <p className="muted bucket__small">None attached.</p> : null}
              <ul className="bucket__gaps">
                {ownGaps.map((card) => (
                  <li key={card.id}>
                    <span>{card.snapshot.sla === undefined ? '' : describeSla(card.snapshot.sla)} (a card in this bucket)</span>
                  </li>
                ))}
                {attached.map((card) => (
                  <li key={card.id}>
                    <span>{card.snapshot.sla === undefined ? '' : describeSla(card.snapshot.sla)}</span>
                    <button type="button" className="button button--small button--quiet" onClick={() => void save({ slaGapCardIds: gapIds.filter((cardId) => cardId !== card.id) })}>
                      Detach
                    </button>
                  </li>
                ))}
              </ul>
              {attachable.length > 0 && (
                <select
                  aria-label="Attach an SLA gap"
                  value=""
                  onChange={(event) => {
                    if (event.target.value !== '') void save({ slaGapCardIds: [...gapIds, event.target.value] });
                  }}
                >
                  <option value="">Attach an SLA gap…</option>
                  {attachable.map((card) => (
                    <option key={card.id} value={card.id}>
                      {card.snapshot.sla?.service} ({card.snapshot.sla?.metric}): expected {card.snapshot.sla?.expected}
                    </option>
                  ))}
                </select>
              )}
              {slaCards.length === 0 && <p className="muted bucket__small">No SLA conversation with a gap in this round.</p>}
            </div>
            {otherBuckets.length > 0 && (
              <div className="bucket__row">
                <select aria-label={`Merge ${bucket.title} into`} value={mergeTarget} onChange={(event) => setMergeTarget(event.target.value)}>
                  <option value="">Merge into…</option>
                  {otherBuckets.map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.title}
                    </option>
                  ))}
                </select>
                <button type="button" className="button button--small" disabled={mergeTarget === ''} onClick={() => void perform(() => board.mergeBuckets(mergeTarget, bucket.id))}>
                  Merge
                </button>
              </div>
            )}
            {cards.length > 1 && (
              <fieldset className="bucket__split">
                <legend className="field__label">Split into a new bucket</legend>
                <div className="bucket__split-list">
                  {cards.map((card) => (
                    <label key={card.id} className="checkbox">
                      <input
                        type="checkbox"
                        checked={splitIds.includes(card.id)}
                        onChange={(event) => setSplitIds((current) => (event.target.checked ? [...current, card.id] : current.filter((cardId) => cardId !== card.id)))}
                      />
                      {card.snapshot.title}
                    </label>
                  ))}
                </div>
                <div className="bucket__row">
                  <input aria-label="New bucket's title" placeholder="New bucket's title" value={splitTitle} onChange={(event) => setSplitTitle(event.target.value)} />
                  <button
                    type="button"
                    className="button button--small"
                    disabled={splitIds.length === 0}
                    onClick={() =>
                      void perform(async () => (await board.splitBucket(bucket.id, splitIds, splitTitle)).change).then(() => {
                        setSplitIds([]);
                        setSplitTitle('');
                      })
                    }
                  >
                    Split
                  </button>
                </div>
              </fieldset>
            )}
            <button type="button" className="button button--small button--quiet bucket__delete" onClick={() => void perform(() => board.deleteBucket(bucket.id))}>
              Delete bucket (its cards go back to Ungrouped)
            </button>
          </>
        )}
      </details>
    </DropZone>
  );
}
