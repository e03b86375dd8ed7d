import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import type { Initiative, InitiativeKind } from '../../../shared/domain/board';
import { effortProblem, immediatePainSplit } from '../../../shared/domain/immediate-pain-split';
import { targetPercentProblem, type Round } from '../../../shared/domain/round';
import { useToast } from '../../components/toast';
import { roundTargetForm, useRepositories } from '../../db';
import { SaveStatus, useFormSave } from '../../forms';
import { SplitMeter } from './split-meter';

const NO_INITIATIVES: readonly Initiative[] = [];

/** Initiatives planned against pain buckets or vision themes, and the live 70/30 meter. */
export function PlanView({ round }: { readonly round: Round }) {
  const { board } = useRepositories();
  const toast = useToast();
  const id = useId();
  const initiatives = useLiveQuery(() => board.listInitiatives(round.id), [board, round.id]) ?? NO_INITIATIVES;
  const buckets = useLiveQuery(() => board.listBuckets(round.id), [board, round.id]) ?? [];
  const themes = useLiveQuery(() => board.listVisionThemes(round.id), [board, round.id]) ?? [];
  const split = useMemo(() => immediatePainSplit(initiatives, round.immediatePainTargetPercent), [initiatives, round.immediatePainTargetPercent]);

  const targetForm = useFormSave({ store: roundTargetForm, id: round.id, initial: round });
  const target = targetForm.value;
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<InitiativeKind>('immediate-pain');
  const [effort, setEffort] = useState('');
  const [bucketIds, setBucketIds] = useState<readonly string[]>([]);
  const [themeIds, setThemeIds] = useState<readonly string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const targetProblem = target.trim() === '' ? 'Type the target share, from 0 to 100.' : targetPercentProblem(Number(target));

  const add = async () => {
    const weeks = Number(effort.replace(',', '.'));
    const effortIssue = effort.trim() === '' ? 'Give the effort in person-weeks.' : effortProblem(weeks);
    if (title.trim() === '') return setProblem('Give the initiative a title.');
    if (effortIssue) return setProblem(effortIssue);
    try {
      await board.createInitiative(round.id, { title, kind, effortWeeks: weeks, bucketIds, visionThemeIds: themeIds });
      setTitle('');
      setEffort('');
      setBucketIds([]);
      setThemeIds([]);
      setProblem(null);
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const remove = async (initiativeId: string) => {
    const removed = await board.deleteInitiative(initiativeId);
    if (removed) toast({ message: `Removed ${removed.title}`, actionLabel: 'Undo', onAction: () => void board.restoreInitiative(removed) });
  };

  const bucketTitle = new Map(buckets.map((bucket) => [bucket.id, bucket.title]));
  const themeTitle = new Map(themes.map((theme) => [theme.id, `Year ${theme.year}: ${theme.title}`]));
  const toggle = (list: readonly string[], value: string, isOn: boolean) => (isOn ? [...list, value] : list.filter((item) => item !== value));

  return (
    <div className="plan">
      <section className="panel plan__meter" aria-labelledby={`${id}-meter`}>
        <div className="plan__meter-head">
          <h3 id={`${id}-meter`}>Immediate user pain against the vision</h3>
          <label className="field plan__target">
            <span className="field__label">Immediate-pain target (%)</span>
            <input
              type="number"
              min={0}
              max={100}
              step={1}
              value={target}
              aria-invalid={targetProblem !== null}
              onChange={(event) => {
                const typed = event.target.value;
                targetForm.update(() => typed);
              }}
            />
          </label>
          <SaveStatus form={targetForm} />
        </div>
        <SplitMeter split={split} />
        <p className="muted plan__hint">70/30 is the default; 100/0 is a fair choice where cloud vendors will absorb the future of this area.</p>
      </section>

      <section className="panel" aria-labelledby={`${id}-list`}>
        <h3 id={`${id}-list`}>Initiatives</h3>
        {initiatives.length === 0 ? (
          <p className="muted">No initiatives yet. Add the work you plan, each against pain buckets or vision themes, with an effort estimate.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Initiative</th>
                <th scope="col">For</th>
                <th scope="col">Effort</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {initiatives.map((initiative) => (
                <tr key={initiative.id}>
                  <td>{initiative.title}</td>
                  <td>
                    <span className={`badge ${initiative.kind === 'vision' ? 'badge--neutral' : 'badge--ok'}`}>{initiative.kind === 'vision' ? 'Vision' : 'Immediate pain'}</span>{' '}
                    {(initiative.kind === 'vision' ? (initiative.visionThemeIds ?? []).map((themeId) => themeTitle.get(themeId) ?? 'a removed theme') : initiative.bucketIds.map((bucketId) => bucketTitle.get(bucketId) ?? 'a removed bucket')).join(', ')}
                  </td>
                  <td>{initiative.effortWeeks} pw</td>
                  <td>
                    <button type="button" className="button button--small button--quiet" onClick={() => void remove(initiative.id)} aria-label={`Remove ${initiative.title}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form
          className="plan__form"
          aria-label="Add an initiative"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
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
          <div>
            <button type="submit" className="button button--primary">
              Add initiative
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
