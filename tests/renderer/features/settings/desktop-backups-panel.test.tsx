import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseContext, type DiscoveryDb } from '../../../../renderer/db';
import { AutomaticBackups } from '../../../../renderer/features/settings';
import { WorkspaceDataPanel } from '../../../../renderer/features/settings/workspace-data-panel';
import { PlatformProvider, type DesktopBackups, type Platform } from '../../../../renderer/platform';
import { createBrowserPlatform } from '../../../../renderer/platform/browser-platform';
import { createDesktopBackups } from '../../../../renderer/platform/desktop-backups';
import type { BackupInfo } from '../../../../shared/ipc/contract';
import { fail, ok } from '../../../../shared/ipc/result';
import { fillEveryTable, snapshotRows, streamOf } from '../../db/backup/workspace-file-fixtures';
import { openTestDatabase } from '../../db/open-test-database';

const HOUR = 60 * 60 * 1000;

/** The backup verbs over an in-memory folder, as main would answer them. */
function memoryBackupVerbs({ failAppend = false } = {}) {
  const files = new Map<string, Uint8Array>();
  const pending = new Map<string, Uint8Array[]>();
  const createdAt = new Map<string, number>();
  let count = 0;
  const verbs = {
    beginBackup: vi.fn(async () => {
      count += 1;
      const id = String(count).padStart(32, '0');
      pending.set(id, []);
      return ok(id);
    }),
    appendBackup: vi.fn(async (id: string, bytes: Uint8Array) => {
      if (failAppend) return fail('io', 'Could not write the backup (older backups are kept): disk full (ENOSPC)');
      pending.get(id)?.push(bytes);
      return ok(null);
    }),
    commitBackup: vi.fn(async (id: string) => {
      const parts = pending.get(id) ?? [];
      const name = `discovery-desk-2026-01-0${count}T00-00-00Z.ddworkspace`;
      files.set(name, new Uint8Array(parts.flatMap((part) => [...part])));
      createdAt.set(name, Date.now());
      return ok({ name, createdAt: Date.now(), size: files.get(name)?.byteLength ?? 0 } satisfies BackupInfo);
    }),
    abortBackup: vi.fn(async () => ok(null)),
    listBackups: vi.fn(async () => ok([...files.entries()].reverse().map(([name, bytes]) => ({ name, createdAt: createdAt.get(name) ?? 0, size: bytes.byteLength })))),
    readBackup: vi.fn(async (name: string, position: number, length: number) => ok((files.get(name) ?? new Uint8Array()).slice(position, position + length))),
  };
  return { verbs, files, createdAt };
}

function desktopPlatform(backups: DesktopBackups): Platform {
  return { ...createBrowserPlatform(document), kind: 'desktop', backups };
}

function renderWithDatabase(db: DiscoveryDb, platform: Platform, children: React.ReactNode) {
  return render(
    <PlatformProvider platform={platform}>
      <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
        <MemoryRouter>{children}</MemoryRouter>
      </DatabaseContext.Provider>
    </PlatformProvider>,
  );
}

describe('desktop backups', () => {
  it('streams the workspace into a backup in chunks and reads it back as a stream', async () => {
    const db = await openTestDatabase('desktop-stream');
    await fillEveryTable(db);
    const { verbs, files } = memoryBackupVerbs();
    const backups = createDesktopBackups(verbs);
    const chunks = async function* () {
      yield 'first line\n';
      yield 'second line\n';
    };
    const made = await backups.create(chunks(), 10);
    expect(made.ok).toBe(true);
    expect(new TextDecoder().decode([...files.values()][0])).toBe('first line\nsecond line\n');
    const text = await new Response(backups.open(made.ok ? made.value.name : '')).text();
    expect(text).toBe('first line\nsecond line\n');
  });

  it('does not finish a backup whose write failed, and says so', async () => {
    const { verbs } = memoryBackupVerbs({ failAppend: true });
    const made = await createDesktopBackups(verbs).create((async function* () {
      yield 'x';
    })(), 10);
    expect(made).toMatchObject({ ok: false, error: { message: expect.stringContaining('older backups are kept') } });
    expect(verbs.commitBackup).not.toHaveBeenCalled();
  });

  it('lists the backups in Settings and restores one after confirmation', { timeout: 60_000 }, async () => {
    const db = await openTestDatabase('desktop-panel');
    await fillEveryTable(db, 'backed-up');
    const { verbs } = memoryBackupVerbs();
    const backups = createDesktopBackups(verbs);
    renderWithDatabase(db, desktopPlatform(backups), <WorkspaceDataPanel />);
    const user = userEvent.setup();
    expect(await screen.findByText('No automatic backups yet.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect((await screen.findByRole('status', {}, { timeout: 5000 })).textContent).toMatch(/Backup made/);
    // Taken now: "Last backup" is this machine's and stays through the restore.
    const expected = await snapshotRows(db);
    const list = await screen.findByRole('list', { name: 'Automatic backups' });
    expect(list.textContent).toMatch(/KB/);

    await db.notes.clear();
    await db.contacts.clear();
    await user.click(screen.getByRole('button', { name: /^Restore the backup of/ }));
    // Asked only after the whole file was checked, with what it holds (jsdom has no modal dialogs, so the dialog's contents count as hidden).
    const heading = await screen.findByRole('heading', { name: 'Replace your workspace with this backup?', hidden: true }, { timeout: 10_000 });
    expect(heading.parentElement?.textContent).toMatch(/It holds 2 notes, 2 highlights, 2 people, 2 surveys, 2 survey responses, .*made /);
    expect(await db.notes.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Replace', hidden: true }));
    await waitFor(() => expect(screen.getByText(/^Restored: 2 notes, 2 highlights, 2 people/)).toBeTruthy(), { timeout: 10_000 });
    expect(await snapshotRows(db)).toEqual(expected);
  });

  it('leaves the workspace exactly as it was when the restore is cancelled after the check', { timeout: 60_000 }, async () => {
    const db = await openTestDatabase('desktop-panel-cancel');
    await fillEveryTable(db, 'backed-up');
    const { verbs } = memoryBackupVerbs();
    renderWithDatabase(db, desktopPlatform(createDesktopBackups(verbs)), <WorkspaceDataPanel />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Back up now' }));
    expect((await screen.findByRole('status', {}, { timeout: 5000 })).textContent).toMatch(/Backup made/);
    await db.notes.clear();
    const contact = await db.contacts.toCollection().first();
    if (contact === undefined) throw new Error('the fixture has contacts');
    await db.contacts.add({ ...contact, id: 'added-after-the-backup' });
    const before = await snapshotRows(db);

    await user.click(await screen.findByRole('button', { name: /^Restore the backup of/ }));
    await screen.findByRole('heading', { name: 'Replace your workspace with this backup?', hidden: true }, { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Cancel', hidden: true }));
    expect((await screen.findByText(/^Nothing was restored/)).textContent).toBe('Nothing was restored; your workspace is as it was.');
    expect(await snapshotRows(db)).toEqual(before);
  });

  it('shows a bad file’s line and problem without ever asking to replace the workspace', async () => {
    const db = await openTestDatabase('desktop-panel-bad');
    await fillEveryTable(db, 'kept');
    const { verbs, files, createdAt } = memoryBackupVerbs();
    const header = JSON.stringify({ format: 'discovery-desk-workspace', formatVersion: 1, appVersion: '0.0.0-test', schemaVersion: db.appSchemaVersion, createdAt: 1 });
    files.set('discovery-desk-2026-01-01T00-00-00Z.ddworkspace', new TextEncoder().encode(`${header}\n{"t":"notes","r":{"id":"n1","tags":"x"}}\n`));
    createdAt.set('discovery-desk-2026-01-01T00-00-00Z.ddworkspace', 1);
    const before = await snapshotRows(db);
    renderWithDatabase(db, desktopPlatform(createDesktopBackups(verbs)), <WorkspaceDataPanel />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: /^Restore the backup of/ }));
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/^Nothing was restored; your workspace is unchanged\. Line 2: /);
    expect(screen.queryByRole('heading', { name: 'Replace your workspace with this backup?', hidden: true })).toBeNull();
    expect(await snapshotRows(db)).toEqual(before);
  });

  it('makes the daily backup when the newest is a day old, and not before', async () => {
    const db = await openTestDatabase('daily');
    await fillEveryTable(db);
    const { verbs, createdAt, files } = memoryBackupVerbs();
    files.set('discovery-desk-2026-01-01T00-00-00Z.ddworkspace', new Uint8Array([1]));
    createdAt.set('discovery-desk-2026-01-01T00-00-00Z.ddworkspace', Date.now() - 2 * HOUR);
    const { unmount } = renderWithDatabase(db, desktopPlatform(createDesktopBackups(verbs)), <AutomaticBackups />);
    await waitFor(() => expect(verbs.listBackups).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(verbs.beginBackup).not.toHaveBeenCalled();
    unmount();

    createdAt.set('discovery-desk-2026-01-01T00-00-00Z.ddworkspace', Date.now() - 25 * HOUR);
    renderWithDatabase(db, desktopPlatform(createDesktopBackups(verbs)), <AutomaticBackups />);
    await waitFor(() => expect(verbs.commitBackup).toHaveBeenCalledWith(expect.any(String), 10), { timeout: 5000 });
    const made = [...files.values()].at(-1) ?? new Uint8Array();
    expect(new TextDecoder().decode(made).split('\n')[0]).toContain('"format":"discovery-desk-workspace"');
  });

  it('makes no automatic backups in browser mode', async () => {
    const db = await openTestDatabase('browser-none');
    const platform = createBrowserPlatform(document);
    renderWithDatabase(db, platform, <AutomaticBackups />);
    expect(platform.backups).toBeNull();
    expect(streamOf('')).toBeTruthy();
  });
});
