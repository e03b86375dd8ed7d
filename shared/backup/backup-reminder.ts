import { DAY_MS } from '../domain/clock';

export interface BackupReminderInput {
  /** Epoch milliseconds of the last backup, null before the first. */
  readonly lastBackupAt: number | null;
  readonly reminderDays: number;
  readonly now: number;
  /** Whether there is anything to lose (an empty workspace needs no reminder). */
  readonly hasData: boolean;
  /** Until when the person put the reminder off, or null. */
  readonly snoozedUntil?: number | null;
}

/** Whether browser mode should remind the user to download a backup. */
export function isBackupReminderDue({ lastBackupAt, reminderDays, now, hasData, snoozedUntil = null }: BackupReminderInput): boolean {
  if (!hasData) return false;
  if (snoozedUntil !== null && now < snoozedUntil) return false;
  return lastBackupAt === null || now - lastBackupAt >= reminderDays * DAY_MS;
}

/** Whole days since the last backup (0 on the same day), or null before the first. */
export function daysSinceBackup(lastBackupAt: number | null, now: number): number | null {
  return lastBackupAt === null ? null : Math.max(0, Math.floor((now - lastBackupAt) / DAY_MS));
}

/** Whether the desktop app should make its daily automatic backup now. */
export function isDailyBackupDue(newestBackupAt: number | null, now: number): boolean {
  return newestBackupAt === null || now - newestBackupAt >= DAY_MS;
}
