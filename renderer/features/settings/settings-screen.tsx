import { Link } from 'react-router';
import { useDatabase } from '../../db';
import { usePlatform } from '../../platform';
import { useAppInfo } from './use-app-info';
import { useStorageEstimate } from './use-storage-estimate';
import { LocalLogPanel } from './local-log-panel';
import { TeamWorkspacePanel } from './team-workspace-panel';
import { WorkspaceDataPanel } from './workspace-data-panel';

function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'unknown';
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

export function SettingsScreen() {
  const platform = usePlatform();
  const appInfo = useAppInfo();
  const storage = useStorageEstimate();
  const database = useDatabase();

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="about-heading">
        <h2 id="about-heading">This app</h2>
        {appInfo.status === 'loading' && <p>Loading…</p>}
        {appInfo.status === 'error' && <p role="alert">Could not read the app details: {appInfo.message} Reload the app to try again.</p>}
        {appInfo.status === 'ready' && (
          <dl className="facts">
            <dt>Version</dt>
            <dd>{appInfo.info.version}</dd>
            <dt>Running as</dt>
            <dd>{platform.kind === 'desktop' ? `Desktop app (Electron ${appInfo.info.electronVersion})` : 'Browser mode'}</dd>
            <dt>Engine</dt>
            <dd>Chromium {appInfo.info.chromeVersion || 'unknown'}</dd>
            <dt>Data stored in</dt>
            <dd>{appInfo.info.userDataPath}</dd>
            <dt>Theme</dt>
            <dd>Follows your system’s light or dark setting</dd>
          </dl>
        )}
      </section>
      <section className="panel" aria-labelledby="storage-heading">
        <h2 id="storage-heading">Storage</h2>
        <dl className="facts">
          <dt>Used</dt>
          <dd>
            {formatBytes(storage.usageBytes)} of {formatBytes(storage.quotaBytes)} available
          </dd>
          <dt>Workspace</dt>
          <dd>
            Schema version {database.appSchemaVersion}
            {database.isReadOnly ? ' (read-only: saved by a newer version of the app)' : ''}
          </dd>
          <dt>Protected from clean-up</dt>
          <dd>
            {storage.isPersistent === null
              ? 'unknown'
              : storage.isPersistent
                ? 'Yes: the browser will not evict this data when space runs low'
                : 'No: the browser may evict this data when space runs low. Keep backups.'}
          </dd>
        </dl>
      </section>
      <TeamWorkspacePanel />
      <WorkspaceDataPanel />
      <LocalLogPanel />
      <section className="panel" aria-labelledby="elsewhere-heading">
        <h2 id="elsewhere-heading">Set elsewhere</h2>
        <p>
          Research-load budgets (how often one person or one team may be asked in 30 and 90 days) are set in{' '}
          <Link to="/people/load">People › Research load</Link>, beside the figures they limit.
        </p>
      </section>
    </div>
  );
}
