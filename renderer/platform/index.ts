export { createPlatform, type Platform } from './platform';
export { PlatformProvider, usePlatform } from './platform-context';
export type { DesktopBackups } from './desktop-backups';
