import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { daysSinceBackup, isBackupReminderDue } from '../../../shared/backup/backup-reminder';
import { DAY_MS } from '../../../shared/domain/clock';
import { useDatabase, useRepositories } from '../../db';
import { usePlatform } from '../../platform';

/**
 * Browser mode: a one-line banner asking for a fresh backup download once the last one is too old.
 * "Remind me tomorrow" puts it off for a day, so it does not eat a projector's height all workshop long.
 */
export function BackupReminder() {
  const platform = usePlatform();
  const { isReadOnly } = useDatabase();
  const { settings, notes } = useRepositories();
  const state = useLiveQuery(async () => {
    const [lastBackupAt, reminderDays, snoozedUntil, counts] = await Promise.all([
      settings.get('lastBackupAt'),
      settings.get('backupReminderDays'),
      settings.get('backupReminderSnoozedUntil'),
      notes.countByChannel(),
    ]);
    const hasData = [...counts.values()].some((count) => count > 0);
    const now = Date.now();
    return { isDue: isBackupReminderDue({ lastBackupAt, reminderDays, now, hasData, snoozedUntil }), days: daysSinceBackup(lastBackupAt, now) };
  }, [settings, notes]);
  if (platform.kind !== 'browser' || isReadOnly || state?.isDue !== true) return null;
  return (
    <div className="notice notice--warning backup-reminder" role="status" aria-label="Backup reminder">
      <span className="backup-reminder__text">
        <strong>{state.days === null ? 'No backup yet.' : `Your last backup is ${state.days} days old.`}</strong> Your notes live only in this browser’s storage.
      </span>
      <Link to="/settings" className="backup-reminder__link">
        Download a backup
      </Link>
      <button type="button" className="button button--small button--quiet" onClick={() => void settings.set('backupReminderSnoozedUntil', Date.now() + DAY_MS)}>
        Remind me tomorrow
      </button>
    </div>
  );
}
