import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { daysSinceBackup, isBackupReminderDue } from '../../../shared/backup/backup-reminder';
import { useDatabase, useRepositories } from '../../db';
import { usePlatform } from '../../platform';

/** Browser mode: a banner asking for a fresh backup download once the last one is too old. */
export function BackupReminder() {
  const platform = usePlatform();
  const { isReadOnly } = useDatabase();
  const { settings, notes } = useRepositories();
  const state = useLiveQuery(async () => {
    const [lastBackupAt, reminderDays, counts] = await Promise.all([settings.get('lastBackupAt'), settings.get('backupReminderDays'), notes.countByChannel()]);
    const hasData = [...counts.values()].some((count) => count > 0);
    const now = Date.now();
    return { isDue: isBackupReminderDue({ lastBackupAt, reminderDays, now, hasData }), days: daysSinceBackup(lastBackupAt, now) };
  }, [settings, notes]);
  if (platform.kind !== 'browser' || isReadOnly || state?.isDue !== true) return null;
  return (
    <div className="notice notice--warning backup-reminder" role="status" aria-label="Backup reminder">
      <strong>{state.days === null ? 'No backup yet.' : `Your last backup is ${state.days} days old.`}</strong> In browser mode your notes live only in this
      browser’s storage. <Link to="/settings">Download a backup</Link> and keep it somewhere safe.
    </div>
  );
}
