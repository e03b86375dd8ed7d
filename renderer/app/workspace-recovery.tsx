import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../shared/ipc/contract';
import { WORKSPACE_FILE_EXTENSION } from '../../shared/backup/workspace-format';
import type { RestoredWorkspace, RestoreProgress } from '../db';
import { usePlatform } from '../platform';
import { userMessage } from '../errors/user-message';

/** A backup file the user picked, or an automatic backup streamed from the desktop app's backups folder. */
export type RecoverySource = Blob | ReadableStream<Uint8Array>;

export type RecoverWorkspace = (source: RecoverySource, onProgress: (progress: RestoreProgress) => void) => Promise<RestoredWorkspace>;

type RecoveryState =
  | { kind: 'idle' }
  | { kind: 'confirming'; label: string; open: () => RecoverySource }
  | { kind: 'working'; rows: number }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

/** On the "could not be opened" screen: replace the workspace with a backup file, checked first. */
export function WorkspaceRecovery({ recover }: { readonly recover: RecoverWorkspace }) {
  const platform = usePlatform();
  const [state, setState] = useState<RecoveryState>({ kind: 'idle' });
  const [latest, setLatest] = useState<BackupInfo | null>(null);
  const { backups } = platform;

  useEffect(() => {
    // The desktop app keeps automatic backups (daily and before every upgrade): offer the newest one.
    if (!backups) return;
    let isCurrent = true;
    void backups.list().then((listed) => {
      if (isCurrent && listed.ok) setLatest(listed.value[0] ?? null);
    });
    return () => {
      isCurrent = false;
    };
  }, [backups]);

  const choose = async () => {
    const picked = await platform.openBlob({ title: 'Restore a backup', filters: [{ name: 'Discovery Desk workspace', extensions: [WORKSPACE_FILE_EXTENSION, 'ndjson', 'json'] }] });
    if (!picked.ok) return setState({ kind: 'error', message: picked.error.message });
    if (picked.value === null) return;
    const { name, blob } = picked.value;
    setState({ kind: 'confirming', label: `“${name}”`, open: () => blob });
  };

  const confirm = async (open: () => RecoverySource) => {
    setState({ kind: 'working', rows: 0 });
    try {
      await recover(open(), (progress) => setState({ kind: 'working', rows: progress.rows }));
      setState({ kind: 'done' });
      window.location.reload();
    } catch (error) {
      setState({ kind: 'error', message: userMessage(error, 'restoring the backup') });
    }
  };

  return (
    <section className="recovery" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Restore from a backup</h2>
      <p>
        If you have a backup file (Settings › Backups › Download a backup), you can replace this workspace with it. The file is checked
        completely first; the workspace on this device is only replaced if the file is complete and undamaged.
      </p>
      {state.kind === 'confirming' ? (
        <div className="notice notice--warning" role="group" aria-label="Confirm restore">
          <p>Replace the workspace that could not be opened with {state.label}? Anything saved after that backup is lost.</p>
          <div className="crash__actions">
            <button type="button" className="button button--danger" onClick={() => void confirm(state.open)}>
              Replace with this backup
            </button>
            <button type="button" className="button" onClick={() => setState({ kind: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="crash__actions">
          {backups && latest && (
            <button
              type="button"
              className="button button--primary"
              disabled={state.kind === 'working' || state.kind === 'done'}
              onClick={() => setState({ kind: 'confirming', label: `the latest automatic backup (${new Date(latest.createdAt).toLocaleString()})`, open: () => backups.open(latest.name) })}
            >
              Restore the latest backup
            </button>
          )}
          <button type="button" className="button" disabled={state.kind === 'working' || state.kind === 'done'} onClick={() => void choose()}>
            Restore from a file…
          </button>
        </div>
      )}
      {state.kind === 'working' && <p role="status">Checking and restoring the backup: {state.rows.toLocaleString('en')} rows…</p>}
      {state.kind === 'done' && <p role="status">Restored. Opening the workspace…</p>}
      {state.kind === 'error' && (
        <p className="notice notice--error" role="alert">
          Nothing was restored: {state.message}
        </p>
      )}
    </section>
  );
}
