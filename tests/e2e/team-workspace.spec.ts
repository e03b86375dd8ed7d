// Two people share one workspace through a real team server (SQLite in a temporary folder, a free
// port of 127.0.0.1): two Chromium contexts, each with its own IndexedDB, as two machines would be.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSqliteTeamStore } from '../../server/team/sqlite-team-store';
import { createTeamServer, type TeamServer } from '../../server/team/team-server';

const APP_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const SHOTS = process.env.TEAM_SCREENSHOTS;

let folder = '';
let server: TeamServer | undefined;
let serverUrl = '';

test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'team-e2e-'));
  server = await createTeamServer({ store: openSqliteTeamStore(join(folder, 'team.sqlite')), version: APP_VERSION, storeDebounceMs: 100, log: { info: () => undefined, warn: () => undefined } });
  serverUrl = await server.listen('127.0.0.1', Number(process.env.E2E_TEAM_PORT ?? 0));
});

test.afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

interface StoredNote {
  readonly id: string;
  readonly title: string;
  readonly tags: readonly string[];
}

/** The notes as stored in this page's IndexedDB (what the screens read). */
function storedNotes(page: Page): Promise<StoredNote[]> {
  return page.evaluate(
    () =>
      new Promise<StoredNote[]>((resolve, reject) => {
        const opening = indexedDB.open('discovery-desk');
        opening.onerror = () => reject(new Error('no database'));
        opening.onsuccess = () => {
          const request = opening.result.transaction('notes').objectStore('notes').getAll();
          request.onsuccess = () => {
            resolve((request.result as StoredNote[]).map(({ id, title, tags }) => ({ id, title, tags })));
            opening.result.close();
          };
        };
      }),
  );
}

async function noteTitled(page: Page, title: string): Promise<StoredNote | undefined> {
  return (await storedNotes(page)).find((note) => note.title === title);
}

async function joinTeam(page: Page, token: string, name: string) {
  await page.goto('/#/settings');
  const panel = page.getByRole('region', { name: 'Team workspace' });
  await panel.getByLabel('Server address').fill(serverUrl);
  await panel.getByLabel('Invite token').fill(token);
  await panel.getByLabel('Your name (teammates see it)').fill(name);
  await panel.getByRole('button', { name: 'Join the team' }).click();
  await expect(panel.getByTestId('team-sync-status')).toContainText('Connected', { timeout: 20_000 });
  await expect(page.getByTestId('team-status')).toContainText('Team: connected');
}

async function addNote(page: Page, title: string) {
  await page.goto('/#/discovery');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('menuitem', { name: 'Brainstorm' }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
}

async function openNote(page: Page, title: string) {
  await page.goto('/#/discovery');
  await page.getByRole('list', { name: 'Notes' }).getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
}

async function screenshot(page: Page, name: string) {
  if (SHOTS === undefined) return;
  for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) });
  }
}

test('two people share a workspace: join, a note syncs, offline edits merge, a delete propagates, a removed member stops syncing and keeps its notes', async ({ browser }) => {
  test.setTimeout(180_000);
  if (server === undefined) throw new Error('no team server');
  const adminInvite = await server.createInvite('admin');
  const ada = await browser.newContext({ colorScheme: 'light' });
  const bob = await browser.newContext({ colorScheme: 'dark' });
  const pageA = await ada.newPage();
  const pageB = await bob.newPage();
  const errors: string[] = [];
  for (const page of [pageA, pageB]) page.on('pageerror', (error) => errors.push(error.message));

  // Ada has a note before the team exists; it is merged in when she joins.
  await addNote(pageA, 'Ada’s chat before the team');
  await joinTeam(pageA, adminInvite.inviteToken, 'Ada');
  const panelA = pageA.getByRole('region', { name: 'Team workspace' });
  await panelA.getByRole('button', { name: 'Create an invite' }).click();
  const invite = (await panelA.getByTestId('created-invite').textContent())?.trim() ?? '';
  expect(invite).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  await screenshot(pageA, 'team-settings-admin-light');

  // A wrong token is named, then Bob joins with the invite.
  await pageB.goto('/#/settings');
  const panelB = pageB.getByRole('region', { name: 'Team workspace' });
  await panelB.getByLabel('Server address').fill(serverUrl);
  await panelB.getByLabel('Invite token').fill('wrongtokenwrongtoken');
  await panelB.getByLabel('Your name (teammates see it)').fill('Bob');
  await panelB.getByRole('button', { name: 'Join the team' }).click();
  await expect(panelB.getByRole('alert')).toContainText('This invite token is unknown, used up, expired or revoked');
  await joinTeam(pageB, invite, 'Bob');
  await expect(async () => expect(await noteTitled(pageB, 'Ada’s chat before the team')).toBeDefined()).toPass({ timeout: 20_000 });
  await expect(panelA.getByRole('list', { name: 'Members' })).toContainText('Ada');
  await screenshot(pageB, 'team-settings-member-dark');

  // A note made on one appears on the other.
  await addNote(pageB, 'Bob’s SLA talk');
  await expect(async () => expect(await noteTitled(pageA, 'Bob’s SLA talk')).toBeDefined()).toPass({ timeout: 20_000 });

  // Both go offline and change different fields of the same note, then come back: both converge.
  await ada.setOffline(true);
  await bob.setOffline(true);
  await expect(pageA.getByTestId('team-status')).toContainText('Team: offline', { timeout: 20_000 });
  await screenshot(pageA, 'team-indicator-offline-light');
  await openNote(pageA, 'Bob’s SLA talk');
  await pageA.getByRole('textbox', { name: 'Title' }).fill('Bob’s SLA talk, renamed by Ada');
  await expect(pageA.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
  await openNote(pageB, 'Bob’s SLA talk');
  const tags = pageB.getByRole('combobox', { name: 'Tags' });
  await tags.fill('offline-tag');
  await tags.press('Enter');
  await expect(pageB.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
  await expect(pageA.getByTestId('team-status')).toContainText('waiting');
  await ada.setOffline(false);
  await bob.setOffline(false);
  for (const page of [pageA, pageB]) {
    await expect(async () => {
      const note = await noteTitled(page, 'Bob’s SLA talk, renamed by Ada');
      expect(note?.tags).toEqual(['offline-tag']);
    }).toPass({ timeout: 30_000 });
  }
  await expect(pageA.getByTestId('team-status')).toContainText('Team: connected', { timeout: 20_000 });

  // A delete propagates.
  await openNote(pageB, 'Ada’s chat before the team');
  await pageB.getByRole('button', { name: 'Delete', exact: true }).click();
  await pageB.getByRole('dialog').getByRole('button', { name: 'Delete note' }).click();
  await expect(async () => expect(await noteTitled(pageA, 'Ada’s chat before the team')).toBeUndefined()).toPass({ timeout: 20_000 });

  // Ada removes Bob: his app stops syncing, says so, and keeps his notes.
  await pageA.goto('/#/settings');
  await panelA.getByRole('button', { name: 'Remove Bob from the team' }).click();
  await expect(panelA.getByRole('list', { name: 'Members' })).toContainText('removed');
  await expect(pageB.getByTestId('team-status')).toContainText('Team: not syncing', { timeout: 20_000 });
  await pageB.goto('/#/settings');
  await expect(panelB.getByRole('alert').first()).toContainText('This device was removed from the team');
  await screenshot(pageB, 'team-settings-removed-dark');
  await addNote(pageA, 'Written after Bob left');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await noteTitled(pageB, 'Written after Bob left')).toBeUndefined();
  expect((await storedNotes(pageB)).map((note) => note.title).sort()).toEqual(['Bob’s SLA talk, renamed by Ada']);
  expect(errors).toEqual([]);
  await ada.close();
  await bob.close();
});
