import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Contact } from '../../../shared/domain/contact';
import { conflictingFields, mergeContacts, type MergeChoices, type MergeField } from '../../../shared/domain/contact-merge';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useUndo } from '../../components/undo-service';
import { useRepositories } from '../../db';
import { describeImpact } from './describe-impact';
import { userMessage } from '../../errors/user-message';

const FIELD_LABELS: Readonly<Record<MergeField, string>> = { name: 'Name', email: 'Email', team: 'Team', role: 'Role', organisation: 'Organisation', cadenceDays: 'Meet every (days)' };

/** Merges two contacts into one: the user picks the survivor and each differing value; everything pointing at the other moves over. */
export function MergeDialog({ first, second, onClose }: { readonly first: Contact; readonly second: Contact; readonly onClose: (isMerged: boolean) => void }) {
  const { people } = useRepositories();
  const dialogRef = useModalDialog(true);
  const undoService = useUndo();
  const navigate = useNavigate();
  const [keptId, setKeptId] = useState(first.id);
  const [choices, setChoices] = useState<MergeChoices>({});
  const [error, setError] = useState<string | null>(null);
  const kept = keptId === first.id ? first : second;
  const removed = keptId === first.id ? second : first;
  const impact = useLiveQuery(() => people.impactOf(removed.id), [people, removed.id]);
  const conflicts = conflictingFields(kept, removed);
  const result = mergeContacts(kept, removed, choices, kept.updatedAt);

  const merge = async () => {
    setError(null);
    try {
      const undo = await people.merge(kept.id, removed.id, choices);
      onClose(true);
      undoService.offer({ label: `Merged ${removed.name} into ${result.name}.`, undo: () => people.undo(undo) });
      await navigate(`/people/${kept.id}`);
    } catch (caught) {
      setError(userMessage(caught, 'merging the contacts'));
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog dialog--wide" aria-labelledby="merge-title" onClose={() => onClose(false)}>
      <h2 id="merge-title">Merge two contacts</h2>
      <div className="stack">
        <fieldset className="panel">
          <legend>Keep</legend>
          <div className="merge__choice">
            {[first, second].map((contact) => (
              <label key={contact.id} className="checkbox">
                <input type="radio" name="kept" checked={keptId === contact.id} onChange={() => { setKeptId(contact.id); setChoices({}); }} />
                {contact.name}
                {contact.email ? ` (${contact.email})` : ''}
              </label>
            ))}
          </div>
        </fieldset>
        {conflicts.map((field) => (
          <fieldset key={field} className="panel">
            <legend>{FIELD_LABELS[field]}</legend>
            <div className="merge__choice">
              {(['kept', 'removed'] as const).map((side) => (
                <label key={side} className="checkbox">
                  <input
                    type="radio"
                    name={`field-${field}`}
                    checked={(choices[field] ?? 'kept') === side}
                    onChange={() => setChoices((current) => ({ ...current, [field]: side }))}
                  />
                  {String((side === 'kept' ? kept : removed)[field])}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <p>
          The merged contact: <strong>{result.name}</strong>
          {[result.email, result.team, result.role, result.organisation].filter(Boolean).length > 0 && ` · ${[result.email, result.team, result.role, result.organisation].filter(Boolean).join(' · ')}`}
        </p>
        <p role="status">
          {impact === undefined
            ? 'Counting what points at the other contact…'
            : `${removed.name} is removed; ${describeImpact(impact)} move to ${result.name}. Both histories are kept. You can undo this right afterwards.`}
        </p>
      </div>
      {error && (
        <p className="field__problem" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={() => onClose(false)}>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={() => void merge()}>
          Merge into {result.name}
        </button>
      </div>
    </dialog>
  );
}
