// @vitest-environment node
// The team sync as the app runs it: two devices joining through the real team server on 127.0.0.1,
// a second window of one device that does not sync itself, a revoked device, leaving.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DiscoveryDb } from '../../../renderer/db/discovery-db';
import { createNotesRepository } from '../../../renderer/db/repositories/notes-repository';
import { createTeamMembershipRepository } from '../../../renderer/db/repositories/team-membership-repository';
import { createTeamApiClient } from '../../../renderer/sync/team-api-client';
import { TeamSync } from '../../../renderer/sync/team-sync';
import { openSqliteTeamStore } from '../../../server/team/sqlite-team-store';
import { startTeam, type RunningTeam } from '../../server/team/team-fixtures';
import { openTestDatabase } from '../db/open-test-database';

/** Polls until `check` holds (a network round trip has no event to await here); fails after 1,500 tries. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 1500; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('The condition never held.');
}

/** A device's own ids (each device makes random ones in the app). */
function deviceDependencies(device: string) {
  let now = Date.UTC(2025, 0, 1);
  let count = 0;
  return { clock: () => (now += 1000), newId: () => `${device}-${String((count += 1)).padStart(6, '0')}` };
}

/** Web Locks as one browser profile has them: one holder per name, the next waiter gets it when released. */
function fakeLocks(): LockManager {
  const queues = new Map<string, (() => void)[]>();
  const held = new Set<string>();
  const release = (name: string) => {
    held.delete(name);
    const next = queues.get(name)?.shift();
    next?.();
  };
  const request = (name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<unknown>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const grant = () => {
        held.add(name);
        callback({ name, mode: 'exclusive' }).then(resolve, reject).finally(() => release(name));
      };
      if (!held.has(name)) {
        grant();
        return;
      }
      const queue = queues.get(name) ?? [];
      queue.push(grant);
      queues.set(name, queue);
      options.signal?.addEventListener('abort', () => {
        queues.set(name, (queues.get(name) ?? []).filter((waiting) => waiting !== grant));
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  return { request, query: () => Promise.resolve({ held: [], pending: [] }) } as unknown as LockManager;
}

const body = { type: 'doc', content: [] } as const;
const APP_VERSION = '9.9.0';
let team: RunningTeam | undefined;
let folder: string | undefined;
const syncs: TeamSync[] = [];
afterEach(async () => {
  for (const sync of syncs.splice(0)) await sync.stop();
  await team?.stop();
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

function startSync(db: DiscoveryDb, locks: LockManager): TeamSync {
  const sync = new TeamSync({ db, locks, WebSocketPolyfill: WebSocket, logError: () => undefined });
  sync.start();
  syncs.push(sync);
  return sync;
}

async function invite(adminToken: string): Promise<string> {
  if (team === undefined) throw new Error('no team server');
  return (await createTeamApiClient({ appVersion: APP_VERSION }).createInvite(team.url, adminToken)).inviteToken;
}

describe('team sync in the app', () => {
  it('merges two devices’ workspaces on joining, syncs a second window’s writes through the one syncing window, stops a revoked device and leaves keeping the rows', async () => {
    folder = mkdtempSync(joinPath(tmpdir(), 'team-sync-'));
    team = await startTeam({ store: openSqliteTeamStore(joinPath(folder, 'team.sqlite')) });
    const api = createTeamApiClient({ appVersion: APP_VERSION });
    const adminInvite = await team.member('Bootstrap', 'admin');

    const dbA = await openTestDatabase('team-ada');
    const dbB = await openTestDatabase('team-bob');
    const notesA = createNotesRepository(dbA, deviceDependencies('ada'));
    const notesB = createNotesRepository(dbB, deviceDependencies('bob'));
    const adaOwn = await notesA.create({ channel: 'coffee-chat', title: 'Ada before joining', body, occurredAt: 1, tags: [] });
    const bobOwn = await notesB.create({ channel: 'coffee-chat', title: 'Bob before joining', body, occurredAt: 2, tags: [] });

    const locksA = fakeLocks();
    const locksB = fakeLocks();
    const ada = startSync(dbA, locksA);
    await ada.joined(await api.join(team.url, await invite(adminInvite.memberToken), 'Ada'));
    const bob = startSync(dbB, locksB);
    await bob.joined(await api.join(team.url, await invite(adminInvite.memberToken), 'Bob'));

    // Both workspaces merged: each has both notes, once.
    await until(async () => (await dbA.notes.get(bobOwn.id)) !== undefined && (await dbB.notes.get(adaOwn.id)) !== undefined);
    expect(await dbA.notes.count()).toBe(2);
    expect(await dbB.notes.count()).toBe(2);
    await until(() => ada.status.phase === 'connected' && bob.status.phase === 'connected');
    await until(async () => (await createTeamMembershipRepository(dbB).get())?.mergedAt !== null);

    // A second window of Bob's device: it journals, the first window syncs, and it shows that window's status.
    const bobWindow2 = new DiscoveryDb(dbB.name);
    await bobWindow2.open();
    const bob2 = startSync(bobWindow2, locksB);
    await until(() => bob2.status.phase === 'connected');
    expect(bob2.status.isSyncingWindow).toBe(false);
    expect(bob.status.isSyncingWindow).toBe(true);
    const fromWindow2 = await createNotesRepository(bobWindow2, deviceDependencies('bob2')).create({ channel: 'coffee-chat', title: 'From Bob’s second window', body, occurredAt: 3, tags: [] });
    await until(async () => (await dbA.notes.get(fromWindow2.id))?.title === 'From Bob’s second window');

    // Bob is removed from the team: his device stops syncing, says so, and keeps everything.
    const members = await api.members(team.url, adminInvite.memberToken);
    const bobMember = members.find((member) => member.displayName === 'Bob');
    if (bobMember === undefined) throw new Error('Bob is not listed');
    await api.revokeMember(team.url, adminInvite.memberToken, bobMember.memberId);
    await until(() => bob.status.phase === 'removed');
    expect(bob.status.error).toMatch(/This device was removed from the team/);
    await notesA.update(adaOwn.id, { title: 'Changed after Bob left' });
    await until(async () => (await dbA.notes.get(adaOwn.id))?.title === 'Changed after Bob left');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await dbB.notes.get(adaOwn.id))?.title).toBe('Ada before joining');
    expect(await dbB.notes.count()).toBe(3);

    // Ada leaves: syncing stops, the team's documents here are forgotten, every note stays.
    await ada.leave();
    expect(ada.status.phase).toBe('not-joined');
    expect(await createTeamMembershipRepository(dbA).get()).toBeUndefined();
    expect(await dbA.syncDocs.count()).toBe(0);
    expect(await dbA.notes.count()).toBe(3);
    bobWindow2.close();
  }, 90_000);

  it('names every bad input when joining: address, unreachable server, not a team server, other version, wrong invite', async () => {
    folder = mkdtempSync(joinPath(tmpdir(), 'team-join-'));
    team = await startTeam({ store: openSqliteTeamStore(joinPath(folder, 'team.sqlite')) });
    const api = createTeamApiClient({ appVersion: APP_VERSION });
    await expect(api.join('ftp://example.org', 'abc', 'Ada')).rejects.toThrow(/starts with http:\/\/ or https:\/\//);
    await expect(api.join('http://exa mple', 'abc', 'Ada')).rejects.toThrow(/is not a web address/);
    await expect(api.join(team.url, 'abc', '')).rejects.toThrow(/Type your name/);
    await expect(api.join(team.url, 'not a token!', 'Ada')).rejects.toThrow(/That is not an invite token/);
    await expect(api.join('http://127.0.0.1:9/', 'abc', 'Ada')).rejects.toThrow(/could not be reached/);
    await expect(api.join(`${team.url}sync`, 'abc', 'Ada')).rejects.toThrow(/not as a Discovery Desk team server/);
    await expect(createTeamApiClient({ appVersion: '0.1.0' }).join(team.url, 'abc', 'Ada')).rejects.toThrow(/runs version 9\.9\.9-test and this app is version 0\.1\.0/);
    await expect(api.join(team.url, 'abcdefghijklmnop', 'Ada')).rejects.toThrow(/invite token is unknown, used up, expired or revoked/);
  }, 30_000);
});

describe('a record’s history on screen', () => {
  it('reads who wrote and changed a note, with the replaced value, from the documents on this device', async () => {
    const { readRecordHistory } = await import('../../../renderer/sync/record-history');
    const { SyncEngine } = await import('../../../renderer/sync/sync-engine');
    const { createSyncDocsRepository } = await import('../../../renderer/db/repositories/sync-docs-repository');
    const { createSyncRowsRepository, followSharedTableWrites } = await import('../../../renderer/db/repositories/sync-rows-repository');
    const db = await openTestDatabase('history');
    expect(await readRecordHistory(db, 'notes', 'none')).toEqual([]);
    const docs = createSyncDocsRepository(db);
    const engine = new SyncEngine({ docs, rows: createSyncRowsRepository(db), member: { id: 'm-ada', name: 'Ada' } });
    followSharedTableWrites(db, (table, changes) => engine.localChanges(table, changes));
    await engine.start();
    const notes = createNotesRepository(db, deviceDependencies('ada'));
    const note = await notes.create({ channel: 'coffee-chat', title: 'First title', body, occurredAt: 1, tags: [] });
    await notes.update(note.id, { title: 'Second title' });
    await engine.whenIdle();
    const history = await readRecordHistory(db, 'notes', note.id);
    expect(history.map((entry) => [entry.field, entry.memberName, entry.previous, entry.value])).toEqual([
      ['$created', 'Ada', undefined, undefined],
      ['title', 'Ada', 'First title', 'Second title'],
    ]);
    engine.stop();
    docs.closeAll();
  });
});
