import { useEffect, useRef, useState } from 'react';
import { CONTACT_COLUMN_ROLES, type ContactColumnRole, type ContactFileProblem, type DuplicateChoice } from '../../../shared/contacts/contact-csv';
import { useModalDialog } from '../../components/use-modal-dialog';
import { createContactImportSession, type ContactFilePreview, type ContactImportProgress, type ContactImportSession, type ContactPlanSummary } from '../../contacts';
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

type Step =
  | { readonly kind: 'choose'; readonly notice?: string }
  | { readonly kind: 'reading'; readonly fileName: string }
  | { readonly kind: 'failed'; readonly fileName: string; readonly problem: ContactFileProblem }
  | { readonly kind: 'preview'; readonly preview: ContactFilePreview }
  | { readonly kind: 'importing'; readonly preview: ContactFilePreview }
  | { readonly kind: 'done'; readonly created: number; readonly updated: number; readonly skipped: number };

const STAGE_LABELS: Readonly<Record<ContactImportProgress['stage'], string>> = {
  reading: 'Reading the file',
  checking: 'Checking rows',
  writing: 'Importing',
};

/** The bytes as an ArrayBuffer of their own, to hand to the worker without a copy when possible. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
}

/**
 * Imports contacts from a CSV: column mapping, duplicates (in the file and stored) with a choice, one
 * all-or-nothing write. Reading, checking and writing run in a worker (renderer/contacts), with
 * progress and Cancel, so a file of hundreds of thousands of rows never freezes the page.
 */
export function ImportContactsDialog({
  isOpen,
  onClose,
  createSession = createContactImportSession,
}: {
  readonly isOpen: boolean;
  readonly onClose: () => void;
  /** The worker session (tests give an in-process one). */
  readonly createSession?: (onProgress: (update: ContactImportProgress) => void) => ContactImportSession;
}) {
  const platform = usePlatform();
  const dialogRef = useModalDialog(isOpen);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [roles, setRoles] = useState<readonly ContactColumnRole[]>([]);
  const [plan, setPlan] = useState<ContactPlanSummary | null>(null);
  const [choice, setChoice] = useState<DuplicateChoice>('skip');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [progress, setProgress] = useState<ContactImportProgress | null>(null);
  // The worker of the file being imported; stopped when replaced, when the dialog closes or unmounts.
  const [session, setSession] = useState<ContactImportSession | null>(null);
  const sessionRef = useRef<ContactImportSession | null>(null);
  useEffect(() => {
    sessionRef.current = session;
    return () => session?.dispose();
  }, [session]);

  const planSession = step.kind === 'preview' ? session : null;
  useEffect(() => {
    if (planSession === null || roles.length === 0) return;
    let isCurrent = true;
    void planSession.plan(roles).then((outcome) => {
      if (!isCurrent) return;
      if (outcome.ok) setPlan(outcome.plan);
      else if (outcome.isCancelled !== true) setError(outcome.problem.message);
    });
    return () => {
      isCurrent = false;
    };
  }, [planSession, roles]);

  const close = () => {
    setSession(null);
    setStep({ kind: 'choose' });
    setPlan(null);
    setProgress(null);
    setError(null);
    setNotice(null);
    onClose();
  };

  const choose = async () => {
    setError(null);
    setNotice(null);
    const result = await platform.openFile({ title: 'Import contacts', filters: FILE_FILTERS });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    if (result.value === null) return;
    const { name, bytes } = result.value;
    const started = createSession(setProgress);
    sessionRef.current = started;
    setSession(started);
    setPlan(null);
    setProgress(null);
    setStep({ kind: 'reading', fileName: name });
    const read = await started.read({ name, bytes: ownBuffer(bytes) });
    if (sessionRef.current !== started) return;
    setProgress(null);
    if (!read.ok) {
      setSession(null);
      setStep(read.isCancelled === true ? { kind: 'choose', notice: 'Reading the file was cancelled; nothing was imported.' } : { kind: 'failed', fileName: name, problem: read.problem });
      return;
    }
    setRoles(read.preview.roles);
    setStep({ kind: 'preview', preview: read.preview });
  };

  const write = async () => {
    const current = session;
    if (step.kind !== 'preview' || current === null || plan === null || plan.problemCount > 0) return;
    setError(null);
    setNotice(null);
    setProgress(null);
    setStep({ kind: 'importing', preview: step.preview });
    const outcome = await current.import(roles, choice);
    setProgress(null);
    if (outcome.kind === 'imported') {
      setSession(null);
      setStep({ kind: 'done', created: outcome.created, updated: outcome.updated, skipped: outcome.skipped });
      return;
    }
    setStep({ kind: 'preview', preview: step.preview });
    if (outcome.kind === 'cancelled') setNotice('Cancelled; nothing was imported.');
    else setError(outcome.problem.message);
  };

  const cancel = () => {
    if (step.kind === 'reading' || step.kind === 'importing') session?.cancel();
    else close();
  };

  const preview = step.kind === 'preview' || step.kind === 'importing' ? step.preview : null;
  const counts = plan?.counts[choice] ?? null;
  const isBusy = step.kind === 'reading' || step.kind === 'importing';
  const percent = progress === null || progress.total === 0 ? null : Math.floor((progress.done / progress.total) * 100);

  return (
    <dialog ref={dialogRef} className="dialog dialog--wide" aria-labelledby="import-contacts-title" onClose={() => isOpen && close()} data-import-state={step.kind}>
      <h2 id="import-contacts-title">Import contacts</h2>
      {step.kind === 'choose' && <p>Choose a CSV or TSV with a header row: name (or first and last name), email, team, role, organisation. You map the columns and see duplicates before anything is saved.</p>}
      {step.kind === 'choose' && step.notice !== undefined && <p role="status">{step.notice}</p>}
      {step.kind === 'failed' && (
        <div className="notice notice--error" role="alert">
          <strong>{step.fileName} cannot be imported.</strong> {step.problem.row === null ? '' : `Row ${step.problem.row}: `}
          {step.problem.message} Nothing was saved.
        </div>
      )}
      {isBusy && (
        <div className="stack" role="status" aria-live="polite">
          <p>
            {step.kind === 'reading' ? `${step.fileName}: ` : ''}
            {progress === null || (progress.stage === 'reading' && step.kind !== 'reading')
              ? step.kind === 'reading'
                ? 'Reading the file…'
                : 'Importing…'
              : `${STAGE_LABELS[progress.stage]}… ${percent ?? 0}%`}
            {progress !== null && progress.stage !== 'reading' && ` (${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} ${progress.stage === 'writing' ? 'contacts' : 'rows'})`}
          </p>
          {/* Until the worker's first report the bar moves without a figure; then it shows the share read, checked or written. */}
          {progress === null || progress.total === 0 ? (
            <progress className="contact-import__progress" aria-label="Import progress" data-stage="reading" />
          ) : (
            <progress className="contact-import__progress" aria-label="Import progress" data-stage={progress.stage} max={progress.total || 1} value={progress.done} />
          )}
        </div>
      )}
      {preview !== null && (
        <div className="stack stack--wide">
          <p className="muted">
            {preview.fileName}: {preview.rowCount.toLocaleString()} {preview.rowCount === 1 ? 'row' : 'rows'} · {preview.encoding} · delimiter {preview.delimiter === '\t' ? 'tab' : `“${preview.delimiter}”`}
          </p>
          <div className="dialog__scroll">
            <table className="table">
              <thead>
                <tr>
                  {preview.headers.map((header, index) => (
                    <th key={`${header}-${index}`} scope="col">
                      <label className="field">
                        <span>{header || `Column ${index + 1}`}</span>
                        <select
                          aria-label={`Column ${header || index + 1} holds`}
                          value={roles[index] ?? 'ignore'}
                          disabled={isBusy}
                          onChange={(event) => {
                            setPlan(null);
                            setRoles((current) => current.map((role, at) => (at === index ? (event.target.value as ContactColumnRole) : role)));
                          }}
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
                {preview.sampleRows.map((row, rowIndex) => (
                  <tr key={rowIndex}>
                    {row.map((cell, index) => (
                      <td key={index}>{cell.length > 80 ? `${cell.slice(0, 79)}…` : cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {step.kind === 'preview' && plan === null && <p className="muted" role="status">Checking rows for problems and duplicates…</p>}
          {plan !== null && plan.problemCount > 0 && (
            <div className="notice notice--error" role="alert">
              <strong>Fix these before importing (nothing is saved until then):</strong>
              <ul>
                {plan.problems.map((problem) => (
                  <li key={`${problem.row ?? 'file'}-${problem.message}`}>{problem.message}</li>
                ))}
                {plan.problemCount > plan.problems.length && <li>…and {(plan.problemCount - plan.problems.length).toLocaleString()} more.</li>}
              </ul>
            </div>
          )}
          {plan !== null && plan.duplicateCount > 0 && (
            <fieldset className="panel" disabled={isBusy}>
              <legend>
                {plan.duplicateCount.toLocaleString()} {plan.duplicateCount === 1 ? 'row duplicates' : 'rows duplicate'} a contact (same email, or same name)
              </legend>
              <ul className="muted">
                {plan.duplicates.map((row) => (
                  <li key={row.row}>
                    Row {row.row} ({row.fields.name}):{' '}
                    {row.duplicate?.of === 'file' ? `same ${row.duplicate.by} as row ${row.duplicate.row}` : `same ${row.duplicate?.by ?? ''} as a stored contact`}
                  </li>
                ))}
                {plan.duplicateCount > plan.duplicates.length && <li>…and {(plan.duplicateCount - plan.duplicates.length).toLocaleString()} more.</li>}
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
      {notice !== null && step.kind === 'preview' && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="field__problem" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={cancel}>
          {step.kind === 'done' ? 'Close' : 'Cancel'}
        </button>
        {step.kind !== 'done' && !isBusy && (
          <button type="button" className="button" onClick={() => void choose()}>
            {step.kind === 'choose' ? 'Choose a file…' : 'Choose another file…'}
          </button>
        )}
        {step.kind === 'preview' && counts !== null && (
          <button type="button" className="button button--primary" disabled={plan === null || plan.problemCount > 0 || counts.written === 0} onClick={() => void write()}>
            Import {counts.written.toLocaleString()} {counts.written === 1 ? 'contact' : 'contacts'}
          </button>
        )}
      </div>
    </dialog>
  );
}
