import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLiveWorkshopHandlers, findNode, NEEDS_NODE, NOT_IN_THIS_BUILD, readyAdminUrl, type LiveServerChild, type LiveWorkshopDeps } from '../../../../electron/main/ipc/live-workshop';
import { IpcHandlerError } from '../../../../electron/main/ipc/ipc-handler-error';
import { freePort } from '../../../harness/server-process';
import { buildHostProcess } from '../../../server/workshop-cluster';

const SECRET = 's'.repeat(43);
const ADMIN = 'http://127.0.0.1:40123/api/live/';

class FakeChild extends EventEmitter implements LiveServerChild {
  readonly stdout = new EventEmitter();
  readonly kills: (string | undefined)[] = [];
  kill(signal?: NodeJS.Signals) {
    this.kills.push(signal);
    return true;
  }
  ready(url = ADMIN) {
    this.stdout.emit('data', Buffer.from(`{"at":"x","level":"info","event":"booting"}\n${JSON.stringify({ event: 'ready', adminUrl: url })}\n`));
  }
}

function setup(overrides: Partial<LiveWorkshopDeps> = {}, answer: (url: string) => { status: number; body: unknown } = () => ({ status: 200, body: [] })) {
  const children: FakeChild[] = [];
  const spawned: { command: string; args: readonly string[]; env: Readonly<Record<string, string>> }[] = [];
  const deps: LiveWorkshopDeps = {
    serverEntry: '/app/dist/server/host-process.mjs',
    participantDir: '/app/dist/participant',
    dataDir: '/home/a/.config/Discovery Desk/live-workshops',
    env: { PATH: '/usr/local/bin:/usr/bin', ELECTRON_RUN_AS_NODE: '1', HOME: '/home/a' },
    platform: 'linux',
    exists: (path) => path === '/app/dist/server/host-process.mjs' || path === '/usr/bin/node',
    spawn: (command, args, env) => {
      spawned.push({ command, args, env });
      const child = new FakeChild();
      children.push(child);
      // The server reports ready on its next turn, as a real process would.
      queueMicrotask(() => child.ready());
      return child;
    },
    fetch: vi.fn(async (url: string) => {
      const { status, body } = answer(url);
      return { ok: status < 300, status, json: async () => body };
    }),
    randomSecret: () => SECRET,
    ...overrides,
  };
  return { live: createLiveWorkshopHandlers(deps), children, spawned, deps };
}

async function refusal(promise: Promise<unknown>): Promise<IpcHandlerError> {
  const caught: unknown = await promise.then(() => null, (error: unknown) => error);
  if (!(caught instanceof IpcHandlerError)) throw new Error(`expected an IpcHandlerError, got ${String(caught)}`);
  return caught;
}

describe('findNode', () => {
  it('takes the first node on PATH, on POSIX and Windows', () => {
    expect(findNode('/opt/x:/usr/bin:/bin', 'linux', (path) => path === '/usr/bin/node' || path === '/bin/node')).toBe('/usr/bin/node');
    expect(findNode('C:\\Tools;C:\\Program Files\\nodejs\\', 'win32', (path) => path === 'C:\\Program Files\\nodejs\\node.exe')).toBe('C:\\Program Files\\nodejs\\node.exe');
    expect(findNode(undefined, 'linux', () => true)).toBeNull();
    expect(findNode('/usr/bin', 'linux', () => false)).toBeNull();
  });
});

describe('readyAdminUrl', () => {
  it('accepts only the loopback admin address of the ready line', () => {
    expect(readyAdminUrl(JSON.stringify({ event: 'ready', adminUrl: ADMIN }))).toBe(ADMIN);
    expect(readyAdminUrl(JSON.stringify({ event: 'ready', adminUrl: 'http://192.168.1.5:40123/api/live/' }))).toBeNull();
    expect(readyAdminUrl('{"event":"listening"}')).toBeNull();
    expect(readyAdminUrl('not json')).toBeNull();
  });
});

describe('live workshop in the desktop app', () => {
  it('says plainly that live workshops need Node when none is on PATH, and starts nothing', async () => {
    const { live, spawned } = setup({ exists: (path) => path.endsWith('host-process.mjs') });
    const error = await refusal(live.handlers.liveAddresses());
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(NEEDS_NODE);
    expect(spawned).toHaveLength(0);
  });

  it('says so when this build has no workshop server', async () => {
    const { live } = setup({ exists: () => false });
    expect((await refusal(live.handlers.liveStart({ host: '127.0.0.1', port: 4321, input: { title: 't', budget: 3, cards: [], buckets: [], placements: {}, participants: [] } }))).message).toBe(NOT_IN_THIS_BUILD);
  });

  it('polling the state starts nothing; the first real call starts the server once with the system Node and a fresh secret', async () => {
    const { live, spawned, deps } = setup({}, (url) => ({ status: 200, body: url.endsWith('state') ? { isRunning: false } : [{ address: '127.0.0.1', label: 'This computer only', isLoopback: true }] }));
    await expect(live.handlers.liveState()).resolves.toBeNull();
    expect(spawned).toHaveLength(0);

    await expect(live.handlers.liveAddresses()).resolves.toEqual([{ address: '127.0.0.1', label: 'This computer only', isLoopback: true }]);
    await live.handlers.liveAddresses();
    await expect(live.handlers.liveState()).resolves.toBeNull();
    expect(spawned).toHaveLength(1);
    expect(spawned[0]?.command).toBe('/usr/bin/node');
    expect(spawned[0]?.args).toEqual(['/app/dist/server/host-process.mjs']);
    // Only what the server needs: never ELECTRON_RUN_AS_NODE or the rest of the app's environment.
    expect(spawned[0]?.env).toEqual({ LIVE_WORKSHOP_DATA: deps.dataDir, LIVE_ADMIN_SECRET: SECRET, LIVE_PARTICIPANT_DIR: deps.participantDir, PATH: '/usr/local/bin:/usr/bin' });
    expect(deps.fetch).toHaveBeenCalledWith(`${ADMIN}addresses`, expect.objectContaining({ method: 'GET', headers: expect.objectContaining({ 'x-live-admin': SECRET }) }));
    expect(deps.fetch).toHaveBeenCalledWith(`${ADMIN}state`, expect.anything());
  });

  it('passes the server’s own words on a refusal, and starts the server again after it died', async () => {
    const { live, children, spawned } = setup({}, (url) => (url.endsWith('command') ? { status: 409, body: { message: 'No live workshop is running.' } } : { status: 200, body: [] }));
    const error = await refusal(live.handlers.liveCommand({ command: 'reveal-votes' }));
    expect(error).toMatchObject({ code: 'refused', message: 'No live workshop is running.' });
    children[0]?.emit('exit', 137);
    await live.handlers.liveAddresses();
    expect(spawned).toHaveLength(2);
  });

  it('reports a server that exits before it is ready, then tries again on the next call', async () => {
    let isFirst = true;
    const children: FakeChild[] = [];
    const { live } = setup({
      spawn: () => {
        const child = new FakeChild();
        children.push(child);
        const fails = isFirst;
        isFirst = false;
        queueMicrotask(() => (fails ? child.emit('exit', 1) : child.ready()));
        return child;
      },
    });
    expect((await refusal(live.handlers.liveAddresses())).code).toBe('unavailable');
    await expect(live.handlers.liveAddresses()).resolves.toEqual([]);
    expect(children).toHaveLength(2);
  });

  it('stops the server when the app quits', async () => {
    const { live, children } = setup();
    await live.handlers.liveAddresses();
    live.stop();
    expect(children[0]?.kills).toEqual(['SIGTERM']);
  });
});

describe('live workshop in the desktop app, with the real server', () => {
  it('starts the built server with the system Node, runs a workshop through the verbs, and stops it', { timeout: 120_000 }, async () => {
    const entry = await buildHostProcess();
    const dataDir = mkdtempSync(join(tmpdir(), 'desktop-live-'));
    const live = createLiveWorkshopHandlers({
      serverEntry: entry,
      participantDir: join(dataDir, 'no-page'),
      dataDir,
      env: { PATH: process.env.PATH },
      platform: process.platform,
      exists: existsSync,
      spawn: (command, args, env) => spawn(command, [...args], { env, stdio: ['pipe', 'pipe', 'inherit'] }),
      fetch: (url, init) => fetch(url, init),
      randomSecret: () => 'desktop-test-secret-0123456789-abcdefghij',
    });
    try {
      expect((await live.handlers.liveAddresses()).map((address) => address.address)).toContain('127.0.0.1');
      const port = await freePort();
      const info = await live.handlers.liveStart({ host: '127.0.0.1', port, input: { title: 'Desktop round', budget: 3, cards: [], buckets: [{ id: 'b1', title: 'Speed' }], placements: {}, participants: [{ id: 'p1', name: 'Ana' }] } });
      expect(info.url).toBe(`http://127.0.0.1:${port}/`);
      const joined = await fetch(`${info.url}api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: info.joinCode, name: 'Ana' }) });
      expect(joined.status).toBe(200);
      await expect(live.handlers.liveState()).resolves.toMatchObject({ joinCode: info.joinCode, roster: [{ id: 'p1', name: 'Ana', hasJoined: true }] });
      await live.handlers.liveCommand({ command: 'release-seat', participantId: 'p1' });
      const outcome = await live.handlers.liveEnd();
      expect(outcome.participants).toEqual([{ id: 'p1', name: 'Ana' }]);
      await expect(live.handlers.liveState()).resolves.toBeNull();
    } finally {
      live.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
