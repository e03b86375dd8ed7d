import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { CHANNELS } from '../../../shared/domain/channel';
import type { CitationAttrs } from '../../../shared/rich-text/citation-node';
import { formatDay } from '../../components/format-date';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useRepositories } from '../../db';
import { useNoteSearch, type SearchHit } from '../../search';

export interface CitationPickerProps {
  readonly onPick: (attrs: CitationAttrs) => void;
  readonly onClose: () => void;
}

const channelLabel = (channel: string) => CHANNELS.find((entry) => entry.id === channel)?.label ?? channel;

/** Finds a note by search and cites it, or one of its highlights. */
export function CitationPicker({ onPick, onClose }: CitationPickerProps) {
  const dialogRef = useModalDialog(true);
  const [query, setQuery] = useState('');
  const [openNoteId, setOpenNoteId] = useState<string | null>(null);
  const search = useNoteSearch(query, { limit: 20 });

  return (
    <dialog
      ref={dialogRef}
      className="dialog citation-picker"
      aria-labelledby="citation-picker-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="citation-picker-title" className="citation-picker__title">
        Cite a note or highlight
      </h2>
      <label className="field">
        <span className="field__label">Find the source</span>
        <input
          type="search"
          autoFocus
          value={query}
          placeholder="Search notes: title, people, words…"
          aria-describedby="citation-picker-hint"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            const first = search.hits[0];
            if (event.key !== 'Enter' || first === undefined || search.hitsQuery !== query.trim()) return;
            event.preventDefault();
            onPick({ kind: 'note', noteId: first.id, highlightId: null, label: first.title.trim() || 'Untitled note' });
          }}
        />
        <span id="citation-picker-hint" className="muted citation-picker__hint">
          Enter cites the first note; its highlights can be cited one by one.
        </span>
      </label>
      <div className="citation-picker__results" aria-live="polite">
        {query.trim() === '' ? (
          <p className="muted">Type to search your discovery notes.</p>
        ) : search.status.phase === 'error' ? (
          <p className="notice notice--error">{search.status.message ?? 'Search is not available.'}</p>
        ) : search.hits.length === 0 ? (
          <p className="muted">{search.isSearching ? 'Searching…' : 'No note matches.'}</p>
        ) : (
          <ul className="citation-picker__list" aria-label="Matching notes">
            {search.hits.map((hit) => (
              <PickerResult
                key={hit.id}
                hit={hit}
                isOpen={openNoteId === hit.id}
                onToggle={() => setOpenNoteId((current) => (current === hit.id ? null : hit.id))}
                onPick={onPick}
              />
            ))}
          </ul>
        )}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

interface PickerResultProps {
  readonly hit: SearchHit;
  readonly isOpen: boolean;
  readonly onToggle: () => void;
  readonly onPick: (attrs: CitationAttrs) => void;
}

function PickerResult({ hit, isOpen, onToggle, onPick }: PickerResultProps) {
  const { highlights } = useRepositories();
  const noteHighlights = useLiveQuery(() => highlights.listForNote(hit.id), [highlights, hit.id]);
  const title = hit.title.trim() || 'Untitled note';
  return (
    <li className="citation-picker__item">
      <div className="citation-picker__row">
        <div className="citation-picker__source">
          <span className="citation-picker__note-title">{title}</span>
          <span className="muted citation-picker__meta">
            {channelLabel(hit.channel)} · {formatDay(hit.occurredAt)}
          </span>
        </div>
        <button type="button" className="button button--small button--primary" aria-label={`Cite note ${title}`} onClick={() => onPick({ kind: 'note', noteId: hit.id, highlightId: null, label: title })}>
          Cite note
        </button>
        {noteHighlights !== undefined && noteHighlights.length > 0 && (
          <button type="button" className="button button--small" aria-expanded={isOpen} onClick={onToggle}>
            {noteHighlights.length === 1 ? '1 highlight' : `${noteHighlights.length} highlights`}
          </button>
        )}
      </div>
      {isOpen && noteHighlights !== undefined && (
        <ul className="citation-picker__highlights" aria-label={`Highlights in ${title}`}>
          {noteHighlights.map((highlight) => (
            <li key={highlight.id}>
              <q>{highlight.quote}</q>
              <button
                type="button"
                className="button button--small"
                aria-label={`Cite highlight “${highlight.quote.slice(0, 60)}”`}
                onClick={() => onPick({ kind: 'highlight', noteId: hit.id, highlightId: highlight.id, label: highlight.quote.slice(0, 120) })}
              >
                Cite
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
