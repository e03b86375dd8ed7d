export { SettingsScreen } from './settings-screen';
export { BackupReminder } from './backup-reminder';
