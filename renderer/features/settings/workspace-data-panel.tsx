import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/ipc/contract';
import { WORKSPACE_FILE_EXTENSION, workspaceFileName } from '../../../shared/backup/workspace-format';
import { formatDateTime } from '../../components/format-date';
import { useModalDialog } from '../../components/use-modal-dialog';
import { RestoreDeclinedError, useDatabase, useRepositories, type RestoredWorkspace, type RestoreProgress, type WorkspaceSummary } from '../../db';
import { userMessage } from '../../errors/user-message';
import { describeWorkspaceCounts } from '../../../shared/backup/describe-workspace-counts';
import { usePlatform } from '../../platform';
import { useActionIntent } from '../../components/use-action-intent';

interface RestoreSource {
  readonly name: string;
  readonly size: number;
  open(): ReadableStream<Uint8Array>;
}

type BackupList = { kind: 'loading' } | { kind: 'ready'; backups: readonly BackupInfo[] } | { kind: 'error'; message: string };

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type DownloadState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; name: string } | { kind: 'error'; message: string };
/** Choose a file, check it completely, ask with what it holds, then replace (or leave everything as it was). */
type RestoreState =
  | { kind: 'idle' }
  | { kind: 'working'; name: string; size: number; progress: RestoreProgress | null }
  | { kind: 'confirming'; name: string; checked: RestoredWorkspace; current: WorkspaceSummary; answer: (isReplacing: boolean) => void }
  | { kind: 'done'; counts: ReadonlyMap<string, number>; createdAt: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

const WORKSPACE_FILTERS = [{ name: 'Discovery Desk workspace', extensions: [WORKSPACE_FILE_EXTENSION, 'ndjson', 'json'] }];
const RELOAD_AFTER_RESTORE_MS = 1500;

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

function describeProgress(progress: RestoreProgress | null, size: number): string {
  if (progress === null) return 'Checking the file…';
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
  const keep = useLiveQuery(() => settings.get('backupsToKeep'), [settings]);
  const [backupList, setBackupList] = useState<BackupList>({ kind: 'loading' });
  const [backingUp, setBackingUp] = useState<DownloadState>({ kind: 'idle' });
  const isBusy = download.kind === 'working' || restore.kind === 'working' || restore.kind === 'confirming' || backingUp.kind === 'working';
  const { backups } = platform;

  const [listVersion, setListVersion] = useState(0);

  useEffect(() => {
    if (backups === null) return;
    let isCurrent = true;
    void backups.list().then((listed) => {
      if (isCurrent) setBackupList(listed.ok ? { kind: 'ready', backups: listed.value } : { kind: 'error', message: listed.error.message });
    });
    return () => {
      isCurrent = false;
    };
  }, [backups, listVersion]);

  const backUpNow = async () => {
    if (backups === null) return;
    setRestore({ kind: 'idle' });
    setBackingUp({ kind: 'working' });
    const made = await backups.create(workspace.exportFile(__APP_VERSION__), keep ?? 10);
    if (!made.ok) {
      setBackingUp({ kind: 'error', message: made.error.message });
    } else {
      if (!isReadOnly) await settings.set('lastBackupAt', made.value.createdAt);
      setBackingUp({ kind: 'done', name: made.value.name });
    }
    setListVersion((version) => version + 1);
  };

  const restoreFrom = async ({ name, size, open }: RestoreSource) => {
    setDownload({ kind: 'idle' });
    setBackingUp({ kind: 'idle' });
    setRestore({ kind: 'working', name, size, progress: null });
    try {
      const restored = await workspace.restoreFile(open(), {
        onProgress: (progress) => setRestore({ kind: 'working', name, size, progress }),
        // Asked only once the whole file was checked: a bad file never gets this far.
        confirm: async (checked) => {
          const current = await workspace.summary();
          return new Promise<boolean>((answer) => setRestore({ kind: 'confirming', name, checked, current, answer }));
        },
      });
      setRestore({ kind: 'done', counts: restored.counts, createdAt: restored.header.createdAt });
      // A fresh start rebuilds the search index and the counts from the restored notes.
      setTimeout(() => window.location.reload(), RELOAD_AFTER_RESTORE_MS);
    } catch (error) {
      setRestore(error instanceof RestoreDeclinedError ? { kind: 'cancelled' } : { kind: 'error', message: userMessage(error, 'restoring the backup') });
    }
  };

  const answerRestore = (isReplacing: boolean) => {
    if (restore.kind !== 'confirming') return;
    if (isReplacing) setRestore({ kind: 'working', name: restore.name, size: 0, progress: null });
    restore.answer(isReplacing);
  };

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
      setDownload({ kind: 'error', message: userMessage(error, 'saving the backup') });
    }
  };

  // The command palette's "Download a backup".
  useActionIntent('download-backup', () => void downloadBackup(), !isBusy);

  const chooseFile = async () => {
    const picked = await platform.openBlob({ title: 'Restore a backup', filters: WORKSPACE_FILTERS });
    if (!picked.ok) return setRestore({ kind: 'error', message: picked.error.message });
    if (picked.value === null) return;
    const { name, blob } = picked.value;
    await restoreFrom({ name: `“${name}”`, size: blob.size, open: () => blob.stream() });
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
      {backups !== null && (
        <section aria-labelledby="automatic-backups-heading">
          <h3 id="automatic-backups-heading">Automatic backups</h3>
          <p className="muted">Made once a day while the app is open, and before every update that converts the workspace. Kept in the app’s data folder.</p>
          {backupList.kind === 'loading' && <p>Loading…</p>}
          {backupList.kind === 'error' && (
            <p className="notice notice--error" role="alert">
              The backups could not be listed: {backupList.message}
            </p>
          )}
          {backupList.kind === 'ready' && backupList.backups.length === 0 && <p>No automatic backups yet.</p>}
          {backupList.kind === 'ready' && backupList.backups.length > 0 && (
            <ul className="backups__list" aria-label="Automatic backups">
              {backupList.backups.map((backup) => (
                <li key={backup.name} className="backups__item">
                  <span>
                    {formatDateTime(backup.createdAt)} <span className="muted">· {formatSize(backup.size)}</span>
                  </span>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={isBusy || isReadOnly}
                    aria-label={`Restore the backup of ${formatDateTime(backup.createdAt)}`}
                    onClick={() => void restoreFrom({ name: `the backup of ${formatDateTime(backup.createdAt)}`, size: backup.size, open: () => backups.open(backup.name) })}
                  >
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="crash__actions">
            <button type="button" className="button" disabled={isBusy || isReadOnly} onClick={() => void backUpNow()}>
              {backingUp.kind === 'working' ? 'Backing up…' : 'Back up now'}
            </button>
          </div>
          {backingUp.kind === 'done' && <p role="status">Backup made: {backingUp.name}.</p>}
          {backingUp.kind === 'error' && (
            <p className="notice notice--error" role="alert">
              The backup failed; the older backups are kept. {backingUp.message}
            </p>
          )}
          {keep !== undefined && (
            <label className="field backups__days">
              <span className="field__label">Keep this many automatic backups</span>
              <input
                type="number"
                min={1}
                max={100}
                defaultValue={keep}
                disabled={isReadOnly}
                onChange={(event) => {
                  const count = event.currentTarget.valueAsNumber;
                  if (Number.isInteger(count) && count >= 1 && count <= 100) void settings.set('backupsToKeep', count);
                }}
              />
            </label>
          )}
        </section>
      )}
      {restore.kind === 'working' && (
        <p role="status" aria-live="polite">
          {describeProgress(restore.progress, restore.size)}
        </p>
      )}
      {restore.kind === 'done' && (
        <p role="status">
          Restored: {describeWorkspaceCounts(restore.counts)}, from the backup made {formatDateTime(restore.createdAt)}. Reopening the workspace…
        </p>
      )}
      {restore.kind === 'cancelled' && <p role="status">Nothing was restored; your workspace is as it was.</p>}
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
      <dialog ref={dialogRef} className="dialog" aria-labelledby="restore-title" onClose={() => answerRestore(false)}>
        {restore.kind === 'confirming' && (
          <>
            <h2 id="restore-title">Replace your workspace with this backup?</h2>
            <p>
              {restore.name.startsWith('the backup of') ? 'It' : `${restore.name} was checked and is complete. It`} holds {describeWorkspaceCounts(restore.checked.counts)},
              made {formatDateTime(restore.checked.header.createdAt)}.
            </p>
            <p>
              Everything in your workspace now ({plural(restore.current.notes, 'note', 'notes')}, {plural(restore.current.surveys, 'survey', 'surveys')},{' '}
              {plural(restore.current.contacts, 'person', 'people')}, the board and settings) will be replaced by it. Download a backup first if you may want
              today’s workspace back.
            </p>
            <div className="dialog__actions">
              <button type="button" className="button" autoFocus onClick={() => answerRestore(false)}>
                Cancel
              </button>
              <button type="button" className="button button--danger" onClick={() => answerRestore(true)}>
                Replace
              </button>
            </div>
          </>
        )}
      </dialog>
    </section>
  );
}
