import type { BucketEvidence } from '../../../shared/domain/bucket-evidence';

const STRENGTH_BADGE: Readonly<Record<BucketEvidence['strength'], string>> = {
  'no user evidence': 'badge--neutral',
  'single source': 'badge--warning',
  'several people': 'badge--neutral',
  'across channels': 'badge--ok',
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** A bucket's evidence: users' strength and the distinct people, teams, channels and notes, then the market's and the team's notes apart. */
export function EvidenceLine({ evidence, slaGaps = 0 }: { readonly evidence: BucketEvidence; readonly slaGaps?: number }) {
  return (
    <p className="evidence-line">
      <span className={`badge ${STRENGTH_BADGE[evidence.strength]}`} title="Strength of what users said (market, research and team notes do not count)">
        {evidence.strength}
      </span>{' '}
      <span className="muted">
        Users: {plural(evidence.people, 'person', 'people')} · {plural(evidence.teams, 'team', 'teams')} · {plural(evidence.channels, 'channel', 'channels')} ·{' '}
        {plural(evidence.notes, 'note', 'notes')}
        {evidence.marketNotes > 0 && <> · market and research: {plural(evidence.marketNotes, 'note', 'notes')}</>}
        {evidence.teamNotes > 0 && <> · team: {plural(evidence.teamNotes, 'brainstorm', 'brainstorms')}</>}
      </span>
      {slaGaps > 0 && (
        <>
          {' '}
          <span className="badge badge--danger">{plural(slaGaps, 'SLA gap', 'SLA gaps')}</span>
        </>
      )}
    </p>
  );
}
