import type { BucketEvidence } from '../../../shared/domain/bucket-evidence';

const STRENGTH_BADGE: Readonly<Record<BucketEvidence['strength'], string>> = {
  'no evidence': 'badge--neutral',
  'single source': 'badge--warning',
  'several people': 'badge--neutral',
  'across channels': 'badge--ok',
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** A bucket's evidence strength and the distinct people, teams, channels and notes behind it. */
export function EvidenceLine({ evidence }: { readonly evidence: BucketEvidence }) {
  return (
    <p className="evidence-line">
      <span className={`badge ${STRENGTH_BADGE[evidence.strength]}`}>{evidence.strength}</span>{' '}
      <span className="muted">
        {plural(evidence.people, 'person', 'people')} · {plural(evidence.teams, 'team', 'teams')} · {plural(evidence.channels, 'channel', 'channels')} ·{' '}
        {plural(evidence.notes, 'note', 'notes')}
      </span>
    </p>
  );
}
