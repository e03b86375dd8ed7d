// @vitest-environment node
// Two devices' engines on their own databases, syncing through the real team server on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeTestWebSocket } from '../../server/node-websocket';
import { createNotesRepository } from '../../../renderer/db/repositories/notes-repository';
import { createSyncDocsRepository } from '../../../renderer/db/repositories/sync-docs-repository';
import { createSyncRowsRepository, followSharedTableWrites } from '../../../renderer/db/repositories/sync-rows-repository';
import { SyncEngine } from '../../../renderer/sync/sync-engine';
import { syncSocketUrl, TeamTransport } from '../../../renderer/sync/team-transport';
import { openSqliteTeamStore } from '../../../server/team/sqlite-team-store';
import { startTeam, type RunningTeam } from '../../server/team/team-fixtures';
import { createTestDependencies } from '../db/create-test-dependencies';
import { openTestDatabase } from '../db/open-test-database';

/** Polls until `check` holds (a network round trip has no event to await here); fails after 1,000 tries. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('The condition never held.');
}

let team: RunningTeam | undefined;
let folder: string | undefined;
const transports: TeamTransport[] = [];
afterEach(async () => {
  for (const transport of transports.splice(0)) transport.destroy();
  await team?.stop();
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

async function device(label: string, member: { memberToken: string; memberId: string; workspaceId: string }) {
  const db = await openTestDatabase(label);
  const engine = new SyncEngine({ docs: createSyncDocsRepository(db), rows: createSyncRowsRepository(db), member: { id: member.memberId, name: label } });
  followSharedTableWrites(db, (table, changes) => engine.localChanges(table, changes));
  await engine.start();
  if (team === undefined) throw new Error('no team server');
  const transport = new TeamTransport({ serverUrl: team.url, workspaceId: member.workspaceId, memberToken: member.memberToken, WebSocketPolyfill: NodeTestWebSocket });
  transports.push(transport);
  transport.connect(await engine.openDocs());
  engine.onDocOpened(() => void engine.openDocs().then((docs) => transport.connect(docs)));
  return { db, engine, transport, notes: createNotesRepository(db, createTestDependencies()) };
}

describe('team transport', () => {
  it('names the socket after the server address', () => {
    expect(syncSocketUrl('http://127.0.0.1:5190/')).toBe('ws://127.0.0.1:5190/sync');
    expect(syncSocketUrl('https://team.example.com')).toBe('wss://team.example.com/sync');
  });

  it('syncs a note between two devices through the team server, and a revoked device stops, keeping its copy', async () => {
    folder = mkdtempSync(joinPath(tmpdir(), 'team-client-'));
    team = await startTeam({ store: openSqliteTeamStore(joinPath(folder, 'team.sqlite')) });
    const ada = await device('sync-ada', await team.member('Ada', 'admin'));
    const bobMember = await team.member('Bob');
    const bob = await device('sync-bob', bobMember);
    await ada.transport.whenSynced();
    await bob.transport.whenSynced();

    const note = await ada.notes.create({ channel: 'coffee-chat', title: 'Through the server', body: { type: 'doc', content: [] }, occurredAt: 3, tags: [] });
    await until(async () => (await bob.db.notes.get(note.id))?.title === 'Through the server');

    const revoked = await team.api(`/team/members/${bobMember.memberId}/revoke`, { method: 'POST', token: (await team.member('Admin2', 'admin')).memberToken });
    expect(revoked.status).toBe(200);
    await ada.notes.update(note.id, { title: 'After Bob left' });
    await until(() => bob.transport.status.refused !== null || !bob.transport.status.connected);
    expect((await bob.db.notes.get(note.id))?.title).toBe('Through the server');
  }, 60_000);
});
