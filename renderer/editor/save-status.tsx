import type { AutosaveStatus } from './autosave-queue';

export interface SaveStatusProps {
  readonly status: AutosaveStatus;
  readonly error?: Error | undefined;
  /** Shows a "Try again" button after a failed save. */
  readonly onRetry?: () => void;
}

const LABELS: Readonly<Record<Exclude<AutosaveStatus, 'error'>, string>> = {
  saved: 'Saved',
  saving: 'Saving…',
  dirty: 'Unsaved changes',
};

/** Says whether the note is saved; announced politely to screen readers. */
export function SaveStatus({ status, error, onRetry }: SaveStatusProps) {
  const text = status === 'error' ? `Not saved: ${error?.message ?? 'unknown error'}` : LABELS[status];
  return (
    <div className={`save-status save-status--${status}`}>
      <p role="status" className="save-status__text">
        {text}
      </p>
      {status === 'error' && onRetry !== undefined && (
        <button type="button" className="button save-status__retry" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
