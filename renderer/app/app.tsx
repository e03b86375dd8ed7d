import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createSettingsRepository, DB_NAME, exportWorkspace, openDatabase as openWorkspaceDatabase, type DiscoveryDb, type OpenDatabaseResult } from '../db';
import { ToastProvider } from '../components/toast';
import { UndoProvider } from '../components/undo-service';
import { UserError } from '../../shared/errors/user-error';
import { PlatformProvider, type Platform } from '../platform';
import { SearchProvider } from '../search';
import { TeamSyncProvider } from '../sync/team-sync-context';
import { DatabaseGate } from './database-gate';
import { ErrorBoundary } from './error-boundary';
import { LocalLogWriter } from './local-log-writer';
import { createAppRouter } from './router';

interface AppProps {
  readonly platform: Platform;
  /** Opens the workspace database; tests pass their own. */
  readonly openDatabase?: () => Promise<OpenDatabaseResult>;
}

/** Desktop app: the stored workspace is backed up before this build converts it to its schema. */
function openWithBackupBeforeUpgrade(platform: Platform): (() => Promise<OpenDatabaseResult>) | undefined {
  const { backups } = platform;
  if (backups === null) return undefined;
  const beforeUpgrade = async (stored: DiscoveryDb, storedVersion: number) => {
    const keep = await createSettingsRepository(stored).get('backupsToKeep');
    const made = await backups.create(exportWorkspace(stored, { appVersion: __APP_VERSION__, schemaVersion: storedVersion }), keep);
    if (!made.ok) throw new UserError(made.error.message);
  };
  return () => openWorkspaceDatabase(DB_NAME, { beforeUpgrade });
}

export function App({ platform, openDatabase }: AppProps) {
  const [router] = useState(createAppRouter);
  const [open] = useState(() => openDatabase ?? openWithBackupBeforeUpgrade(platform));
  return (
    <ErrorBoundary place="the app">
      <PlatformProvider platform={platform}>
        <DatabaseGate isBrowserMode={platform.kind === 'browser'} {...(open ? { open } : {})}>
          <LocalLogWriter />
          <TeamSyncProvider>
            <SearchProvider>
              <ToastProvider>
                <UndoProvider>
                  <RouterProvider router={router} />
                </UndoProvider>
              </ToastProvider>
            </SearchProvider>
          </TeamSyncProvider>
        </DatabaseGate>
      </PlatformProvider>
    </ErrorBoundary>
  );
}
