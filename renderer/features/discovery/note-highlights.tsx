import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { TokenInput } from '../../components/token-input';
import { useRepositories } from '../../db';

const NO_TAGS: readonly string[] = [];

/** The evidence marked in this note, each with its tags. */
export function NoteHighlights({ noteId, isReadOnly }: { readonly noteId: string; readonly isReadOnly: boolean }) {
  const { highlights } = useRepositories();
  const rows = useLiveQuery(() => highlights.listForNote(noteId), [highlights, noteId]);
  const knownTags = useLiveQuery(() => highlights.distinctTags(), [highlights]) ?? NO_TAGS;
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
            <blockquote className="quote">{highlight.quote}</blockquote>
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
