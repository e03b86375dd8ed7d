export { SettingsScreen } from './settings-screen';
export { BackupReminder } from './backup-reminder';
export { AutomaticBackups } from './automatic-backups';
