import { DEFAULT_SETTINGS, parseSetting, type SettingKey, type Settings } from '../../../shared/domain/settings';
import type { DiscoveryDb } from '../discovery-db';
import { writeTransaction } from './write-transaction';

export interface SettingsRepository {
  /** The stored value, or the default when unset or no longer valid. */
  get<K extends SettingKey>(key: K): Promise<Settings[K]>;
  set<K extends SettingKey>(key: K, value: Settings[K]): Promise<void>;
}

export function createSettingsRepository(db: DiscoveryDb): SettingsRepository {
  return {
    async get(key) {
      const record = await db.settings.get(key);
      const value = record === undefined ? undefined : parseSetting(key, record.value);
      return value === undefined ? DEFAULT_SETTINGS[key] : value;
    },

    async set(key, value) {
      if (parseSetting(key, value) === undefined) throw new RangeError(`${JSON.stringify(value)} is not a valid value for ${key}.`);
      await writeTransaction(db, [db.settings], () => db.settings.put({ key, value }));
    },
  };
}
