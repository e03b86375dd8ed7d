import { useEffect, useState } from 'react';
import {
  CONTACT_COLUMN_ROLES,
  contactImportWrites,
  contactKeysOf,
  guessContactColumns,
  planContactImport,
  readContactTable,
  type ContactColumnRole,
  type ContactFileProblem,
  type ContactImportPlan,
  type ContactTable,
  type DuplicateChoice,
} from '../../../shared/contacts/contact-csv';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useRepositories } from '../../db';
import { usePlatform } from '../../platform';

const ROLE_LABELS: Readonly<Record<ContactColumnRole, string>> = {
  name: 'Name',
  'first-name': 'First name',
  'last-name': 'Last name',
  email: 'Email',
  team: 'Team',
  role: 'Role',
  organisation: 'Organisation',
  ignore: 'Ignore',
};

const FILE_FILTERS = [{ name: 'Contact lists', extensions: ['csv', 'tsv', 'txt'] }];
const SAMPLE = 8;

type Step =
  | { readonly kind: 'choose' }
  | { readonly kind: 'failed'; readonly fileName: string; readonly problem: ContactFileProblem }
  | { readonly kind: 'preview'; readonly fileName: string; readonly table: ContactTable }
  | { readonly kind: 'done'; readonly created: number; readonly updated: number; readonly skipped: number };

/** Imports contacts from a CSV: column mapping, duplicates (in the file and stored) with a choice, one all-or-nothing write. */
export function ImportContactsDialog({ isOpen, onClose }: { readonly isOpen: boolean; readonly onClose: () => void }) {
  const { people } = useRepositories();
  const platform = usePlatform();
  const dialogRef = useModalDialog(isOpen);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [roles, setRoles] = useState<readonly ContactColumnRole[]>([]);
  const [plan, setPlan] = useState<ContactImportPlan | null>(null);
  const [choice, setChoice] = useState<DuplicateChoice>('skip');
  const [error, setError] = useState<string | null>(null);
  const [isWriting, setWriting] = useState(false);

  const table = step.kind === 'preview' ? step.table : null;
  useEffect(() => {
    if (table === null) return;
    let isCurrent = true;
    const keys = contactKeysOf(table, roles);
    void people.existingKeys(keys.emails, keys.nameKeys).then((existing) => {
      if (isCurrent) setPlan(planContactImport(table, roles, existing));
    });
    return () => {
      isCurrent = false;
    };
  }, [people, roles, table]);

  const close = () => {
    setStep({ kind: 'choose' });
    setPlan(null);
    setError(null);
    onClose();
  };

  const choose = async () => {
    setError(null);
    const result = await platform.openFile({ title: 'Import contacts', filters: FILE_FILTERS });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    if (result.value === null) return;
    const { name, bytes } = result.value;
    const read = readContactTable(bytes);
    if (!read.ok) {
      setStep({ kind: 'failed', fileName: name, problem: read.problem });
      return;
    }
    setPlan(null);
    setRoles(guessContactColumns(read.table.headers));
    setStep({ kind: 'preview', fileName: name, table: read.table });
  };

  const write = async () => {
    if (plan === null || plan.problems.length > 0) return;
    setWriting(true);
    setError(null);
    try {
      const writes = contactImportWrites(plan, choice);
      const { created, updated } = await people.importContacts(writes);
      setStep({ kind: 'done', created, updated, skipped: writes.skipped });
    } catch (caught) {
      setError(`Nothing was imported: ${caught instanceof Error ? caught.message : String(caught)}`);
    } finally {
      setWriting(false);
    }
  };

  const duplicates = plan?.rows.filter((row) => row.duplicate !== undefined) ?? [];
  const writes = plan === null ? null : contactImportWrites(plan, choice);

  return (
    <dialog ref={dialogRef} className="dialog dialog--wide" aria-labelledby="import-contacts-title" onClose={() => isOpen && close()} data-import-state={step.kind}>
      <h2 id="import-contacts-title">Import contacts</h2>
      {step.kind === 'choose' && <p>Choose a CSV or TSV with a header row: name (or first and last name), email, team, role, organisation. You map the columns and see duplicates before anything is saved.</p>}
      {step.kind === 'failed' && (
        <div className="notice notice--error" role="alert">
          <strong>{step.fileName} cannot be imported.</strong> {step.problem.row === null ? '' : `Row ${step.problem.row}: `}
          {step.problem.message} Nothing was saved.
        </div>
      )}
      {step.kind === 'preview' && (
        <div className="stack stack--wide">
          <p className="muted">
            {step.fileName}: {step.table.rows.length.toLocaleString()} {step.table.rows.length === 1 ? 'row' : 'rows'} · {step.table.encoding} · delimiter {step.table.delimiter === '\t' ? 'tab' : `“${step.table.delimiter}”`}
          </p>
          <div className="dialog__scroll">
            <table className="table">
              <thead>
                <tr>
                  {step.table.headers.map((header, index) => (
                    <th key={`${header}-${index}`} scope="col">
                      <label className="field">
                        <span>{header || `Column ${index + 1}`}</span>
                        <select
                          aria-label={`Column ${header || index + 1} holds`}
                          value={roles[index] ?? 'ignore'}
                          onChange={(event) => setRoles((current) => current.map((role, at) => (at === index ? (event.target.value as ContactColumnRole) : role)))}
                        >
                          {CONTACT_COLUMN_ROLES.map((role) => (
                            <option key={role} value={role}>
                              {ROLE_LABELS[role]}
                            </option>
                          ))}
                        </select>
                      </label>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {step.table.rows.slice(0, SAMPLE).map((row, rowIndex) => (
                  <tr key={rowIndex}>
                    {row.map((cell, index) => (
                      <td key={index}>{cell.length > 80 ? `${cell.slice(0, 79)}…` : cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan !== null && plan.problems.length > 0 && (
            <div className="notice notice--error" role="alert">
              <strong>Fix these before importing (nothing is saved until then):</strong>
              <ul>
                {plan.problems.slice(0, 10).map((problem) => (
                  <li key={`${problem.row ?? 'file'}-${problem.message}`}>{problem.message}</li>
                ))}
                {plan.problems.length > 10 && <li>…and {plan.problems.length - 10} more.</li>}
              </ul>
            </div>
          )}
          {duplicates.length > 0 && (
            <fieldset className="panel">
              <legend>
                {duplicates.length} {duplicates.length === 1 ? 'row duplicates' : 'rows duplicate'} a contact (same email, or same name)
              </legend>
              <ul className="muted">
                {duplicates.slice(0, 5).map((row) => (
                  <li key={row.row}>
                    Row {row.row} ({row.fields.name}):{' '}
                    {row.duplicate?.of === 'file' ? `same ${row.duplicate.by} as row ${row.duplicate.row}` : `same ${row.duplicate?.by ?? ''} as a stored contact`}
                  </li>
                ))}
                {duplicates.length > 5 && <li>…and {duplicates.length - 5} more.</li>}
              </ul>
              <div className="merge__choice" role="radiogroup" aria-label="Duplicates">
                {(
                  [
                    ['skip', 'Skip them'],
                    ['update', 'Update the existing contact'],
                    ['create', 'Create new contacts anyway'],
                  ] as const
                ).map(([value, label]) => (
                  <label key={value} className="checkbox">
                    <input type="radio" name="duplicates" value={value} checked={choice === value} onChange={() => setChoice(value)} />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
        </div>
      )}
      {step.kind === 'done' && (
        <p role="status">
          {step.created.toLocaleString()} {step.created === 1 ? 'contact' : 'contacts'} added, {step.updated.toLocaleString()} updated
          {step.skipped > 0 ? `, ${step.skipped.toLocaleString()} duplicates skipped` : ''}.
        </p>
      )}
      {error && (
        <p className="field__problem" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={close}>
          {step.kind === 'done' ? 'Close' : 'Cancel'}
        </button>
        {step.kind !== 'done' && (
          <button type="button" className="button" onClick={() => void choose()}>
            {step.kind === 'choose' ? 'Choose a file…' : 'Choose another file…'}
          </button>
        )}
        {step.kind === 'preview' && writes !== null && (
          <button type="button" className="button button--primary" disabled={isWriting || plan === null || plan.problems.length > 0 || writes.create.length + writes.update.length === 0} onClick={() => void write()}>
            Import {writes.create.length + writes.update.length} {writes.create.length + writes.update.length === 1 ? 'contact' : 'contacts'}
          </button>
        )}
      </div>
    </dialog>
  );
}
