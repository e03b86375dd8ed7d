import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { groupTagSummaries, type TagSummary } from '../../../shared/domain/tag-vocabulary';
import { useUndo } from '../../components/undo-service';
import { useRepositories, type TagChangeUndo } from '../../db';
import { userMessage } from '../../errors/user-message';
import './tag-board.css';

type Editing = { readonly tag: string; readonly what: 'rename' | 'group' } | null;

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** Every tag of notes and highlights alike, with both counts: rename, merge and group them. */
export function TagBoardView() {
  const { tags } = useRepositories();
  const undo = useUndo();
  const summaries = useLiveQuery(() => tags.list(), [tags]);
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const groupListId = useId();
  const groups = useMemo(() => groupTagSummaries(summaries ?? []), [summaries]);
  const groupNames = useMemo(() => groups.map((entry) => entry.group).filter((group) => group !== ''), [groups]);

  const apply = async (change: () => Promise<TagChangeUndo>, label: string, what: string) => {
    setProblem(null);
    try {
      const done = await change();
      setEditing(null);
      undo.offer({ label, undo: () => tags.undo(done) });
    } catch (error) {
      setProblem(userMessage(error, what));
    }
  };

  if (!summaries) return <p role="status">Loading tags…</p>;
  if (summaries.length === 0) {
    return (
      <div className="empty-pane">
        <p className="empty-pane__title">No tags yet</p>
        <p>Tag a note, or a highlight inside one: both use the same tags, and every tag shows up here to rename, merge or group.</p>
      </div>
    );
  }

  const row = (summary: TagSummary) => {
    const isEditing = editing?.tag === summary.tag;
    const submit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const value = String(new FormData(event.currentTarget).get('value') ?? '');
      if (editing?.what === 'rename') {
        const isMerge = summaries.some((other) => other.tag === value.trim() && other.tag !== summary.tag);
        void apply(() => tags.rename(summary.tag, value), isMerge ? `Merged “${summary.tag}” into “${value.trim()}”` : `Renamed “${summary.tag}” to “${value.trim()}”`, `renaming “${summary.tag}”`);
      } else {
        void apply(() => tags.setGroup(summary.tag, value), value.trim() === '' ? `Took “${summary.tag}” out of its group` : `Put “${summary.tag}” in “${value.trim()}”`, `grouping “${summary.tag}”`);
      }
    };
    return (
      <tr key={summary.tag}>
        <th scope="row" className="tag-board__name">
          {isEditing ? (
            <form className="tag-board__form" onSubmit={submit}>
              <label className="visually-hidden" htmlFor={`${groupListId}-${summary.tag}`}>
                {editing.what === 'rename' ? `New name for “${summary.tag}”` : `Group of “${summary.tag}”`}
              </label>
              <input
                id={`${groupListId}-${summary.tag}`}
                name="value"
                autoFocus
                defaultValue={editing.what === 'rename' ? summary.tag : (summary.group ?? '')}
                placeholder={editing.what === 'rename' ? 'Tag name' : 'Group name (empty: no group)'}
                list={editing.what === 'group' ? groupListId : undefined}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') setEditing(null);
                }}
              />
              <button type="submit" className="button button--small button--primary">
                {editing.what === 'rename' ? 'Rename' : 'Set group'}
              </button>
              <button type="button" className="button button--small" onClick={() => setEditing(null)}>
                Cancel
              </button>
            </form>
          ) : (
            <span className="chip chip--static">{summary.tag}</span>
          )}
        </th>
        <td className="tag-board__count">
          <Link to={`/discovery?tag=${encodeURIComponent(summary.tag)}`} aria-label={`${plural(summary.noteCount, 'note', 'notes')} tagged “${summary.tag}”: show them with the notes whose highlights carry it`}>
            {plural(summary.noteCount, 'note', 'notes')}
          </Link>
        </td>
        <td className="tag-board__count">
          {summary.highlightCount > 0 ? (
            <Link to={`/discovery/highlights?tag=${encodeURIComponent(summary.tag)}`} aria-label={`Highlights tagged “${summary.tag}”`}>
              {plural(summary.highlightCount, 'highlight', 'highlights')}
            </Link>
          ) : (
            <span className="muted">0 highlights</span>
          )}
        </td>
        <td>
          <div className="tag-board__actions">
          <button type="button" className="button button--small" aria-label={`Rename “${summary.tag}”`} onClick={() => setEditing({ tag: summary.tag, what: 'rename' })}>
            Rename
          </button>
          <button type="button" className="button button--small" aria-label={`Group “${summary.tag}”`} onClick={() => setEditing({ tag: summary.tag, what: 'group' })}>
            Group
          </button>
          <select
            className="tag-board__merge"
            aria-label={`Merge “${summary.tag}” into`}
            value=""
            onChange={(event) => {
              const target = event.target.value;
              if (target !== '') void apply(() => tags.merge([summary.tag], target), `Merged “${summary.tag}” into “${target}”`, `merging “${summary.tag}”`);
            }}
          >
            <option value="">Merge into…</option>
            {summaries
              .filter((other) => other.tag !== summary.tag)
              .map((other) => (
                <option key={other.tag} value={other.tag}>
                  {other.tag}
                </option>
              ))}
          </select>
          </div>
        </td>
      </tr>
    );
  };

  return (
    <div className="stack stack--wide tag-board">
      <p className="muted">
        {plural(summaries.length, 'tag', 'tags')}, one vocabulary for notes and highlights: filtering notes by a tag finds the notes whose highlights carry it too. Renaming a tag to
        one in use merges them.
      </p>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      <datalist id={groupListId}>
        {groupNames.map((group) => (
          <option key={group} value={group} />
        ))}
      </datalist>
      {groups.map((entry) => (
        <section key={entry.group} aria-label={entry.group === '' ? 'Ungrouped tags' : `Group ${entry.group}`}>
          <h2 className="tag-board__group">
            {entry.group === '' ? (groups.length > 1 ? 'Ungrouped' : 'Tags') : entry.group} <span className="muted">({entry.tags.length})</span>
          </h2>
          <table className="table tag-board__table">
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">Notes</th>
                <th scope="col">Highlights</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>{entry.tags.map(row)}</tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
