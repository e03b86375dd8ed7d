import { useId, useState } from 'react';
import type { InitiativeKind, PainBucket } from '../../../shared/domain/board';
import { effortProblem } from '../../../shared/domain/immediate-pain-split';
import type { NewInitiative, VisionThemeChoice } from '../../db';
import { userMessage } from '../../errors/user-message';

interface InitiativeFormProps {
  /** The initiative being edited; absent when adding one. */
  readonly initial?: NewInitiative;
  readonly buckets: readonly PainBucket[];
  readonly themes: readonly VisionThemeChoice[];
  readonly submitLabel: string;
  /** Saves the initiative; a thrown error is shown under the form. */
  readonly onSubmit: (initiative: NewInitiative) => Promise<void>;
  readonly onCancel?: () => void;
}

const toggle = (list: readonly string[], value: string, isOn: boolean) => (isOn ? [...list, value] : list.filter((item) => item !== value));

/** The fields of an initiative (title, immediate pain or vision, effort, buckets or themes), for adding one or editing it. */
export function InitiativeForm({ initial, buckets, themes, submitLabel, onSubmit, onCancel }: InitiativeFormProps) {
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [kind, setKind] = useState<InitiativeKind>(initial?.kind ?? 'immediate-pain');
  const [effort, setEffort] = useState(initial === undefined ? '' : String(initial.effortWeeks));
  const [bucketIds, setBucketIds] = useState<readonly string[]>(initial?.bucketIds ?? []);
  const [themeIds, setThemeIds] = useState<readonly string[]>(initial?.visionThemeIds ?? []);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    const weeks = Number(effort.replace(',', '.'));
    const effortIssue = effort.trim() === '' ? 'Give the effort in person-weeks.' : effortProblem(weeks);
    if (title.trim() === '') return setProblem('Give the initiative a title.');
    if (effortIssue) return setProblem(effortIssue);
    try {
      await onSubmit({ title, kind, effortWeeks: weeks, bucketIds, visionThemeIds: themeIds });
      if (initial === undefined) {
        setTitle('');
        setEffort('');
        setBucketIds([]);
        setThemeIds([]);
      }
      setProblem(null);
    } catch (caught) {
      setProblem(userMessage(caught, 'saving the initiative'));
    }
  };

  return (
    <form
      className="plan__form"
      aria-label={initial === undefined ? 'Add an initiative' : `Edit ${initial.title}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="field plan__title">
        <span className="field__label">Initiative</span>
        <input value={title} onChange={(event) => setTitle(event.target.value)} placeholder="e.g. Remote build cache" />
      </label>
      <fieldset className="plan__kind">
        <legend className="field__label">Planned for</legend>
        <label className="checkbox">
          <input type="radio" name={`${id}-kind`} checked={kind === 'immediate-pain'} onChange={() => setKind('immediate-pain')} />
          Immediate user pain
        </label>
        <label className="checkbox">
          <input type="radio" name={`${id}-kind`} checked={kind === 'vision'} onChange={() => setKind('vision')} />
          Vision
        </label>
      </fieldset>
      <label className="field plan__effort">
        <span className="field__label">Effort (person-weeks)</span>
        <input inputMode="decimal" value={effort} onChange={(event) => setEffort(event.target.value)} placeholder="e.g. 3" />
      </label>
      <fieldset className="plan__links">
        <legend className="field__label">{kind === 'vision' ? 'Vision themes' : 'Pain buckets'}</legend>
        {kind === 'vision' ? (
          themes.length === 0 ? (
            <p className="muted">No vision themes yet: write them under Artifacts.</p>
          ) : (
            themes.map((theme) => (
              <label key={theme.id} className="checkbox">
                <input type="checkbox" checked={themeIds.includes(theme.id)} onChange={(event) => setThemeIds(toggle(themeIds, theme.id, event.target.checked))} />
                Year {theme.year}: {theme.title}
              </label>
            ))
          )
        ) : buckets.length === 0 ? (
          <p className="muted">No pain buckets yet: group cards on the Board.</p>
        ) : (
          buckets.map((bucket) => (
            <label key={bucket.id} className="checkbox">
              <input type="checkbox" checked={bucketIds.includes(bucket.id)} onChange={(event) => setBucketIds(toggle(bucketIds, bucket.id, event.target.checked))} />
              {bucket.rank === undefined ? '' : `#${bucket.rank} `}
              {bucket.title}
            </label>
          ))
        )}
      </fieldset>
      {problem && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
      <div className="plan__form-actions">
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
