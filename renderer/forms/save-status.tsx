import './forms.css';
import type { ConflictCopy } from '../db';
import { formatDateTime } from '../components/format-date';
import type { FormSave } from './use-form-save';

export type SaveStatusProps = Pick<FormSave<unknown>, 'status' | 'error' | 'retry' | 'conflictCopies' | 'discardConflictCopy'>;

/** Says whether the form is saved ("Saving…", "Saved", "Not saved: why"), the same in every form; announced politely. */
export function SaveStatus({ form }: { readonly form: SaveStatusProps }) {
  const { status, error } = form;
  const text = status === 'error' ? `Not saved: ${error?.message ?? 'the save failed. Try again.'}` : status === 'saved' ? 'Saved' : 'Saving…';
  return (
    <div className={`save-status save-status--${status}`}>
      <p role="status" className="save-status__text">
        {text}
      </p>
      {status === 'error' && (
        <button type="button" className="button button--small save-status__retry" onClick={() => void form.retry()}>
          Try again
        </button>
      )}
      {form.conflictCopies.length > 0 && <ConflictCopies copies={form.conflictCopies} onDiscard={form.discardConflictCopy} />}
    </div>
  );
}

function ConflictCopies({ copies, onDiscard }: { readonly copies: readonly ConflictCopy[]; readonly onDiscard: (key: string) => Promise<void> }) {
  return (
    <details className="save-status__conflicts">
      <summary className="badge badge--warning">{copies.length === 1 ? 'Another version kept' : `${copies.length} other versions kept`}</summary>
      <div className="save-status__conflict-panel" role="region" aria-label="Other versions">
        <p>
          This was edited in two places at once (another window, or an edit recovered after a crash). The latest edit is what you see; the version it replaced
          is kept here. Copy what you need, then discard it.
        </p>
        <ul className="save-status__conflict-list">
          {copies.map((copy) => (
            <li key={copy.key} className="save-status__conflict">
              <p className="muted">Replaced on {formatDateTime(copy.keptAt)}</p>
              <pre className="save-status__conflict-text">{copy.text === '' ? '(empty)' : copy.text}</pre>
              <div className="save-status__conflict-actions">
                <button type="button" className="button button--small" onClick={() => void navigator.clipboard?.writeText(copy.text)}>
                  Copy text
                </button>
                <button type="button" className="button button--small button--quiet" onClick={() => void onDiscard(copy.key)}>
                  Discard this version
                </button>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
