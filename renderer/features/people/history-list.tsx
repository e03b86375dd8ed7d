import { Link } from 'react-router';
import { ChannelBadge } from '../../components/channel-badge';
import { formatDay } from '../../components/format-date';
import type { HistoryEntry } from '../../db';

/** History entries, newest first, each opening its source. */
export function HistoryList({ entries, emptyText, showPeople = false }: { readonly entries: readonly HistoryEntry[]; readonly emptyText: string; readonly showPeople?: boolean }) {
  if (entries.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ol className="history" aria-label="History">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.id}`} className="history__item">
          <time dateTime={new Date(entry.at).toISOString()} className="muted">
            {formatDay(entry.at)}
          </time>
          <div>
            <Link to={entry.href}>{entry.title}</Link>
            <div className="history__meta">
              {entry.channel !== undefined ? <ChannelBadge channel={entry.channel} /> : <span className="badge badge--neutral">{entry.kind === 'survey' ? 'Survey' : 'Workshop'}</span>}
              {showPeople && entry.people !== undefined && entry.people.length > 0 && <span>{entry.people.join(', ')}</span>}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
