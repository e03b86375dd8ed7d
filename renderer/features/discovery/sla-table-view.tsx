import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Note, SlaFields } from '../../../shared/domain/note';
import { assessSla, type SlaAssessment, type SlaComparison } from '../../../shared/domain/sla-gap';
import { formatDay } from '../../components/format-date';
import { useRepositories } from '../../db';

interface SlaRow {
  readonly note: Note;
  readonly fields: SlaFields;
  readonly assessment: SlaAssessment;
}

const STATE_LABELS: Readonly<Record<SlaComparison, string>> = { gap: 'Gap', 'not-offered': 'Not offered', met: 'Met', unknown: 'Cannot compare' };

function StateBadge({ comparison }: { readonly comparison: SlaComparison }) {
  const tone = comparison === 'met' ? 'ok' : comparison === 'unknown' ? 'neutral' : 'danger';
  return <span className={`badge badge--${tone}`}>{STATE_LABELS[comparison]}</span>;
}

/** Every SLA conversation: per service and metric, what users expect against what is offered and measured. */
export function SlaTableView() {
  const { notes, contacts } = useRepositories();
  const slaNotes = useLiveQuery(() => notes.listChannel('sla'), [notes]);
  const personIds = useMemo(() => [...new Set(slaNotes?.flatMap((note) => note.personIds) ?? [])], [slaNotes]);
  const people = useLiveQuery(() => contacts.getMany(personIds), [contacts, personIds.join(',')]);
  const [isGapsOnly, setGapsOnly] = useState(false);

  const groups = useMemo(() => {
    const rows: SlaRow[] = (slaNotes ?? []).flatMap((note) => {
      const fields = note.channelFields;
      if (fields?.kind !== 'sla' || fields.service.trim() === '') return [];
      return [{ note, fields, assessment: assessSla(fields) }];
    });
    const byKey = new Map<string, SlaRow[]>();
    for (const row of rows) {
      const key = `${row.fields.service.trim().toLowerCase()}\u0000${row.fields.metric}`;
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    return [...byKey.values()].sort((a, b) => (a[0]?.fields.service ?? '').localeCompare(b[0]?.fields.service ?? '') || (a[0]?.fields.metric ?? '').localeCompare(b[0]?.fields.metric ?? ''));
  }, [slaNotes]);

  if (!slaNotes) return <p role="status">Loading SLA conversations…</p>;
  const names = new Map((people ?? []).map((person) => [person.id, person.name]));
  const hasGap = (rows: readonly SlaRow[]) => rows.some((row) => row.assessment.hasGap);
  const shown = isGapsOnly ? groups.filter(hasGap) : groups;
  const gapCount = groups.filter(hasGap).length;

  if (groups.length === 0) {
    return (
      <div className="empty-pane">
        <p className="empty-pane__title">No SLA conversations yet</p>
        <p>Log an SLA conversation (New note → SLA conversation) with the service, the metric and the target users expect, even one you cannot meet today.</p>
      </div>
    );
  }

  return (
    <div className="stack stack--wide">
      <div className="sla__bar">
        <p className="muted">
          {groups.length} service {groups.length === 1 ? "metric" : "metrics"} from {slaNotes.length} {slaNotes.length === 1 ? "conversation" : "conversations"}; <strong>{gapCount}</strong> with a gap between what users expect and what is offered or measured.
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={isGapsOnly} onChange={(event) => setGapsOnly(event.target.checked)} /> Only gaps
        </label>
      </div>
      <table className="table sla">
        <caption className="visually-hidden">SLA expectations by service and metric</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Metric</th>
            <th scope="col">Users expect</th>
            <th scope="col">Offered</th>
            <th scope="col">Measured</th>
            <th scope="col">Offered vs expected</th>
            <th scope="col">Heard from</th>
          </tr>
        </thead>
        {shown.map((rows) => (
          <tbody key={`${rows[0]?.fields.service}-${rows[0]?.fields.metric}`} className={hasGap(rows) ? 'sla__group--gap' : undefined}>
            {rows.map((row, index) => (
              <tr key={row.note.id}>
                {index === 0 && (
                  <>
                    <th scope="rowgroup" rowSpan={rows.length}>
                      {row.fields.service}
                    </th>
                    <td rowSpan={rows.length}>{row.fields.metric}</td>
                  </>
                )}
                <td>{row.fields.expected}</td>
                <td>{row.fields.offered ?? <span className="muted">—</span>}</td>
                <td>
                  {row.fields.measured ?? <span className="muted">—</span>}
                  {row.assessment.measured === 'gap' && <span className="badge badge--danger sla__measured">below target</span>}
                </td>
                <td>
                  <StateBadge comparison={row.assessment.offered} />
                </td>
                <td>
                  <Link to={`/discovery/notes/${row.note.id}`}>{row.note.personIds.map((id) => names.get(id)).filter(Boolean).join(', ') || row.note.title || 'Untitled note'}</Link>
                  <span className="muted"> · {formatDay(row.note.occurredAt)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
