import { describe, expect, it } from 'vitest';
import { daysSinceBackup, isBackupReminderDue } from '../../../shared/backup/backup-reminder';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 5, 10, 12);

describe('backup reminder', () => {
  it('is due when there is data and no backup yet', () => {
    expect(isBackupReminderDue({ lastBackupAt: null, reminderDays: 7, now, hasData: true })).toBe(true);
  });

  it('is not due for an empty workspace', () => {
    expect(isBackupReminderDue({ lastBackupAt: null, reminderDays: 7, now, hasData: false })).toBe(false);
  });

  it('is due once the last backup is as old as the chosen number of days', () => {
    expect(isBackupReminderDue({ lastBackupAt: now - 7 * DAY + 1, reminderDays: 7, now, hasData: true })).toBe(false);
    expect(isBackupReminderDue({ lastBackupAt: now - 7 * DAY, reminderDays: 7, now, hasData: true })).toBe(true);
    expect(isBackupReminderDue({ lastBackupAt: now - 2 * DAY, reminderDays: 1, now, hasData: true })).toBe(true);
  });

  it('stays quiet while put off, and comes back once the snooze ends', () => {
    expect(isBackupReminderDue({ lastBackupAt: null, reminderDays: 7, now, hasData: true, snoozedUntil: now + 1 })).toBe(false);
    expect(isBackupReminderDue({ lastBackupAt: null, reminderDays: 7, now, hasData: true, snoozedUntil: now })).toBe(true);
  });

  it('counts whole days since the backup', () => {
    expect(daysSinceBackup(null, now)).toBeNull();
    expect(daysSinceBackup(now - 3 * DAY - 5, now)).toBe(3);
    expect(daysSinceBackup(now + 1000, now)).toBe(0);
  });
});

describe('daily backup', () => {
  it('is due without a backup, or a day after the newest', async () => {
    const { isDailyBackupDue } = await import('../../../shared/backup/backup-reminder');
    expect(isDailyBackupDue(null, now)).toBe(true);
    expect(isDailyBackupDue(now - DAY + 1, now)).toBe(false);
    expect(isDailyBackupDue(now - DAY, now)).toBe(true);
  });
});
