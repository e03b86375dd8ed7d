import { useState, type DragEvent, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { createBucket, moveCard, type LiveBucket } from '../../shared/live-workshop/live-doc-content';
import type { LiveCard } from '../../shared/live-workshop/live-workshop-input';

interface Props {
  readonly board: Y.Doc;
  readonly cards: readonly LiveCard[];
  readonly buckets: readonly LiveBucket[];
  readonly placements: ReadonlyMap<string, string | null>;
  readonly author: string;
}

const UNGROUPED = '';
const CARD_TYPE = 'application/x-live-card';

/** Everyone groups together: drag a card onto a bucket (or pick one from its list on a phone); every device sees each move. */
export function GroupingView({ board, cards, buckets, placements, author }: Props) {
  const [title, setTitle] = useState('');
  const columns = [{ id: UNGROUPED, title: 'Ungrouped' }, ...buckets];
  const cardsIn = (bucketId: string) => cards.filter((card) => (placements.get(card.id) ?? UNGROUPED) === bucketId);
  const move = (cardId: string, bucketId: string) => moveCard(board, cardId, bucketId === UNGROUPED ? null : bucketId);
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return;
    createBucket(board, `${author}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`, title, Date.now());
    setTitle('');
  };
  const drop = (bucketId: string) => (event: DragEvent) => {
    event.preventDefault();
    const cardId = event.dataTransfer.getData(CARD_TYPE);
    if (cardId) move(cardId, bucketId);
  };

  return (
    <div className="grouping">
      <form className="grouping__add" onSubmit={add}>
        <input aria-label="New bucket name" placeholder="New bucket" value={title} maxLength={300} onChange={(event) => setTitle(event.target.value)} />
        <button type="submit" className="button">
          Add bucket
        </button>
      </form>
      <div className="grouping__columns">
        {columns.map((column) => (
          <section key={column.id || 'ungrouped'} className="grouping__column" aria-label={column.title} onDragOver={(event) => event.preventDefault()} onDrop={drop(column.id)}>
            <h2 className="grouping__title">
              {column.title} <span className="muted">({cardsIn(column.id).length})</span>
            </h2>
            <ul className="grouping__cards">
              {cardsIn(column.id).map((card) => (
                <li key={card.id} className="live-card" draggable onDragStart={(event) => event.dataTransfer.setData(CARD_TYPE, card.id)}>
                  <p className="live-card__title">{card.title}</p>
                  <p className="live-card__text">{card.excerpt}</p>
                  <label className="live-card__move">
                    <span className="visually-hidden">Move “{card.title}” to</span>
                    <select value={column.id} onChange={(event) => move(card.id, event.target.value)}>
                      {columns.map((target) => (
                        <option key={target.id || 'ungrouped'} value={target.id}>
                          {target.title}
                        </option>
                      ))}
                    </select>
                  </label>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
