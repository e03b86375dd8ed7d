import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../renderer/db/open-database';
import { replaceUnopenableWorkspace } from '../../../../renderer/db/repositories/restore-workspace';
import { CURRENT_SCHEMA_VERSION, schemaVersions, type SchemaVersion } from '../../../../renderer/db/schema/versions';
import { WorkspaceFileError } from '../../../../shared/backup/workspace-format';
import { readRawRows, seedDatabase } from '../migration-harness';
import { uniqueDatabaseName } from '../unique-database-name';
import { buildWorkspaceFile, streamOf } from './workspace-file-fixtures';

const note = (id: string, title: string) => ({ id, channel: 'coffee-chat', title, body: { type: 'doc', content: [] }, plainText: '', occurredAt: 1, updatedAt: 1, createdAt: 1, tags: [], personIds: [], teams: [], links: [] });

// A build whose next migration throws half-way on one damaged note: the stored workspace cannot
// be opened with it, an older backup without that note can.
const failing: SchemaVersion = {
  version: CURRENT_SCHEMA_VERSION + 1,
  stores: {},
  upgrade: async (transaction) => {
    await transaction.table('notes').toCollection().modify((row: { title: string }) => {
      if (row.title === 'Stuck') throw new Error('The migration broke.');
      row.title = `${row.title} (migrated)`;
    });
  },
};
const brokenBuild = [...schemaVersions, failing];

describe('restoring over a workspace whose migration failed', () => {
  it('replaces it with a checked backup, which then opens with the same build', async () => {
    const name = uniqueDatabaseName('unopenable');
    await seedDatabase({ name, version: CURRENT_SCHEMA_VERSION, rows: { notes: [note('stuck', 'Stuck')] } });
    expect((await openDatabase(name, { versions: brokenBuild })).status).toMatchObject({ kind: 'failed' });

    await replaceUnopenableWorkspace(name, streamOf(buildWorkspaceFile({ rows: [{ t: 'notes', r: note('from-backup', 'From the backup') }] })), { versions: brokenBuild });

    const reopened = await openDatabase(name, { versions: brokenBuild });
    expect(reopened.status).toBe('ready');
    expect((await reopened.db?.notes.toArray())?.map((row) => row.title)).toEqual(['From the backup (migrated)']);
    reopened.db?.close();
  });

  it('leaves the stored workspace untouched when the backup is refused', async () => {
    const name = uniqueDatabaseName('unopenable-refused');
    await seedDatabase({ name, version: CURRENT_SCHEMA_VERSION, rows: { notes: [note('stuck', 'Stuck')] } });
    const damaged = buildWorkspaceFile({ rows: [{ t: 'notes', r: note('from-backup', 'From the backup') }] }).replace('From the backup', 'From the backuq');

    await expect(replaceUnopenableWorkspace(name, streamOf(damaged), { versions: brokenBuild })).rejects.toBeInstanceOf(WorkspaceFileError);

    expect(await readRawRows(name, 'notes')).toEqual([note('stuck', 'Stuck')]);
  });
});
