import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { DiscoveryDb } from '../../../../renderer/db/discovery-db';
import { openDatabase } from '../../../../renderer/db/open-database';
import { readNoteCounts, recountNotes } from '../../../../renderer/db/repositories/note-counts';
import { deleteAbandonedRestoreDatabases, RESTORE_IN_TEAM_MESSAGE, RestoreDeclinedError, restoreWorkspace, STAGING_DATABASE_PREFIX } from '../../../../renderer/db/repositories/restore-workspace';
import { createTeamMembershipRepository } from '../../../../renderer/db/repositories/team-membership-repository';
import { UserError } from '../../../../shared/errors/user-error';
import { schemaVersions, type SchemaVersion } from '../../../../renderer/db/schema/versions';
import { WorkspaceFileError } from '../../../../shared/backup/workspace-format';
import { openTestDatabase } from '../open-test-database';
import { uniqueDatabaseName } from '../unique-database-name';
import { buildWorkspaceFile, exportToText, fillEveryTable, sampleRow, snapshotRows, streamOf } from './workspace-file-fixtures';

async function refusedRestore(db: DiscoveryDb, content: string | Uint8Array): Promise<WorkspaceFileError> {
  const before = await snapshotRows(db);
  const error: unknown = await restoreWorkspace(db, streamOf(content)).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkspaceFileError);
  // Refused before the live data was touched.
  expect(await snapshotRows(db)).toEqual(before);
  expect((await Dexie.getDatabaseNames()).filter((name) => name.startsWith(STAGING_DATABASE_PREFIX))).toEqual([]);
  return error as WorkspaceFileError;
}

describe('restore: asking, reporting and what it leaves behind', () => {
  it('asks to replace the workspace only after the whole file was checked, with what it holds', async () => {
    const source = await openTestDatabase('ask-source');
    await fillEveryTable(source, 'file');
    const file = await exportToText(source);
    const db = await openTestDatabase('ask-live');
    await fillEveryTable(db, 'live');
    const seen: string[] = [];
    const restored = await restoreWorkspace(db, streamOf(file), {
      onProgress: ({ phase }) => seen.push(phase),
      confirm: async (checked) => {
        seen.push('confirm');
        expect(checked.counts.get('notes')).toBe(2);
        // Nothing was replaced yet.
        expect(await db.notes.get('live-notes-1')).toBeDefined();
        return true;
      },
    });
    expect(seen.indexOf('confirm')).toBe(seen.lastIndexOf('checking') + 1);
    expect(seen.slice(seen.indexOf('confirm') + 1).every((phase) => phase === 'replacing')).toBe(true);
    expect(restored.counts.get('contacts')).toBe(2);
    expect(await db.notes.get('file-notes-1')).toBeDefined();
  });

  it('refuses while this device is in a team workspace, before reading the file, and keeps the membership and journal out of the file', async () => {
    const source = await openTestDatabase('team-source');
    await fillEveryTable(source, 'file');
    const db = await openTestDatabase('team-live');
    await fillEveryTable(db, 'live');
    await createTeamMembershipRepository(db).save({ serverUrl: 'http://127.0.0.1:5190/', workspaceId: 'w1', memberId: 'm1', memberToken: 'secret-token', displayName: 'Ada', role: 'admin', joinedAt: 1, mergedAt: 2, removedMessage: null });
    await db.meta.put({ key: 'syncJournal/notes/live-notes-1', value: { table: 'notes', key: 'live-notes-1', fields: 'all', stamp: 's' } });
    expect(await exportToText(db)).not.toMatch(/secret-token|syncJournal/);
    const before = await snapshotRows(db);
    const confirm = vi.fn(() => Promise.resolve(true));
    const error: unknown = await restoreWorkspace(db, streamOf(await exportToText(source)), { confirm }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect(error instanceof Error ? error.message : '').toBe(RESTORE_IN_TEAM_MESSAGE);
    expect(confirm).not.toHaveBeenCalled();
    expect(await snapshotRows(db)).toEqual(before);
  });

  it('changes nothing and leaves no temporary copy when the person declines', async () => {
    const source = await openTestDatabase('decline-source');
    await fillEveryTable(source, 'file');
    const db = await openTestDatabase('decline-live');
    await fillEveryTable(db, 'live');
    const before = await snapshotRows(db);
    const error: unknown = await restoreWorkspace(db, streamOf(await exportToText(source)), { confirm: () => Promise.resolve(false) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RestoreDeclinedError);
    expect(await snapshotRows(db)).toEqual(before);
    expect((await Dexie.getDatabaseNames()).filter((name) => name.startsWith(STAGING_DATABASE_PREFIX))).toEqual([]);
  });

  it('never asks about a file that does not check out', async () => {
    const db = await openTestDatabase('no-ask');
    const confirm = vi.fn(() => Promise.resolve(true));
    const file = buildWorkspaceFile({ rows: [{ t: 'notes', r: { ...sampleRow('notes', 'n', 'x', 1), tags: 'x' } }] });
    await expect(restoreWorkspace(db, streamOf(file), { confirm })).rejects.toThrow(/Line 2/);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('keeps this machine’s “Last backup” through a restore of an older file', async () => {
    const source = await openTestDatabase('last-backup-source');
    await fillEveryTable(source, 'file');
    await source.settings.put({ key: 'lastBackupAt', value: 1000 });
    const db = await openTestDatabase('last-backup-live');
    await db.settings.put({ key: 'lastBackupAt', value: 5000 });
    await restoreWorkspace(db, streamOf(await exportToText(source)));
    expect(await db.settings.get('lastBackupAt')).toEqual({ key: 'lastBackupAt', value: 5000 });
    expect(await db.settings.get('file-settings-1')).toBeDefined();
  });

  it('deletes on the next start the temporary copy an interrupted restore left, and only an abandoned one', async () => {
    const now = Date.now();
    const abandoned = `${STAGING_DATABASE_PREFIX}${now - 2 * 60 * 60 * 1000}-left`;
    const running = `${STAGING_DATABASE_PREFIX}${now - 60 * 1000}-running`;
    for (const name of [abandoned, running]) {
      const leftover = new Dexie(name);
      leftover.version(1).stores({ notes: 'id' });
      await leftover.open();
      await leftover.table('notes').add({ id: 'half-restored' });
      leftover.close();
    }
    expect(await deleteAbandonedRestoreDatabases(now)).toEqual([abandoned]);
    const names = await Dexie.getDatabaseNames();
    expect(names).not.toContain(abandoned);
    expect(names).toContain(running);
    await Dexie.delete(running);
  });
});

describe('workspace export and restore', () => {
  it('brings back every row of every table after the workspace was wiped', async () => {
    const db = await openTestDatabase('round-trip');
    await fillEveryTable(db);
    await recountNotes(db);
    const before = await snapshotRows(db);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(20);
    for (const [table, rows] of Object.entries(before)) expect(rows.length, table).toBeGreaterThan(0);
    const file = await exportToText(db);

    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
    });
    const restored = await restoreWorkspace(db, streamOf(file), { pageSize: 3 });

    expect(await snapshotRows(db)).toEqual(before);
    expect(restored.header.appVersion).toBe('1.2.3');
    expect(restored.counts.get('notes')).toBe(2);
    expect(await db.meta.get('schemaVersion')).toEqual({ key: 'schemaVersion', value: db.appSchemaVersion });
    // Derived data is not carried over: the search index is rebuilt and the counts recounted.
    expect(await db.searchIndex.count()).toBe(0);
    expect(await readNoteCounts(db)).toBeUndefined();
  });

  it('writes a header, one line per row in key order, and a trailer with counts and checksum', async () => {
    const db = await openTestDatabase('format');
    await fillEveryTable(db);
    const lines = (await exportToText(db)).trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toEqual({ format: 'discovery-desk-workspace', formatVersion: 1, appVersion: '1.2.3', schemaVersion: db.appSchemaVersion, createdAt: Date.UTC(2026, 0, 2) });
    const trailer: unknown = JSON.parse(lines[lines.length - 1] ?? '');
    expect(trailer).toMatchObject({ counts: { notes: 2, surveyResponses: 2, settings: 2, plannedChats: 2 }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(lines.some((line) => line.includes('"t":"searchIndex"'))).toBe(false);
    expect(lines.filter((line) => line.startsWith('{"t":"notes"')).map((line) => (JSON.parse(line) as { r: { id: string } }).r.id)).toEqual(['a-notes-1', 'a-notes-2']);
  });

  it('leaves the local error log out of the file and keeps it through a restore', async () => {
    const db = await openTestDatabase('error-log');
    await fillEveryTable(db);
    const file = await exportToText(db);
    expect(file.includes('"t":"errorLog"')).toBe(false);
    const logBefore = await db.errorLog.toArray();
    expect(logBefore).toHaveLength(2);
    await restoreWorkspace(db, streamOf(file));
    expect(await db.errorLog.toArray()).toEqual(logBefore);
  });

  it('replaces the live workspace: rows not in the file are gone', async () => {
    const source = await openTestDatabase('source');
    await fillEveryTable(source, 'kept');
    const file = await exportToText(source);
    const db = await openTestDatabase('replaced');
    await fillEveryTable(db, 'live');

    await restoreWorkspace(db, streamOf(file));

    expect(await snapshotRows(db)).toEqual(await snapshotRows(source));
    expect(await db.notes.get('live-notes-1')).toBeUndefined();
  });

  it('leaves the live data as it was when replacing it fails half-way', async () => {
    const source = await openTestDatabase('source-fail');
    await fillEveryTable(source, 'new');
    const file = await exportToText(source);
    const db = await openTestDatabase('fail-half-way');
    await fillEveryTable(db, 'live');
    const before = await snapshotRows(db);
    vi.spyOn(db.table('surveys'), 'bulkAdd').mockRejectedValueOnce(new Error('disk went away'));

    await expect(restoreWorkspace(db, streamOf(file))).rejects.toThrow('disk went away');

    expect(await snapshotRows(db)).toEqual(before);
  });

  it('cleans hostile rich text in restored notes and artifacts', async () => {
    const hostile = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'one', marks: [{ type: 'link', attrs: { href: 'JaVaScRiPt:alert(1)' } }] },
            { type: 'text', text: 'two', marks: [{ type: 'link', attrs: { href: 'java\nscript:alert(1)' } }] },
            { type: 'text', text: 'three', marks: [{ type: 'link', attrs: { href: '&#106;avascript:alert(1)' } }] },
            { type: 'text', text: 'four', marks: [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }] },
            { type: 'text', text: 'five', marks: [{ type: 'link', attrs: { href: 'https://example.com/ok' } }] },
          ],
        },
        { type: 'iframe', attrs: { srcdoc: '<script>alert(1)</script>' }, content: [{ type: 'text', text: 'framed' }] },
        { type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } },
      ],
    };
    const file = buildWorkspaceFile({
      rows: [
        { t: 'notes', r: { id: 'n1', channel: 'coffee-chat', title: 'T', body: hostile, plainText: '', occurredAt: 1, updatedAt: 1, createdAt: 1, tags: [], personIds: [], teams: [], links: [] } },
        { t: 'artifacts', r: { id: 'a1', roundId: 'r', kind: 'charter', sections: { uniqueValue: hostile, competitiveAdvantages: hostile, strategy: hostile }, citations: [], createdAt: 1, updatedAt: 1 } },
        { t: 'artifacts', r: { id: 'a2', roundId: 'r', kind: 'vision', years: [{ year: 1, themes: [], body: hostile, citations: [] }], createdAt: 1, updatedAt: 1 } },
      ],
    });
    const db = await openTestDatabase('hostile');

    await restoreWorkspace(db, streamOf(file));

    for (const stored of [await db.notes.get('n1'), await db.artifacts.get('a1'), await db.artifacts.get('a2')]) {
      const text = JSON.stringify(stored);
      expect(text).not.toMatch(/javascript|data:|script|onerror|iframe|srcdoc/i);
      expect(text).toContain('https://example.com/ok');
      expect(text).toContain('framed');
      expect(text).toContain('four');
    }
  });

  it('upgrades a file made with an older schema through the app’s own migrations', async () => {
    const versions: SchemaVersion[] = [
      ...schemaVersions,
      {
        version: schemaVersions.length + 1,
        stores: {},
        upgrade: async (transaction) => {
          await transaction.table('notes').toCollection().modify((note: { title: string }) => {
            note.title = `${note.title} (upgraded)`;
          });
        },
      },
    ];
    const opened = await openDatabase(uniqueDatabaseName('upgrade'), { versions });
    if (opened.db === null) throw new Error('not opened');
    const db = opened.db;
    const file = buildWorkspaceFile({ rows: [{ t: 'notes', r: { id: 'n1', channel: 'coffee-chat', title: 'Old', body: { type: 'doc', content: [] }, plainText: '', occurredAt: 1, updatedAt: 1, createdAt: 1, tags: [], personIds: [], teams: [], links: [] } }] }, 1);

    await restoreWorkspace(db, streamOf(file), { versions });

    expect((await db.notes.get('n1'))?.title).toBe('Old (upgraded)');
    db.close();
  });

  describe('refuses bad files before touching the live data', () => {
    async function liveWithFile(label: string) {
      const db = await openTestDatabase(label);
      await fillEveryTable(db, 'live');
      const source = await openTestDatabase(`${label}-source`);
      await fillEveryTable(source, 'file');
      return { db, file: await exportToText(source) };
    }

    it('a file cut in the middle of a line', async () => {
      const { db, file } = await liveWithFile('cut-mid-line');
      const error = await refusedRestore(db, file.slice(0, Math.floor(file.length / 2)));
      expect(error.message).toMatch(/damaged or cut off|ends early/);
    });

    it('a file cut after a whole line (no end marker)', async () => {
      const { db, file } = await liveWithFile('cut-lines');
      const lines = file.split('\n');
      const error = await refusedRestore(db, `${lines.slice(0, 10).join('\n')}\n`);
      expect(error.message).toMatch(/ends early, after line 10.*incomplete/);
    });

    it('a file with a whole line removed from the middle', async () => {
      const { db, file } = await liveWithFile('line-removed');
      const lines = file.split('\n');
      const error = await refusedRestore(db, [...lines.slice(0, 5), ...lines.slice(6)].join('\n'));
      expect(error.message).toMatch(/should hold 2 rows of .* but holds 1/);
    });

    it('a corrupted byte', async () => {
      const { db, file } = await liveWithFile('corrupted');
      const bytes = new TextEncoder().encode(file);
      bytes[new TextEncoder().encode(file.slice(0, file.indexOf('row 2 of notes'))).length] = 'R'.charCodeAt(0);
      const error = await refusedRestore(db, bytes);
      expect(error.message).toMatch(/checksum does not match/);
    });

    it('an invalid UTF-8 byte', async () => {
      const { db, file } = await liveWithFile('bad-utf8');
      const bytes = new TextEncoder().encode(file);
      bytes[new TextEncoder().encode(file.slice(0, file.indexOf('row 1 of notes'))).length] = 0xff;
      const error = await refusedRestore(db, bytes);
      expect(error.message).toMatch(/checksum does not match/);
    });

    it('a wrong checksum', async () => {
      const { db, file } = await liveWithFile('wrong-checksum');
      const error = await refusedRestore(db, file.replace(/"sha256":"[0-9a-f]{4}/, '"sha256":"0000'));
      expect(error.message).toMatch(/checksum does not match/);
    });

    it('an empty file', async () => {
      const { db } = await liveWithFile('empty');
      expect((await refusedRestore(db, '')).message).toMatch(/empty/);
    });

    it('a foreign JSON file', async () => {
      const { db } = await liveWithFile('foreign-json');
      const error = await refusedRestore(db, '{"formatName":"dexie","data":{"tables":[]}}\n');
      expect(error.message).toMatch(/Line 1: This is not a Discovery Desk workspace file/);
    });

    it('a CSV file', async () => {
      const { db } = await liveWithFile('foreign-csv');
      const error = await refusedRestore(db, 'id,title\n1,hello\n');
      expect(error.message).toMatch(/not a Discovery Desk workspace file/);
    });

    it('a newer file format', async () => {
      const { db } = await liveWithFile('newer-format');
      const error = await refusedRestore(db, buildWorkspaceFile({ header: { formatVersion: 2 }, rows: [] }));
      expect(error.message).toMatch(/made by a newer version of Discovery Desk.*file format 2/);
    });

    it('a newer schema version', async () => {
      const { db } = await liveWithFile('newer-schema');
      const error = await refusedRestore(db, buildWorkspaceFile({ rows: [] }, db.appSchemaVersion + 1));
      expect(error.message).toMatch(new RegExp(`made by a newer version of Discovery Desk.*schema ${db.appSchemaVersion}\\b`));
    });

    // Builds and reads a 33 MB line: slow by nature.
    it('a huge line', { timeout: 60_000 }, async () => {
      const { db } = await liveWithFile('huge-line');
      const huge = `${buildWorkspaceFile({ rows: [] }).split('\n')[0] ?? ''}\n${'x'.repeat(33 * 1024 * 1024)}`;
      const error = await refusedRestore(db, huge);
      expect(error.message).toMatch(/Line 2: the line is longer than/);
    });

    it('a row of a table this app does not have', async () => {
      const { db } = await liveWithFile('unknown-table');
      const error = await refusedRestore(db, buildWorkspaceFile({ rows: [{ t: 'secrets', r: { id: 1 } }] }));
      expect(error.message).toMatch(/Line 2: “secrets” is not a table/);
    });

    it('the derived search index', async () => {
      const { db } = await liveWithFile('derived');
      const error = await refusedRestore(db, buildWorkspaceFile({ rows: [{ t: 'searchIndex', r: { key: 'notes' } }] }));
      expect(error.message).toMatch(/“searchIndex” is not a table/);
    });

    it('two rows with the same key', async () => {
      const { db } = await liveWithFile('duplicate');
      const contact = sampleRow('contacts', 'c1', 'dup', 1);
      const error = await refusedRestore(db, buildWorkspaceFile({ rows: [{ t: 'contacts', r: contact }, { t: 'contacts', r: contact }] }));
      expect(error.message).toMatch(/could not be stored|repeat a key/);
    });

    it('a row that does not fit its table’s schema, naming its line and field', async () => {
      const { db } = await liveWithFile('bad-row');
      const rows = [1, 2, 3].map((n) => ({ t: 'notes', r: sampleRow('notes', `n${n}`, 'bad', n) }));
      const bad = { t: 'notes', r: { ...sampleRow('notes', 'n4', 'bad', 4), tags: 'x' } };
      const error = await refusedRestore(db, buildWorkspaceFile({ rows: [...rows, bad, { t: 'notes', r: { ...sampleRow('notes', 'n5', 'bad', 5), personIds: 'y' } }] }));
      expect(error.message).toMatch(/^Line 5: this row of “notes” is not valid \(tags: .*\), so nothing was restored$/);
    });

    it.each([
      ['a contact without a name', { t: 'contacts', r: { ...sampleRow('contacts', 'c', 'x', 1), name: 42 } }, /name/],
      ['a card whose snapshot has no people list', { t: 'cards', r: { ...sampleRow('cards', 'c', 'x', 1), snapshot: { title: 't' } } }, /snapshot/],
      ['an artifact of an unknown kind', { t: 'artifacts', r: { ...sampleRow('artifacts', 'a', 'x', 1), kind: 'memo' } }, /kind/],
      ['a survey answer that is an object', { t: 'surveyResponses', r: { ...sampleRow('surveyResponses', 'r', 'x', 1), answers: { q: { evil: true } } } }, /answers/],
    ])('%s', async (_name, row, field) => {
      const { db } = await liveWithFile(`bad-${String(row.t)}`);
      const error = await refusedRestore(db, buildWorkspaceFile({ rows: [row] }));
      expect(error.message).toMatch(/^Line 2: this row of/);
      expect(error.message).toMatch(field);
    });

    it('an absurdly large row', async () => {
      const { db } = await liveWithFile('large-row');
      const error = await refusedRestore(db, buildWorkspaceFile({ rows: [{ t: 'contacts', r: { ...sampleRow('contacts', 'c', 'x', 1), role: 'x'.repeat(5 * 1024 * 1024) } }] }));
      expect(error.message).toMatch(/^Line 2: this row of “contacts” is [\d,]+ characters long, more than any real one/);
    });

    it('lines after the end marker', async () => {
      const { db, file } = await liveWithFile('after-end');
      const error = await refusedRestore(db, `${file}${file.split('\n')[1] ?? ''}\n`);
      expect(error.message).toMatch(/more after the end marker/);
    });
  });
});
