import { describe, expect, it, vi } from 'vitest';
import type { DiscoveryDb } from '../../../../renderer/db/discovery-db';
import { BackupBeforeUpgradeError, openDatabase } from '../../../../renderer/db/open-database';
import { exportWorkspace } from '../../../../renderer/db/repositories/export-workspace';
import { CURRENT_SCHEMA_VERSION } from '../../../../renderer/db/schema/versions';
import { readRawRows, readStoredShape, seedDatabase } from '../migration-harness';
import { uniqueDatabaseName } from '../unique-database-name';
import { UserError } from '../../../../shared/errors/user-error';

const contact = { id: 'c1', name: 'Ada', nameKey: 'ada', createdAt: 1, updatedAt: 1 };

describe('the backup before a schema upgrade', () => {
  it('is made from the workspace as stored, at its own schema version, before it is upgraded', async () => {
    const name = uniqueDatabaseName('before-upgrade');
    await seedDatabase({ name, version: 2, rows: { contacts: [contact] } });
    let backup = '';
    const beforeUpgrade = vi.fn(async (stored: DiscoveryDb, storedVersion: number) => {
      expect((await readStoredShape(name)).nativeVersion).toBe(20);
      for await (const chunk of exportWorkspace(stored, { appVersion: '0.9.0', schemaVersion: storedVersion })) backup += chunk;
    });

    const result = await openDatabase(name, { beforeUpgrade });

    expect(beforeUpgrade).toHaveBeenCalledTimes(1);
    expect(beforeUpgrade.mock.calls[0]?.[1]).toBe(2);
    const lines = backup.trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ schemaVersion: 2, appVersion: '0.9.0' });
    expect(lines).toContain(`{"t":"contacts","r":${JSON.stringify(contact)}}`);
    expect(result.status).toBe('ready');
    expect((await readStoredShape(name)).nativeVersion).toBe(CURRENT_SCHEMA_VERSION * 10);
    result.db?.close();
  });

  it('stops the upgrade when the backup fails, leaving the workspace as it was', async () => {
    const name = uniqueDatabaseName('backup-failed');
    await seedDatabase({ name, version: 2, rows: { contacts: [contact] } });

    const result = await openDatabase(name, { beforeUpgrade: () => Promise.reject(new UserError('disk full (ENOSPC)')) });

    expect(result.db).toBeNull();
    const error = result.db === null ? result.status.error : null;
    expect(error).toBeInstanceOf(BackupBeforeUpgradeError);
    expect(String(error)).toMatch(/backup before the update failed: disk full \(ENOSPC\)\. Nothing was changed/);
    expect((await readStoredShape(name)).nativeVersion).toBe(20);
    expect(await readRawRows(name, 'contacts')).toEqual([contact]);
  });

  it('is not made when there is nothing to upgrade', async () => {
    const beforeUpgrade = vi.fn(() => Promise.resolve());
    const fresh = await openDatabase(uniqueDatabaseName('fresh'), { beforeUpgrade });
    const name = uniqueDatabaseName('current');
    await seedDatabase({ name, version: CURRENT_SCHEMA_VERSION, rows: {} });
    const current = await openDatabase(name, { beforeUpgrade });
    expect(beforeUpgrade).not.toHaveBeenCalled();
    fresh.db?.close();
    current.db?.close();
  });
});
