import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import type { Initiative, PainBucket } from '../../../shared/domain/board';
import { immediatePainSplit, rankedBucketsWithoutInitiative } from '../../../shared/domain/immediate-pain-split';
import { targetPercentProblem, type Round } from '../../../shared/domain/round';
import { useUndo } from '../../components/undo-service';
import { roundTargetForm, useRepositories, type NewInitiative } from '../../db';
import { SaveStatus, useFormSave } from '../../forms';
import { InitiativeForm } from './initiative-form';
import { SplitMeter } from './split-meter';

const NO_INITIATIVES: readonly Initiative[] = [];
const NO_BUCKETS: readonly PainBucket[] = [];

/** Initiatives planned against pain buckets or vision themes, and the live 70/30 meter. */
export function PlanView({ round }: { readonly round: Round }) {
  const { board } = useRepositories();
  const undoService = useUndo();
  const id = useId();
  const initiatives = useLiveQuery(() => board.listInitiatives(round.id), [board, round.id]) ?? NO_INITIATIVES;
  const buckets = useLiveQuery(() => board.listBuckets(round.id), [board, round.id]) ?? NO_BUCKETS;
  const themes = useLiveQuery(() => board.listVisionThemes(round.id), [board, round.id]) ?? [];
  const split = useMemo(() => immediatePainSplit(initiatives, round.immediatePainTargetPercent), [initiatives, round.immediatePainTargetPercent]);

  const targetForm = useFormSave({ store: roundTargetForm, id: round.id, initial: round });
  const target = targetForm.value;
  const [editingId, setEditingId] = useState<string | null>(null);
  const unplanned = useMemo(() => rankedBucketsWithoutInitiative(buckets, initiatives), [buckets, initiatives]);

  const targetProblem = target.trim() === '' ? 'Type the target share, from 0 to 100.' : targetPercentProblem(Number(target));

  const edit = async (initiative: Initiative, input: NewInitiative) => {
    const before = await board.updateInitiative(initiative.id, input);
    setEditingId(null);
    undoService.offer({ label: `Saved ${input.title.trim()}`, undo: () => board.restoreInitiative(before) });
  };

  const remove = async (initiativeId: string) => {
    const removed = await board.deleteInitiative(initiativeId);
    if (removed) undoService.offer({ label: `Removed ${removed.title}`, undo: () => board.restoreInitiative(removed) });
  };

  const bucketTitle = new Map(buckets.map((bucket) => [bucket.id, bucket.title]));
  const themeTitle = new Map(themes.map((theme) => [theme.id, `Year ${theme.year}: ${theme.title}`]));

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
        {unplanned.length > 0 && (
          <p className="notice notice--warning plan__unplanned" role="status">
            {unplanned.length === 1 ? 'A ranked pain has' : `${unplanned.length} ranked pains have`} no initiative yet:{' '}
            {unplanned.map((bucket) => `#${bucket.rank ?? ''} ${bucket.title}`).join(', ')}. Plan work for {unplanned.length === 1 ? 'it' : 'them'}, or say in the
            charter why not.
          </p>
        )}
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
              {initiatives.map((initiative) =>
                editingId === initiative.id ? (
                  <tr key={initiative.id}>
                    <td colSpan={4}>
                      <InitiativeForm
                        initial={{ title: initiative.title, kind: initiative.kind, effortWeeks: initiative.effortWeeks, bucketIds: initiative.bucketIds, visionThemeIds: initiative.visionThemeIds ?? [] }}
                        buckets={buckets}
                        themes={themes}
                        submitLabel="Save initiative"
                        onSubmit={(input) => edit(initiative, input)}
                        onCancel={() => setEditingId(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={initiative.id}>
                    <td>{initiative.title}</td>
                    <td>
                      <span className={`badge ${initiative.kind === 'vision' ? 'badge--neutral' : 'badge--ok'}`}>{initiative.kind === 'vision' ? 'Vision' : 'Immediate pain'}</span>{' '}
                      {(initiative.kind === 'vision' ? (initiative.visionThemeIds ?? []).map((themeId) => themeTitle.get(themeId) ?? 'a removed theme') : initiative.bucketIds.map((bucketId) => bucketTitle.get(bucketId) ?? 'a removed bucket')).join(', ')}
                    </td>
                    <td>{initiative.effortWeeks} pw</td>
                    <td className="plan__row-actions">
                      <button type="button" className="button button--small" onClick={() => setEditingId(initiative.id)} aria-label={`Edit ${initiative.title}`}>
                        Edit
                      </button>
                      <button type="button" className="button button--small button--quiet" onClick={() => void remove(initiative.id)} aria-label={`Remove ${initiative.title}`}>
                        Remove
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
        <InitiativeForm buckets={buckets} themes={themes} submitLabel="Add initiative" onSubmit={async (input) => void (await board.createInitiative(round.id, input))} />
      </section>
    </div>
  );
}
