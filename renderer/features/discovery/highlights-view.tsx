import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CHANNELS, type Channel } from '../../../shared/domain/channel';
import { ChannelBadge } from '../../components/channel-badge';
import { formatDay } from '../../components/format-date';
import { useRepositories } from '../../db';

/** Every highlight across all notes: the evidence the board will use, filterable by tag, person and channel. */
export function HighlightsView() {
  const { highlights, notes, contacts } = useRepositories();
  const data = useLiveQuery(async () => {
    const rows = await highlights.listAll();
    const sources = await notes.getMany([...new Set(rows.map((row) => row.noteId))]);
    const people = await contacts.getMany([...new Set(sources.flatMap((note) => note.personIds))]);
    return { rows, notesById: new Map(sources.map((note) => [note.id, note])), names: new Map(people.map((person) => [person.id, person.name])) };
  }, [highlights, notes, contacts]);
  // The tag board links here with ?tag=…
  const [params] = useSearchParams();
  const [tag, setTag] = useState(() => params.get('tag') ?? '');
  const [personId, setPersonId] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');

  const tags = useMemo(() => [...new Set(data?.rows.flatMap((row) => row.tags) ?? [])].sort((a, b) => a.localeCompare(b)), [data]);
  const peopleOptions = useMemo(() => [...(data?.names.entries() ?? [])].sort((a, b) => a[1].localeCompare(b[1])), [data]);

  if (!data) return <p role="status">Loading highlights…</p>;
  if (data.rows.length === 0) {
    return (
      <div className="empty-pane">
        <p className="empty-pane__title">No highlights yet</p>
        <p>Open a note, select the words that matter, and choose “Highlight as evidence” (Ctrl+Shift+H). Highlights become cards on the prioritization board.</p>
      </div>
    );
  }

  const shown = data.rows.filter((row) => {
    const note = data.notesById.get(row.noteId);
    return (tag === '' || row.tags.includes(tag)) && (personId === '' || (note?.personIds.includes(personId) ?? false)) && (channel === '' || note?.channel === channel);
  });

  return (
    <div className="stack stack--wide">
      <div className="filters filters--inline" role="group" aria-label="Filter highlights">
        <label className="filter">
          <span className="filter__label">Tag</span>
          <select value={tag} onChange={(event) => setTag(event.target.value)}>
            <option value="">Any</option>
            {tags.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter__label">Person</span>
          <select value={personId} onChange={(event) => setPersonId(event.target.value)}>
            <option value="">Anyone</option>
            {peopleOptions.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter__label">Channel</span>
          <select value={channel} onChange={(event) => setChannel(event.target.value as Channel | '')}>
            <option value="">Any</option>
            {CHANNELS.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {shown.length} of {data.rows.length} highlights
        </span>
      </div>
      <ul className="evidence" aria-label="Highlights">
        {shown.map((row) => {
          const note = data.notesById.get(row.noteId);
          return (
            <li key={row.id} className="evidence__item">
              <blockquote className="quote">{row.quote}</blockquote>
              <p className="evidence__source">
                {note ? (
                  <>
                    <ChannelBadge channel={note.channel} />
                    <Link to={`/discovery/notes/${note.id}`}>{note.title.trim() || 'Untitled note'}</Link>
                    <span className="muted">
                      {note.personIds.map((id) => data.names.get(id)).filter(Boolean).join(', ')} · {formatDay(note.occurredAt)}
                    </span>
                  </>
                ) : (
                  <span className="muted">Source note deleted</span>
                )}
              </p>
              {row.tags.length > 0 && (
                <p className="evidence__tags">
                  {row.tags.map((value) => (
                    <span key={value} className="chip chip--static">
                      {value}
                    </span>
                  ))}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
