import { useEffect } from 'react';
import { isDailyBackupDue } from '../../../shared/backup/backup-reminder';
import { useDatabase, useRepositories } from '../../db';
import { usePlatform } from '../../platform';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Desktop app: makes the daily backup on start and while the window stays open. Renders nothing. */
export function AutomaticBackups() {
  const { backups } = usePlatform();
  const { isReadOnly } = useDatabase();
  const { workspace, settings } = useRepositories();

  useEffect(() => {
    if (backups === null || isReadOnly) return;
    let isRunning = false;
    const check = async () => {
      if (isRunning) return;
      isRunning = true;
      try {
        const listed = await backups.list();
        if (!listed.ok) return console.warn('Could not list the backups.', listed.error.message);
        if (!isDailyBackupDue(listed.value[0]?.createdAt ?? null, Date.now())) return;
        const made = await backups.create(workspace.exportFile(__APP_VERSION__), await settings.get('backupsToKeep'));
        if (!made.ok) return console.warn('The daily backup failed; older backups are kept.', made.error.message);
        await settings.set('lastBackupAt', made.value.createdAt);
      } finally {
        isRunning = false;
      }
    };
    void check();
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [backups, isReadOnly, workspace, settings]);

  return null;
}
