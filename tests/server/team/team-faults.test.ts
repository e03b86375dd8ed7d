import fc from 'fast-check';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildServer } from '../../../scripts/build-server.mjs';
import { openPostgresTeamStore } from '../../../server/team/postgres-team-store';
import { openSqliteTeamStore } from '../../../server/team/sqlite-team-store';
import { DELETED_FIELD, rowMapName } from '../../../shared/sync/synced-tables';
import { teamDocumentName } from '../../../shared/team/team-document-name';
import { networkFault, seededValue, type NetworkFault } from '../../harness/seeded';
import { freePort, startServerProcess, type ServerProcess } from '../../harness/server-process';
import { startTcpProxy, type TcpProxy } from '../../harness/tcp-proxy';
import { liveClient, type LiveClient, type LiveDocumentClient } from '../live-clients';
import { startTeam, type RunningTeam } from './team-fixtures';
import { findTeamServices, freshDatabase } from './team-services';

/**
 * Jepsen-style checks of the team server as its own process (`kill -9` and restart on the same
 * SQLite file), each client behind its own TCP proxy, with a seeded random workload over several
 * documents (rows in Y.Maps, note text) and seeded network faults.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const KEYS = ['table/notes/0', 'table/contacts/0', 'note/n1'] as const;
let entry: string;
const cleanups: (() => Promise<void> | void)[] = [];
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const outDir = join(root, 'node_modules', '.cache', 'team-server-process');
  mkdirSync(outDir, { recursive: true });
  await buildServer(outDir);
  entry = join(outDir, 'team-server.mjs');
}, 120_000);

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startProcess(): Promise<ServerProcess<string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'team-faults-'));
  const server = await startServerProcess<string>({
    entry,
    dataDir,
    args: ({ port, dataDir: data }) => ['--host', '127.0.0.1', '--port', String(port), '--data', data],
    // The admin invite is the last line printed at start.
    ready: (line) => (/^ {2}[A-Za-z0-9_-]{43}$/.test(line) ? line.trim() : null),
  });
  cleanups.push(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return server;
}

async function api(port: number, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Device {
  readonly proxy: TcpProxy;
  client: LiveClient;
  /** The device's local copies (what y-dexie keeps in the app), kept when the client is closed. */
  readonly docs: Map<string, Y.Doc>;
  open: Map<string, LiveDocumentClient>;
}

type Operation =
  | { readonly kind: 'set'; readonly device: number; readonly doc: number; readonly value: string }
  | { readonly kind: 'delete'; readonly device: number; readonly doc: number; readonly pick: number }
  | { readonly kind: 'type'; readonly device: number; readonly at: number; readonly text: string };

const operation = (devices: number): fc.Arbitrary<Operation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), device: fc.nat(devices - 1), doc: fc.nat(1), value: fc.string({ minLength: 1, maxLength: 12 }) }),
    fc.record({ kind: fc.constant('delete' as const), device: fc.nat(devices - 1), doc: fc.nat(1), pick: fc.nat(1000) }),
    fc.record({ kind: fc.constant('type' as const), device: fc.nat(devices - 1), at: fc.nat(1000), text: fc.string({ minLength: 1, maxLength: 8 }) }),
  );

describe('team server under faults', () => {
  it('converges, loses no acknowledged edit and keeps deletes deleted across partitions, kill -9 inside the store debounce, and a client closed while offline', async () => {
    const server = await startProcess();
    const admin = await api(server.port, '/team/join', { inviteToken: server.info, displayName: 'Ana' });
    const workspaceId = String(admin.body.workspaceId);
    const adminToken = String(admin.body.memberToken);
    const tokens = [adminToken];
    for (const name of ['Bo', 'Cy']) {
      const invite = await api(server.port, '/team/invites', {}, adminToken);
      tokens.push(String((await api(server.port, '/team/join', { inviteToken: invite.body.inviteToken, displayName: name })).body.memberToken));
    }
    const names = KEYS.map((key) => teamDocumentName(workspaceId, key));

    const devices: Device[] = [];
    const connect = (proxy: TcpProxy, docs: Map<string, Y.Doc>, index: number) => {
      const client = liveClient(`${proxy.url()}sync`);
      cleanups.push(() => client.destroy());
      return { client, open: new Map(names.map((name) => [name, client.open(name, tokens[index] ?? '', docs.get(name))])) };
    };
    for (let index = 0; index < 3; index++) {
      const proxy = await startTcpProxy({ port: server.port });
      cleanups.push(() => proxy.close());
      const docs = new Map(names.map((name) => [name, new Y.Doc()]));
      devices.push({ proxy, docs, ...connect(proxy, docs, index) });
    }
    await Promise.all(devices.flatMap((device) => [...device.open.values()].map((open) => open.ready)));

    const setKeys: { doc: number; key: string; value: string }[] = [];
    const deleted = new Set<string>();
    let counter = 0;
    const apply = (op: Operation) => {
      const device = devices[op.device];
      if (device === undefined) return;
      if (op.kind === 'type') {
        const text = device.docs.get(names[2] ?? '')?.getText('body');
        text?.insert(op.at % (text.length + 1), op.text);
        return;
      }
      const rows = device.docs.get(names[op.doc] ?? '')?.getMap<string>('rows');
      if (rows === undefined) return;
      if (op.kind === 'set') {
        const key = `k${counter++}`;
        rows.set(key, op.value);
        setKeys.push({ doc: op.doc, key, value: op.value });
        return;
      }
      const candidates = setKeys.filter((entry) => entry.doc === op.doc && !deleted.has(`${entry.doc}/${entry.key}`) && rows.has(entry.key));
      const target = candidates[op.pick % Math.max(1, candidates.length)];
      if (target === undefined) return;
      rows.delete(target.key);
      deleted.add(`${target.doc}/${target.key}`);
    };
    const acknowledged = (devicesToWait: readonly Device[]) => Promise.all(devicesToWait.flatMap((device) => [...device.open.values()].map((open) => open.acknowledged())));

    for (const seed of [11, 23]) {
      const ops = seededValue(fc.array(operation(3), { minLength: 20, maxLength: 30 }), seed);
      const faults = seededValue(fc.array(networkFault(3), { minLength: 3, maxLength: 3 }), seed + 1);
      // Phase 1: edits under seeded faults; heal; everything acknowledged.
      for (const [index, op] of ops.entries()) {
        const planned = faults[index % 10 === 0 ? index / 10 : -1];
        if (planned !== undefined) applyFault(devices[planned.client]?.proxy, planned.fault);
        apply(op);
        if (index % 5 === 4) await tick(5);
      }
      for (const device of devices) {
        device.proxy.heal();
        device.proxy.resume();
        device.proxy.delay(0);
      }
      await acknowledged(devices);
    }
    const acknowledgedRows = JSON.stringify(names.map((name) => devices[0]?.docs.get(name)?.getMap('rows').toJSON()));

    // Phase 2: acknowledged edits, then kill -9 inside the store debounce (1 s) and a restart.
    for (let index = 0; index < 6; index++) apply({ kind: 'set', device: index % 3, doc: index % 2, value: `before-kill-${index}` });
    apply({ kind: 'type', device: 1, at: 0, text: 'typed-before-kill ' });
    await acknowledged(devices);
    const mustSurvive = setKeys.slice(-6);
    await server.kill9();
    // Device 2 goes offline, edits, and is closed (its local copy kept) while the server is down.
    const offline = devices[2];
    if (offline === undefined) throw new Error('no device');
    offline.proxy.partition();
    apply({ kind: 'set', device: 2, doc: 0, value: 'written-offline' });
    apply({ kind: 'type', device: 2, at: 0, text: 'offline-text ' });
    offline.client.destroy();
    await server.restart();
    // Device 2 reopens from its local copy and syncs.
    offline.proxy.heal();
    Object.assign(offline, connect(offline.proxy, offline.docs, 2));
    await acknowledged(devices);

    // Every replica converges, and so does a fresh reader of the stored state.
    const reader = liveClient(`http://127.0.0.1:${server.port}/sync`);
    cleanups.push(() => reader.destroy());
    const fresh = names.map((name) => reader.open(name, adminToken));
    await Promise.all(fresh.map((open) => open.ready));
    const expected = (doc: Y.Doc) => JSON.stringify({ rows: Object.entries(doc.getMap('rows').toJSON()).sort(([a], [b]) => a.localeCompare(b)), body: doc.getText('body').toString() });
    for (const [position, name] of names.entries()) {
      const target = fresh[position];
      if (target === undefined) throw new Error('no reader');
      await expect.poll(() => devices.map((device) => expected(device.docs.get(name) ?? new Y.Doc()) === expected(target.doc)), { timeout: 20_000 }).toEqual([true, true, true]);
    }
    const finalRows = names.map((name) => fresh[names.indexOf(name)]?.doc.getMap<string>('rows').toJSON() ?? {});
    // No acknowledged edit lost; deletes stay deleted.
    for (const entry of setKeys) {
      const row = finalRows[entry.doc] ?? {};
      if (deleted.has(`${entry.doc}/${entry.key}`)) expect(row[entry.key]).toBeUndefined();
      else expect(row[entry.key]).toBe(entry.value);
    }
    for (const entry of mustSurvive) expect(finalRows[entry.doc]?.[entry.key]).toBe(entry.value);
    expect(Object.values(finalRows[0] ?? {})).toContain('written-offline');
    expect(fresh[2]?.doc.getText('body').toString()).toContain('typed-before-kill');
    expect(fresh[2]?.doc.getText('body').toString()).toContain('offline-text');
    expect(acknowledgedRows.length).toBeGreaterThan(2);

    // A wrong token through its own proxy receives none of the workspace's bytes.
    const intruderProxy = await startTcpProxy({ port: server.port });
    cleanups.push(() => intruderProxy.close());
    const intruder = liveClient(`${intruderProxy.url()}sync`);
    cleanups.push(() => intruder.destroy());
    await expect(intruder.open(names[0] ?? '', 'C'.repeat(43)).ready).rejects.toThrow(/refused/);
    expect(intruderProxy.clientReceived('written-offline')).toBe(false);
    expect(intruderProxy.clientReceived('before-kill-0')).toBe(false);

    // Everyone leaves: the server's open documents return to zero; the stored file has it all.
    for (const device of devices) device.client.destroy();
    reader.destroy();
    intruder.destroy();
    await expect.poll(async () => (await api(server.port, '/team/health')).body.openDocuments, { timeout: 20_000 }).toBe(0);
    await server.stop();
    const stored = openSqliteTeamStore(join(server.dataDir, 'team.sqlite'));
    const storedDoc = new Y.Doc();
    Y.applyUpdate(storedDoc, (await stored.fetch(names[0] ?? '')) ?? new Uint8Array());
    await stored.close();
    expect(storedDoc.getMap('rows').toJSON()).toEqual(finalRows[0]);
  }, 120_000);
});

function applyFault(proxy: TcpProxy | undefined, fault: NetworkFault) {
  if (proxy === undefined) return;
  if (fault.kind === 'cut') proxy.cut();
  if (fault.kind === 'partition') proxy.partition();
  if (fault.kind === 'hold') proxy.hold();
  if (fault.kind === 'delay') proxy.delay(fault.ms);
}

const { services, reason } = await findTeamServices();

interface RowOp {
  readonly kind: 'create' | 'edit' | 'delete';
  readonly device: number;
  readonly pick: number;
  readonly value: string;
}

/** Every stored row of `name` on PostgreSQL, as a fresh server would load it. */
async function storedRows(url: string, name: string): Promise<Record<string, unknown>> {
  const store = await openPostgresTeamStore(url);
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await store.fetch(name)) ?? new Uint8Array());
    return doc.getMap('rows').toJSON();
  } finally {
    await store.close();
  }
}

/** A Redis of this test's own (Debian's redis-server, as .ci/run installs it), to kill -9 and start again on the same port. */
async function ownRedis(port: number): Promise<{ url: string; kill9(): Promise<void>; start(): Promise<void> }> {
  let child: ChildProcess | null = null;
  const start = async () => {
    const started = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
    child = started;
    await new Promise<void>((resolve, reject) => {
      started.once('error', reject);
      started.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) resolve();
      });
    });
  };
  const kill9 = async () => {
    const running = child;
    if (running === null || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await start();
  cleanups.push(kill9);
  return { url: `redis://127.0.0.1:${port}`, kill9, start };
}

describe.skipIf(services === null)(`team server when PostgreSQL or Redis goes away while clients write (${reason})`, () => {
  async function instance(url: string, redisUrl?: string): Promise<RunningTeam> {
    const running = await startTeam({ store: await openPostgresTeamStore(url), redisUrl, storeDebounceMs: 50 });
    cleanups.push(() => running.stop());
    return running;
  }

  async function database(): Promise<string> {
    if (services === null) throw new Error(reason);
    const created = await freshDatabase(services.postgresUrl);
    cleanups.push(created.drop);
    return created.url;
  }

  it('PostgreSQL dropping every connection and refusing new ones for a while (a restart, as the server sees it): clients recover by themselves once it is back, nothing acknowledged is lost, everything converges', async () => {
    const url = await database();
    // The server reaches PostgreSQL through a proxy of its own: the outage hits only this server,
    // not the other test files that share the cluster.
    const target = new URL(url);
    const proxy = await startTcpProxy({ port: Number(target.port) });
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(url);
    viaProxy.port = String(proxy.port);
    const team = await instance(viaProxy.toString());
    const ana = await team.member('Ana', 'admin');
    const bo = await team.member('Bo');
    const name = teamDocumentName(team.server.workspaceId, 'table/notes/0');
    const a = team.client().open(name, ana.memberToken);
    const b = team.client().open(name, bo.memberToken);
    await Promise.all([a.ready, b.ready]);
    a.doc.getMap('rows').set('before-a', 'acknowledged');
    b.doc.getMap('rows').set('before-b', 'acknowledged');
    await Promise.all([a.acknowledged(), b.acknowledged()]);

    proxy.partition();
    const written = ['before-a', 'before-b'];
    for (let index = 0; index < 6; index++) {
      a.doc.getMap('rows').set(`during-a-${index}`, 'written while the database was away');
      b.doc.getMap('rows').set(`during-b-${index}`, 'written while the database was away');
      written.push(`during-a-${index}`, `during-b-${index}`);
      await tick(40);
    }
    // The outage was hit: a write could not be stored, and nothing unstored was acknowledged.
    await expect.poll(() => team.logged.some((entry) => entry.event === 'store-unavailable'), { timeout: 20_000 }).toBe(true);
    proxy.heal();
    a.doc.getMap('rows').set('after-a', 'written once it was back');
    written.push('after-a');

    const sorted = (doc: Y.Doc) => JSON.stringify(Object.entries(doc.getMap('rows').toJSON()).sort(([x], [y]) => x.localeCompare(y)));
    const same = () => sorted(a.doc) === sorted(b.doc);
    await expect.poll(async () => Object.keys(await storedRows(url, name)).sort(), { timeout: 30_000 }).toEqual([...written].sort());
    await expect.poll(() => same() && Object.keys(b.doc.getMap('rows').toJSON()).length === written.length, { timeout: 30_000 }).toBe(true);
  }, 90_000);

  it('Redis killed and restarted while clients on two instances write: both instances catch up without another edit, nothing acknowledged is lost', async () => {
    const url = await database();
    const redis = await ownRedis(await freePort());
    const one = await instance(url, redis.url);
    const two = await instance(url, redis.url);
    const ana = await one.member('Ana', 'admin');
    const bo = await two.member('Bo');
    const name = teamDocumentName(one.server.workspaceId, 'table/notes/0');
    const a = one.client().open(name, ana.memberToken);
    const b = two.client().open(name, bo.memberToken);
    await Promise.all([a.ready, b.ready]);
    a.doc.getMap('rows').set('before-a', 'acknowledged');
    await a.acknowledged();
    await expect.poll(() => b.doc.getMap('rows').get('before-a'), { timeout: 20_000 }).toBe('acknowledged');

    await redis.kill9();
    const written = ['before-a'];
    for (let index = 0; index < 4; index++) {
      a.doc.getMap('rows').set(`during-a-${index}`, 'on instance one while Redis was away');
      b.doc.getMap('rows').set(`during-b-${index}`, 'on instance two while Redis was away');
      written.push(`during-a-${index}`, `during-b-${index}`);
      await tick(40);
    }
    await Promise.all([a.acknowledged(), b.acknowledged()]);
    await tick(300);
    await redis.start();

    // No edit after Redis returned: the instances exchange what they missed on their own.
    const keys = (doc: Y.Doc) => Object.keys(doc.getMap('rows').toJSON()).sort();
    await expect.poll(() => keys(a.doc), { timeout: 30_000 }).toEqual([...written].sort());
    await expect.poll(() => keys(b.doc), { timeout: 30_000 }).toEqual([...written].sort());
    expect(Object.keys(await storedRows(url, name)).sort()).toEqual([...written].sort());
  }, 90_000);

  it('two instances behind Redis, one client partitioned from its instance, one clock three hours fast: seeded workloads converge, nothing acknowledged is lost, deletes stay deleted, and a later edit wins whatever the clocks say', async () => {
    // Field conflicts are settled by Yjs (causal order, then client id), never by the wall clock:
    // the engine stamps `at` only into history entries and tombstones. Rows here are shaped like
    // the engine's (one Y.Map per row, a tombstone field for a delete), each value stamped with its
    // writer's clock.
    const url = await database();
    const redis = await ownRedis(await freePort());
    const one = await instance(url, redis.url);
    const two = await instance(url, redis.url);
    const tokens = [(await one.member('Ana', 'admin')).memberToken, (await two.member('Bo')).memberToken, (await two.member('Cy')).memberToken];
    const name = teamDocumentName(one.server.workspaceId, 'table/notes/0');
    const proxy = await startTcpProxy({ port: Number(new URL(one.url).port) });
    cleanups.push(() => proxy.close());
    const clients = [liveClient(`${proxy.url()}sync`), two.client(), two.client()];
    cleanups.push(() => clients[0]?.destroy());
    const SKEW_MS = 3 * 60 * 60_000;
    const clockOf = [0, 0, SKEW_MS];
    const open = clients.map((client, index) => client.open(name, tokens[index] ?? ''));
    await Promise.all(open.map((device) => device.ready));
    const docOf = (device: number) => open[device]?.doc ?? new Y.Doc();
    const write = (device: number, key: string, value: string) => docOf(device).getMap<unknown>(rowMapName(key)).set('title', { value, at: Date.now() + (clockOf[device] ?? 0) });
    const rowOf = (doc: Y.Doc, key: string) => doc.getMap<unknown>(rowMapName(key));
    const titleOf = (doc: Y.Doc, key: string): unknown => {
      const title = rowOf(doc, key).get('title');
      return typeof title === 'object' && title !== null ? Reflect.get(title, 'value') : undefined;
    };

    const rowOp: fc.Arbitrary<RowOp> = fc.record({ kind: fc.constantFrom('create' as const, 'create' as const, 'edit' as const, 'delete' as const), device: fc.nat(2), pick: fc.nat(1000), value: fc.string({ minLength: 1, maxLength: 10 }) });
    const created: string[] = [];
    const written = new Map<string, Set<string>>();
    const edited = new Set<string>();
    const deleted = new Set<string>();
    for (const seed of [5, 17]) {
      const ops = seededValue(fc.array(rowOp, { minLength: 20, maxLength: 30 }), seed);
      const faults = seededValue(fc.array(networkFault(1), { minLength: 4, maxLength: 4 }), seed + 1);
      for (const [index, op] of ops.entries()) {
        const planned = index % 7 === 0 ? faults[index / 7] : undefined;
        if (planned !== undefined) applyFault(proxy, planned.fault);
        if (op.kind === 'create' || created.length === 0) {
          const key = `r${created.length}`;
          created.push(key);
          written.set(key, new Set([op.value]));
          write(op.device, key, op.value);
        } else {
          const key = created[op.pick % created.length] ?? '';
          if (op.kind === 'edit') {
            write(op.device, key, op.value);
            written.get(key)?.add(op.value);
            edited.add(key);
          } else {
            rowOf(docOf(op.device), key).set(DELETED_FIELD, { at: Date.now() + (clockOf[op.device] ?? 0), by: op.device });
            deleted.add(key);
          }
        }
        if (index % 5 === 4) await tick(5);
      }
      proxy.heal();
      proxy.resume();
      proxy.delay(0);
      await Promise.all(open.map((device) => device.acknowledged()));
    }

    // A later edit wins over an earlier one even when the earlier one carries a stamp three hours
    // newer: the skewed device writes, the partitioned-then-healed device sees it and writes after.
    write(2, 'contested', 'earlier, stamped three hours ahead');
    await open[2]?.acknowledged();
    await expect.poll(() => titleOf(docOf(0), 'contested'), { timeout: 20_000 }).toBe('earlier, stamped three hours ahead');
    write(0, 'contested', 'later, stamped on time');
    await open[0]?.acknowledged();
    // And concurrent edits (device 0 cut off meanwhile) settle on one value everywhere.
    proxy.partition();
    write(0, 'concurrent', 'from the partitioned device');
    write(2, 'concurrent', 'from the skewed device');
    await tick(100);
    proxy.heal();

    const snapshot = (doc: Y.Doc) => JSON.stringify([...created, 'contested', 'concurrent'].map((key) => [key, Object.entries(rowOf(doc, key).toJSON()).sort(([a], [b]) => a.localeCompare(b))]));
    await expect.poll(() => new Set([0, 1, 2].map((device) => snapshot(docOf(device)))).size, { timeout: 30_000 }).toBe(1);
    const final = docOf(1);
    expect(titleOf(final, 'contested')).toBe('later, stamped on time');
    expect(['from the partitioned device', 'from the skewed device']).toContain(titleOf(final, 'concurrent'));
    for (const key of created) {
      // Deletes stay deleted, whatever was edited concurrently; nothing acknowledged is lost.
      expect(rowOf(final, key).has(DELETED_FIELD)).toBe(deleted.has(key));
      const title = titleOf(final, key);
      expect(written.get(key)?.has(String(title))).toBe(true);
      if (!edited.has(key)) expect(title).toBe([...(written.get(key) ?? [])][0]);
    }
    // The stored state (a fresh load from PostgreSQL) is the same.
    await expect.poll(async () => {
      const reread = await openPostgresTeamStore(url);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await reread.fetch(name)) ?? new Uint8Array());
      await reread.close();
      return snapshot(doc);
    }, { timeout: 20_000 }).toBe(snapshot(final));
  }, 120_000);
});
