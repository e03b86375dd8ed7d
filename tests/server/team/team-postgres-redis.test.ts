import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TooManyInstances } from '../../../server/team/instance-limit';
import { openPostgresTeamStore } from '../../../server/team/postgres-team-store';
import { teamDocumentName } from '../../../shared/team/team-document-name';
import { until } from '../live-clients';
import { startTeam, type RunningTeam } from './team-fixtures';
import { findTeamServices, freshDatabase } from './team-services';

const { services, reason } = await findTeamServices();
if (services === null) console.warn(`Team server tests on PostgreSQL and Redis ${reason}.`);
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database() {
  if (!services) throw new Error(reason);
  const created = await freshDatabase(services.postgresUrl);
  cleanups.push(created.drop);
  return created.url;
}

async function instance(url: string, redisUrl?: string, storeDebounceMs = 50): Promise<RunningTeam> {
  const running = await startTeam({ store: await openPostgresTeamStore(url), redisUrl, storeDebounceMs });
  cleanups.push(() => running.stop());
  return running;
}

describe.skipIf(services === null)(`team server on PostgreSQL and Redis (${reason})`, () => {
  it('stores on PostgreSQL: tables made on start, every acknowledged edit appended before the ack, kept across a restart', async () => {
    const url = await database();
    const first = await instance(url, undefined, 600_000);
    const ana = await first.member('Ana', 'admin');
    const name = teamDocumentName(first.server.workspaceId, 'table/notes/0');
    const doc = first.client().open(name, ana.memberToken);
    await doc.ready;
    doc.doc.getMap('n1').set('title', 'Deploys are slow');
    doc.doc.getText('body').insert(0, 'hello');
    doc.doc.getMap('n1').delete('title');
    doc.doc.getMap('n1').set('owner', 'Ana');
    await doc.acknowledged();

    const reader = await openPostgresTeamStore(url);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await reader.fetch(name)) ?? new Uint8Array());
    await reader.close();
    expect(stored.getMap('n1').toJSON()).toEqual({ owner: 'Ana' });
    expect(stored.getText('body').toString()).toBe('hello');

    first.disconnectClients();
    await expect.poll(() => first.server.hocuspocus.getDocumentsCount()).toBe(0);
    await first.stop();
    const second = await instance(url);
    expect(second.server.workspaceId).toBe(first.server.workspaceId);
    expect((await second.api('/team/me', { token: ana.memberToken })).status).toBe(200);
    const again = second.client().open(name, ana.memberToken);
    await again.ready;
    expect(again.doc.getMap('n1').toJSON()).toEqual({ owner: 'Ana' });
  });

  it('compacting never drops an update another instance logged meanwhile', async () => {
    const url = await database();
    const one = await openPostgresTeamStore(url);
    const two = await openPostgresTeamStore(url);
    const a = new Y.Doc();
    a.getMap('m').set('a', 1);
    const b = new Y.Doc();
    b.getMap('m').set('b', 2);
    await one.append('ws/w/x', Y.encodeStateAsUpdate(a));
    await two.append('ws/w/x', Y.encodeStateAsUpdate(b));
    // Instance one knows only its own update when it compacts.
    await one.store('ws/w/x', Y.encodeStateAsUpdate(a));
    const merged = new Y.Doc();
    Y.applyUpdate(merged, (await two.fetch('ws/w/x')) ?? new Uint8Array());
    expect(merged.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    await one.close();
    await two.close();
  });

  it('compacting never drops an update another instance appended with a lower id but committed after the compaction read the log', async () => {
    const url = await database();
    const store = await openPostgresTeamStore(url);
    const lateWriter = new pg.Client({ connectionString: url });
    const blocker = new pg.Client({ connectionString: url });
    const watcher = new pg.Client({ connectionString: url });
    await Promise.all([lateWriter.connect(), blocker.connect(), watcher.connect()]);
    const update = (key: string) => {
      const doc = new Y.Doc();
      doc.getMap('m').set(key, key);
      return Buffer.from(Y.encodeStateAsUpdate(doc));
    };
    try {
      // Instance one's append takes the lower id and has not committed yet; instance two's commits.
      await lateWriter.query('BEGIN');
      await lateWriter.query('INSERT INTO team_updates (name, data) VALUES ($1, $2)', ['ws/w/x', update('late')]);
      await store.append('ws/w/x', update('early'));
      // The compaction reads the log (seeing only 'early'), then waits on the snapshot table...
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE team_documents IN EXCLUSIVE MODE');
      const compacting = store.store('ws/w/x', new Uint8Array(update('early')));
      await expect
        .poll(async () => (await watcher.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO team_documents%'")).rows[0]?.n)
        .toBe('1');
      // ...while the lower-id append commits; then the compaction goes on and drops what it merged.
      await lateWriter.query('COMMIT');
      await blocker.query('COMMIT');
      await compacting;
      const merged = new Y.Doc();
      Y.applyUpdate(merged, (await store.fetch('ws/w/x')) ?? new Uint8Array());
      expect(merged.getMap('m').toJSON()).toEqual({ early: 'early', late: 'late' });
    } finally {
      await Promise.all([lateWriter.end(), blocker.end(), watcher.end()]);
      await store.close();
    }
  });

  it('runs two instances behind Redis: edits and revocations cross over, and a third instance refuses to start', async () => {
    if (!services) throw new Error(reason);
    const url = await database();
    const a = await instance(url, services.redisUrl);
    const b = await instance(url, services.redisUrl);
    const ana = await a.member('Ana', 'admin');
    const bo = await b.member('Bo');
    const name = teamDocumentName(a.server.workspaceId, 'note/n1');
    const onA = a.client().open(name, ana.memberToken);
    const boClient = b.client();
    const onB = boClient.open(name, bo.memberToken);
    await Promise.all([onA.ready, onB.ready]);
    onA.doc.getText('body').insert(0, 'from A ');
    onB.doc.getMap('meta').set('title', 'from B');
    await until(onB.doc, () => onB.doc.getText('body').toString() === 'from A ');
    await until(onA.doc, () => onA.doc.getMap('meta').get('title') === 'from B');

    const third = await openPostgresTeamStore(url);
    await expect(startTeam({ store: third, redisUrl: services.redisUrl })).rejects.toThrow(TooManyInstances);
    await expect(startTeam({ store: third, redisUrl: services.redisUrl })).rejects.toThrow(/already run on this Redis.*#1151/);
    await third.close();

    // Revoked through instance A, Bo's socket on instance B closes.
    const closed = new Promise<void>((resolve) => boClient.socket.on('disconnect', () => resolve()));
    expect((await a.api(`/team/members/${bo.memberId}/revoke`, { token: ana.memberToken, body: {} })).status).toBe(200);
    await closed;
    expect((await b.api('/team/me', { token: bo.memberToken })).status).toBe(401);

    // When one instance stops, its slot is free again.
    a.disconnectClients();
    b.disconnectClients();
    await a.stop();
    const c = await instance(url, services.redisUrl);
    const reader = c.client().open(name, ana.memberToken);
    await reader.ready;
    await until(reader.doc, () => reader.doc.getText('body').toString() === 'from A ' && reader.doc.getMap('meta').get('title') === 'from B');
  });
});
