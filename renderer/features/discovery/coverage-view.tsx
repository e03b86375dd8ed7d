import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { channelCoverage } from '../../../shared/domain/channel-coverage';
import { channelLabel } from '../../components/channel-badge';
import { formatAgo, formatDay } from '../../components/format-date';
import { useRepositories } from '../../db';

const NEGLECTED_AFTER_DAYS = 30;

/** How broad the net is: notes and last use per channel, with neglected channels standing out. */
export function CoverageView() {
  const { notes } = useRepositories();
  const data = useLiveQuery(async () => ({ counts: await notes.countByChannel(), lastUsed: await notes.lastUsedByChannel(), now: Date.now() }), [notes]);
  if (!data) return <p role="status">Counting notes…</p>;

  const { now } = data;
  const rows = channelCoverage(data.counts, data.lastUsed, now, NEGLECTED_AFTER_DAYS);
  const max = Math.max(1, ...rows.map((row) => row.count));
  const neglected = rows.filter((row) => row.isNeglected);

  return (
    <div className="stack stack--wide">
      <p className="muted">
        A channel stands out when it has no notes from the last {NEGLECTED_AFTER_DAYS} days.{' '}
        {neglected.length === 0 ? 'Every channel is in use: the net is broad.' : `${neglected.length} of ${rows.length - 1} channels need attention.`}
      </p>
      <table className="table coverage">
        <caption className="visually-hidden">Notes per discovery channel</caption>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Notes</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.channel} className={row.isNeglected ? 'coverage__row--neglected' : undefined}>
              <th scope="row">
                <Link to={`/discovery?channel=${row.channel}`}>{channelLabel(row.channel)}</Link>
              </th>
              <td>
                <span className="coverage__bar" aria-hidden="true">
                  <span style={{ width: `${(row.count / max) * 100}%` }} />
                </span>
                {row.count.toLocaleString()}
              </td>
              <td>{row.lastUsedAt === null ? 'never' : <span title={formatDay(row.lastUsedAt)}>{formatAgo(row.lastUsedAt, now)}</span>}</td>
              <td>{row.isNeglected ? <span className="badge badge--warning">Neglected</span> : row.channel === 'survey-response' ? <span className="muted">from imports</span> : <span className="badge badge--ok">In use</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
