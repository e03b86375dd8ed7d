import { z } from 'zod';
import { CHANNEL_IDS, type Channel } from './channel';
import { DEFAULT_RESEARCH_BUDGET, type ResearchBudget } from './research-load';
import { MAX_TAG_LENGTH, type TagGroups } from './tag-vocabulary';

/** Workspace settings, stored one key per row. */
export interface Settings {
  /** Default share of planned effort for immediate user pain (0-100) given to new rounds. */
  readonly immediatePainTargetPercent: number;
  readonly theme: 'system' | 'light' | 'dark';
  /** Epoch milliseconds of the last verified backup, or null before the first one. */
  readonly lastBackupAt: number | null;
  /** Browser mode: days after the last downloaded backup before a reminder to download another. */
  readonly backupReminderDays: number;
  /** Browser mode: the backup reminder was put off until this epoch millisecond ("Remind me tomorrow"). */
  readonly backupReminderSnoozedUntil: number | null;
  /** Desktop app: how many automatic backups to keep (older ones are deleted). */
  readonly backupsToKeep: number;
  /** The channel quick capture (Ctrl/Cmd+N) opens a new note in. */
  readonly lastUsedChannel: Channel;
  /** How many asks a person or team may get before the app warns. */
  readonly researchBudget: ResearchBudget;
  /** The tag board's groups: tag name to group name (tags themselves live on notes and highlights). */
  readonly tagGroups: TagGroups;
}

export type SettingKey = keyof Settings;

/** The value of every setting nobody has changed. */
export const DEFAULT_SETTINGS: Settings = {
  immediatePainTargetPercent: 70,
  theme: 'system',
  lastBackupAt: null,
  backupReminderDays: 7,
  backupReminderSnoozedUntil: null,
  backupsToKeep: 10,
  lastUsedChannel: 'coffee-chat',
  researchBudget: DEFAULT_RESEARCH_BUDGET,
  tagGroups: {},
};

const settingSchemas: { readonly [K in SettingKey]: z.ZodType<Settings[K]> } = {
  immediatePainTargetPercent: z.number().int().min(0).max(100),
  theme: z.enum(['system', 'light', 'dark']),
  lastBackupAt: z.number().int().nonnegative().nullable(),
  backupReminderDays: z.number().int().min(1).max(365),
  backupReminderSnoozedUntil: z.number().int().nonnegative().nullable(),
  backupsToKeep: z.number().int().min(1).max(100),
  lastUsedChannel: z.custom<Channel>((value) => typeof value === 'string' && (CHANNEL_IDS as readonly string[]).includes(value)),
  researchBudget: z.object({
    personPer30Days: z.number().int().min(0).max(1000),
    personPer90Days: z.number().int().min(0).max(1000),
    teamPer30Days: z.number().int().min(0).max(10000),
    teamPer90Days: z.number().int().min(0).max(10000),
  }),
  tagGroups: z.record(z.string().min(1).max(10 * MAX_TAG_LENGTH), z.string().min(1).max(MAX_TAG_LENGTH)),
};

/** Checks a stored or entered setting value; undefined when it is not valid for the key. */
export function parseSetting<K extends SettingKey>(key: K, value: unknown): Settings[K] | undefined {
  const result = settingSchemas[key].safeParse(value);
  return result.success ? result.data : undefined;
}
