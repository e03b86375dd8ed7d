import { useEffect, useState, type ReactNode } from 'react';
import { DatabaseContext, DB_NAME, deleteAbandonedRestoreDatabases, openDatabase, recoverJournaledEdits, replaceUnopenableWorkspace, requestPersistentStorage, type DiscoveryDb, type OpenDatabaseResult } from '../db';
import { WorkspaceRecovery, type RecoverWorkspace } from './workspace-recovery';

interface DatabaseGateProps {
  readonly open?: () => Promise<OpenDatabaseResult>;
  readonly isBrowserMode: boolean;
  /** Replaces a workspace that cannot be opened with a backup; tests pass their own. */
  readonly recover?: RecoverWorkspace;
  readonly children: ReactNode;
}

const recoverFromBackup: RecoverWorkspace = (source, onProgress) =>
  replaceUnopenableWorkspace(DB_NAME, source instanceof Blob ? source.stream() : source, { onProgress });

/** The exception's name and message, shown only on this screen (see where it is used). */
function technicalDetails(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'An error without details.';
}

/** Opens the workspace before anything renders; explains and stops when it cannot be used safely. */

export function DatabaseGate({ open = openDatabase, isBrowserMode, recover = recoverFromBackup, children }: DatabaseGateProps) {
  const [result, setResult] = useState<OpenDatabaseResult | null>(null);

  useEffect(() => {
    let isCurrent = true;
    let opened: DiscoveryDb | null = null;
    performance.mark('db:open-start');
    void open().then(async (next) => {
      performance.mark('db:opened');
      opened = next.db;
      // Edits journaled while the page was reloaded or closed go back in before any screen reads notes.
      if (next.db && next.status === 'ready') await recoverJournaledEdits(next.db);
      // A restore interrupted by a reload, a closed window or a crash leaves its temporary copy: removed in the background.
      void deleteAbandonedRestoreDatabases();
      if (isCurrent) setResult(next);
      else next.db?.close();
    });
    return () => {
      isCurrent = false;
      opened?.close();
    };
  }, [open]);

  useEffect(() => {
    // The desktop app's storage is not subject to eviction; a browser profile's is, unless asked.
    if (isBrowserMode && result?.db) void requestPersistentStorage();
  }, [isBrowserMode, result]);

  if (!result) {
    return (
      <div className="centered" role="status">
        <p>Opening your workspace…</p>
      </div>
    );
  }

  if (result.db === null) {
    const { error } = result.status;
    return (
      <div className="centered">
        <div className="crash" role="alert">
          <h1 className="crash__title">Your workspace could not be opened</h1>
          <p>
            Nothing was changed: the data on this device is exactly as it was. This can happen when an update of the app
            could not finish converting the workspace, or when the browser blocks storage for this page (private windows
            often do).
          </p>
          <p>Close other windows of Discovery Desk and reload. If it happens again, keep this message for support, or restore a backup.</p>
          <details className="crash__details" open>
            <summary>What went wrong</summary>
            {/* The local log lives in this database, which did not open: these details are the only record to report. */}
            <pre>{technicalDetails(error)}</pre>
          </details>
          <div className="crash__actions">
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              Reload
            </button>
          </div>
          <WorkspaceRecovery recover={recover} />
        </div>
      </div>
    );
  }

  const isReadOnly = result.status !== 'ready';
  return (
    <DatabaseContext.Provider value={{ db: result.db, isReadOnly, appSchemaVersion: result.db.appSchemaVersion }}>
      {result.status !== 'ready' && (
        <div className="notice notice--warning banner" role="alert">
          <strong>Read-only.</strong> This workspace was saved by a newer version of Discovery Desk (schema{' '}
          {result.status.storedVersion}). This version (schema {result.status.appVersion}) will not change it: update the
          app to keep working. You can still read everything.
        </div>
      )}
      {children}
    </DatabaseContext.Provider>
  );
}
