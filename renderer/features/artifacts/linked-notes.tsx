import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { CHANNELS } from '../../../shared/domain/channel';
import { formatDay } from '../../components/format-date';
import { useRepositories } from '../../db';
import { useNoteSearch } from '../../search';

const channelLabel = (channel: string) => CHANNELS.find((entry) => entry.id === channel)?.label ?? channel;

const SUGGESTED_LIMIT = 8;

interface LinkedNotesProps {
  readonly noteIds: readonly string[];
  readonly onChange: (noteIds: readonly string[]) => void;
}

/** Discovery notes describing an existing capability; open-source scans and cloud-vendor offerings are suggested first. */
export function LinkedNotes({ noteIds, onChange }: LinkedNotesProps) {
  const { notes } = useRepositories();
  const [query, setQuery] = useState('');
  const linked = useLiveQuery(() => notes.getMany(noteIds), [notes, noteIds]);
  const suggestions = useLiveQuery(async () => {
    const [openSource, vendors] = await Promise.all([notes.listChannel('open-source'), notes.listChannel('cloud-vendor')]);
    return [...openSource, ...vendors].sort((a, b) => b.occurredAt - a.occurredAt).slice(0, SUGGESTED_LIMIT);
  }, [notes]);
  const search = useNoteSearch(query, { limit: 10 });
  const candidates =
    query.trim() === ''
      ? (suggestions ?? []).map((note) => ({ id: note.id, title: note.title, channel: note.channel, occurredAt: note.occurredAt }))
      : search.hits;
  const missingCount = linked === undefined ? 0 : noteIds.length - linked.length;

  return (
    <div className="linked-notes">
      <h3 className="field__label">Linked notes</h3>
      {noteIds.length === 0 ? (
        <p className="muted">No note linked yet.</p>
      ) : (
        <ul className="linked-notes__list" aria-label="Linked notes">
          {(linked ?? []).map((note) => (
            <li key={note.id}>
              <Link to={`/discovery/notes/${encodeURIComponent(note.id)}`}>{note.title.trim() || 'Untitled note'}</Link>
              <span className="muted">
                {' '}
                · {channelLabel(note.channel)} · {formatDay(note.occurredAt)}
              </span>
              <button type="button" className="button button--small button--quiet" aria-label={`Unlink ${note.title.trim() || 'Untitled note'}`} onClick={() => onChange(noteIds.filter((id) => id !== note.id))}>
                Unlink
              </button>
            </li>
          ))}
          {missingCount > 0 && (
            <li className="muted">
              {missingCount === 1 ? 'A linked note was deleted.' : `${missingCount} linked notes were deleted.`}{' '}
              <button type="button" className="button button--small button--quiet" onClick={() => onChange((linked ?? []).map((note) => note.id))}>
                Remove {missingCount === 1 ? 'it' : 'them'}
              </button>
            </li>
          )}
        </ul>
      )}
      <label className="field linked-notes__search">
        <span className="field__label">Link a note</span>
        <input type="search" value={query} placeholder="Search notes, or pick a suggestion" onChange={(event) => setQuery(event.target.value)} />
      </label>
      {query.trim() === '' && candidates.length > 0 && <p className="muted linked-notes__hint">Suggested: open-source scans and cloud-vendor offerings</p>}
      {candidates.length > 0 && (
        <ul className="linked-notes__candidates" aria-label="Notes to link">
          {candidates
            .filter((candidate) => !noteIds.includes(candidate.id))
            .map((candidate) => (
              <li key={candidate.id}>
                <span>{candidate.title.trim() || 'Untitled note'}</span>
                <span className="muted">
                  {' '}
                  · {channelLabel(candidate.channel)} · {formatDay(candidate.occurredAt)}
                </span>
                <button type="button" className="button button--small" aria-label={`Link ${candidate.title.trim() || 'Untitled note'}`} onClick={() => onChange([...noteIds, candidate.id])}>
                  Link
                </button>
              </li>
            ))}
        </ul>
      )}
      {query.trim() !== '' && candidates.length === 0 && <p className="muted">{search.isSearching ? 'Searching…' : 'No note matches.'}</p>}
    </div>
  );
}
