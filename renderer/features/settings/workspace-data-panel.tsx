import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { WORKSPACE_FILE_EXTENSION, workspaceFileName } from '../../../shared/backup/workspace-format';
import { formatDateTime } from '../../components/format-date';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useDatabase, useRepositories, type RestoreProgress, type WorkspaceSummary } from '../../db';
import { usePlatform } from '../../platform';

type DownloadState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; name: string } | { kind: 'error'; message: string };
type RestoreState =
  | { kind: 'idle' }
  | { kind: 'confirming'; name: string; blob: Blob; summary: WorkspaceSummary }
  | { kind: 'working'; name: string; size: number; progress: RestoreProgress | null }
  | { kind: 'done'; rows: number; createdAt: number }
  | { kind: 'error'; message: string };

const WORKSPACE_FILTERS = [{ name: 'Discovery Desk workspace', extensions: [WORKSPACE_FILE_EXTENSION, 'ndjson', 'json'] }];
const RELOAD_AFTER_RESTORE_MS = 1500;

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

function describeProgress(progress: RestoreProgress | null, size: number): string {
  if (progress === null) return 'Opening the file…';
  if (progress.phase === 'checking') return `Checking the file: ${plural(progress.rows, 'row', 'rows')} read (${Math.round((progress.bytes / Math.max(1, size)) * 100)}%)…`;
  return `Replacing the workspace: ${plural(progress.rows, 'row', 'rows')} copied…`;
}

/** Download a backup of the whole workspace and restore one, with a reminder setting for browser mode. */
export function WorkspaceDataPanel() {
  const platform = usePlatform();
  const { isReadOnly } = useDatabase();
  const { workspace, settings } = useRepositories();
  const lastBackupAt = useLiveQuery(() => settings.get('lastBackupAt'), [settings]);
  const reminderDays = useLiveQuery(() => settings.get('backupReminderDays'), [settings]);
  const [download, setDownload] = useState<DownloadState>({ kind: 'idle' });
  const [restore, setRestore] = useState<RestoreState>({ kind: 'idle' });
  const dialogRef = useModalDialog(restore.kind === 'confirming');
  const isBusy = download.kind === 'working' || restore.kind === 'working';

  const downloadBackup = async () => {
    setRestore({ kind: 'idle' });
    setDownload({ kind: 'working' });
    try {
      const createdAt = Date.now();
      const name = workspaceFileName(createdAt);
      const result = await platform.saveChunks({ title: 'Save a backup of the workspace', suggestedName: name, filters: WORKSPACE_FILTERS }, workspace.exportFile(__APP_VERSION__));
      if (!result.ok) return setDownload({ kind: 'error', message: result.error.message });
      if (result.value === null) return setDownload({ kind: 'idle' });
      if (!isReadOnly) await settings.set('lastBackupAt', createdAt);
      setDownload({ kind: 'done', name: result.value.path });
    } catch (error) {
      setDownload({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const chooseFile = async () => {
    setDownload({ kind: 'idle' });
    const picked = await platform.openBlob({ title: 'Restore a backup', filters: WORKSPACE_FILTERS });
    if (!picked.ok) return setRestore({ kind: 'error', message: picked.error.message });
    if (picked.value === null) return;
    setRestore({ kind: 'confirming', name: picked.value.name, blob: picked.value.blob, summary: await workspace.summary() });
  };

  const confirmRestore = async () => {
    if (restore.kind !== 'confirming') return;
    const { name, blob } = restore;
    setRestore({ kind: 'working', name, size: blob.size, progress: null });
    try {
      const restored = await workspace.restoreFile(blob.stream(), (progress) => setRestore({ kind: 'working', name, size: blob.size, progress }));
      const rows = [...restored.counts.values()].reduce((sum, count) => sum + count, 0);
      setRestore({ kind: 'done', rows, createdAt: restored.header.createdAt });
      // A fresh start rebuilds the search index and the counts from the restored notes.
      setTimeout(() => window.location.reload(), RELOAD_AFTER_RESTORE_MS);
    } catch (error) {
      setRestore({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="panel backups" aria-labelledby="data-heading">
      <h2 id="data-heading">Backups</h2>
      <p>
        A backup is one file holding every note, survey, person and board in this workspace, with a checksum. Restoring checks the whole
        file first and changes nothing unless it is complete.
      </p>
      <dl className="facts">
        <dt>Last backup</dt>
        <dd>{lastBackupAt === undefined ? '…' : lastBackupAt === null ? 'Never' : formatDateTime(lastBackupAt)}</dd>
      </dl>
      <div className="crash__actions">
        <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void downloadBackup()}>
          {download.kind === 'working' ? 'Preparing the backup…' : 'Download a backup'}
        </button>
        <button type="button" className="button" disabled={isBusy || isReadOnly} onClick={() => void chooseFile()}>
          Restore from a file…
        </button>
      </div>
      {download.kind === 'done' && <p role="status">Backup saved as {download.name}.</p>}
      {download.kind === 'error' && (
        <p className="notice notice--error" role="alert">
          The backup could not be saved: {download.message}
        </p>
      )}
      {restore.kind === 'working' && (
        <p role="status" aria-live="polite">
          {describeProgress(restore.progress, restore.size)}
        </p>
      )}
      {restore.kind === 'done' && (
        <p role="status">
          Restored {plural(restore.rows, 'row', 'rows')} from the backup of {formatDateTime(restore.createdAt)}. Reopening the workspace…
        </p>
      )}
      {restore.kind === 'error' && (
        <div className="notice notice--error" role="alert">
          <strong>Nothing was restored; your workspace is unchanged.</strong> {restore.message}
        </div>
      )}
      {platform.kind === 'browser' && reminderDays !== undefined && (
        <label className="field backups__days">
          <span className="field__label">Remind me to download a backup after this many days</span>
          <input
            type="number"
            min={1}
            max={365}
            defaultValue={reminderDays}
            disabled={isReadOnly}
            onChange={(event) => {
              const days = event.currentTarget.valueAsNumber;
              if (Number.isInteger(days) && days >= 1 && days <= 365) void settings.set('backupReminderDays', days);
            }}
          />
        </label>
      )}
      <dialog ref={dialogRef} className="dialog" aria-labelledby="restore-title" onClose={() => restore.kind === 'confirming' && setRestore({ kind: 'idle' })}>
        {restore.kind === 'confirming' && (
          <>
            <h2 id="restore-title">Replace this workspace with “{restore.name}”?</h2>
            <p>
              Everything in this workspace now ({plural(restore.summary.notes, 'note', 'notes')}, {plural(restore.summary.surveys, 'survey', 'surveys')},{' '}
              {plural(restore.summary.contacts, 'person', 'people')}, the board and settings) will be replaced by the contents of the file. The file
              is checked completely first: if it is damaged or incomplete, nothing changes.
            </p>
            <p>Download a backup first if you may want today’s workspace back.</p>
            <div className="dialog__actions">
              <button type="button" className="button" autoFocus onClick={() => setRestore({ kind: 'idle' })}>
                Cancel
              </button>
              <button type="button" className="button button--danger" onClick={() => void confirmRestore()}>
                Replace my workspace
              </button>
            </div>
          </>
        )}
      </dialog>
    </section>
  );
}
