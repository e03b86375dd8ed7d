import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import { Link } from 'react-router';
import type { Card } from '../../../shared/domain/board';
import { ChannelBadge } from '../../components/channel-badge';
import { formatDay } from '../../components/format-date';

/** Estimated height of a card plus the gap below it, for the virtualised lists. */
export const CARD_ROW_HEIGHT = 128;

interface BoardCardProps {
  readonly card: Card;
  readonly isDisabled?: boolean;
}

/** The frozen copy of a note or highlight: excerpt, channel, people and date, and a link to its note. */
export const BoardCardView = memo(function BoardCardView({ card, isOverlay = false }: { readonly card: Card; readonly isOverlay?: boolean }) {
  const { snapshot } = card;
  const who = cardPeople(card);
  return (
    <article className={`board-card${isOverlay ? ' board-card--overlay' : ''}`} aria-label={snapshot.title}>
      <div className="board-card__top">
        <ChannelBadge channel={snapshot.channel} />
        {card.source.kind === 'highlight' && <span className="board-card__kind">Highlight</span>}
        <span className="board-card__date">{formatDay(snapshot.occurredAt)}</span>
      </div>
      {snapshot.tags.length > 0 && (
        <p className="board-card__tags" title={snapshot.tags.map((tag) => `#${tag}`).join(' ')}>
          <span className="visually-hidden">Tags: </span>
          {snapshot.tags.map((tag) => (
            <span key={tag} className="board-card__tag">
              #{tag}
            </span>
          ))}
        </p>
      )}
      <p className="board-card__title">{snapshot.title}</p>
      <p className={`board-card__excerpt${snapshot.quote === undefined ? '' : ' board-card__excerpt--quote'}`}>{snapshot.excerpt || 'No text'}</p>
      {isOverlay && <p className="board-card__people">{who}</p>}
    </article>
  );
});

function cardPeople({ snapshot }: Card): string {
  return snapshot.people.length > 0 ? snapshot.people.join(', ') : snapshot.teams.join(', ') || 'No people';
}

/** A card that can be dragged by its handle with the mouse or, from the keyboard, with Space and the arrows. */
export const DraggableBoardCard = memo(function DraggableBoardCard({ card, isDisabled = false }: BoardCardProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, disabled: isDisabled });
  return (
    <div ref={setNodeRef} className={`board-card-slot${isDragging ? ' board-card-slot--dragging' : ''}`}>
      <BoardCardView card={card} />
      <div className="board-card__actions">
        <button type="button" className="board-card__handle" {...attributes} {...listeners} aria-label={`Move card “${card.snapshot.title}”`}>
          <span aria-hidden="true">⠿</span> Move
        </button>
        <span className="board-card__people" title={cardPeople(card)}>
          {cardPeople(card)}
        </span>
        <Link className="board-card__open" to={`/discovery/notes/${card.source.noteId}`}>
          Open note
        </Link>
      </div>
    </div>
  );
});
