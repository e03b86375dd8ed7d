import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { TokenInput } from '../../components/token-input';
import { useRepositories } from '../../db';

const NO_TAGS: readonly string[] = [];

/** The evidence marked in this note, each with its tags. */
interface NoteHighlightsProps {
  readonly noteId: string;
  readonly isReadOnly: boolean;
  /** Removes the highlight and its mark from the note text. */
  readonly onRemove: (highlightId: string) => void;
}

export function NoteHighlights({ noteId, isReadOnly, onRemove }: NoteHighlightsProps) {
  const { highlights, tags } = useRepositories();
  const rows = useLiveQuery(() => highlights.listForNote(noteId), [highlights, noteId]);
  // One vocabulary: note tags are suggested as highlight tags too.
  const knownTags = useLiveQuery(() => tags.distinct(), [tags]) ?? NO_TAGS;
  const suggest = useCallback(
    (text: string) => knownTags.filter((tag) => tag.toLowerCase().startsWith(text.trim().toLowerCase())).map((tag) => ({ id: tag, label: tag })),
    [knownTags],
  );

  return (
    <section className="note-highlights" aria-labelledby={`highlights-${noteId}`}>
      <h2 id={`highlights-${noteId}`} className="note-highlights__title">
        Highlights {rows && rows.length > 0 ? `(${rows.length})` : ''}
      </h2>
      {rows?.length === 0 && <p className="muted">Select text in the note and choose “Highlight as evidence” (Ctrl+Shift+H) to keep a quote the board can use.</p>}
      <ul className="note-highlights__list">
        {rows?.map((highlight) => (
          <li key={highlight.id} className="note-highlights__item">
            <div className="note-highlights__head">
              <blockquote className="quote">{highlight.quote}</blockquote>
              <button type="button" className="button button--small button--quiet" disabled={isReadOnly} aria-label={`Remove highlight “${highlight.quote.slice(0, 40)}”`} onClick={() => onRemove(highlight.id)}>
                Remove
              </button>
            </div>
            <TokenInput
              label="Highlight tags"
              values={highlight.tags.map((tag) => ({ id: tag, label: tag }))}
              suggest={suggest}
              isDisabled={isReadOnly}
              placeholder="Tag this evidence"
              onAdd={(option) => void highlights.setTags(highlight.id, [...highlight.tags, option.id])}
              onRemove={(tag) => void highlights.setTags(highlight.id, highlight.tags.filter((existing) => existing !== tag))}
              onCreate={(tag) => void highlights.setTags(highlight.id, [...highlight.tags, tag])}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
