import { describe, expect, it } from 'vitest';
import { createSettingsRepository } from '../../../../renderer/db/repositories/settings-repository';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/settings';
import { openTestDatabase } from '../open-test-database';

describe('settings repository', () => {
  it('returns defaults until a setting is set, then the stored value', async () => {
    const db = await openTestDatabase('settings');
    const settings = createSettingsRepository(db);
    expect(await settings.get('immediatePainTargetPercent')).toBe(DEFAULT_SETTINGS.immediatePainTargetPercent);
    await settings.set('immediatePainTargetPercent', 100);
    await settings.set('lastBackupAt', 1234);
    expect(await settings.get('immediatePainTargetPercent')).toBe(100);
    expect(await settings.get('lastBackupAt')).toBe(1234);
    await settings.set('lastBackupAt', null);
    expect(await settings.get('lastBackupAt')).toBeNull();
  });

  it('refuses an invalid value and falls back to the default for an invalid stored one', async () => {
    const db = await openTestDatabase('settings-invalid');
    const settings = createSettingsRepository(db);
    await expect(settings.set('immediatePainTargetPercent', 101)).rejects.toThrow(RangeError);
    await db.settings.put({ key: 'theme', value: 'neon' });
    expect(await settings.get('theme')).toBe(DEFAULT_SETTINGS.theme);
  });
});
