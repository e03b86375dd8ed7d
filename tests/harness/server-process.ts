import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

/**
 * A server under test as its own Node process, so a test can `kill -9` it (no graceful shutdown,
 * no flush) and start it again on the same data folder and port. Generic: the entry is any built
 * `.mjs`/`.js` file; how the port and data folder reach it is the caller's `args` and `env`.
 */
export interface ServerProcessOptions<T> {
  /** A built JavaScript entry, run with this Node (`process.execPath`). */
  readonly entry: string;
  /** The server's data folder; kept across restarts. */
  readonly dataDir: string;
  /** The port the server must use; default a free one, kept across restarts. */
  readonly port?: number;
  readonly args?: (where: ServerWhere) => readonly string[];
  readonly env?: (where: ServerWhere) => Readonly<Record<string, string>>;
  /** Reads one line the server printed on stdout; returns a value once the server is ready, else null. */
  readonly ready: (line: string) => T | null;
  /** How long a start may take before it fails (default 20 s). */
  readonly startTimeoutMs?: number;
}

export interface ServerWhere {
  readonly port: number;
  readonly dataDir: string;
}

export interface ServerProcess<T> {
  readonly port: number;
  readonly dataDir: string;
  /** What `ready` returned for the running process. */
  readonly info: T;
  readonly pid: number | undefined;
  /** Everything the process printed (stdout and stderr), across restarts. */
  output(): string;
  /** SIGKILL: the process gets no chance to store anything; resolves once it has exited. */
  kill9(): Promise<void>;
  /** Starts the server again on the same port and data folder (after kill9 or stop). */
  restart(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** A port free on 127.0.0.1 right now (bound to 0, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServerProcess<T>(options: ServerProcessOptions<T>): Promise<ServerProcess<T>> {
  const port = options.port ?? (await freePort());
  const where: ServerWhere = { port, dataDir: options.dataDir };
  const log: string[] = [];
  let child: ChildProcess | null = null;
  let info: T | null = null;

  async function launch(): Promise<void> {
    const started = spawn(process.execPath, [options.entry, ...(options.args?.(where) ?? [])], {
      env: { ...process.env, ...options.env?.(where) },
      // stdin stays open: a server may treat its end as the parent's exit.
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = started;
    started.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
    info = await new Promise<T>((resolve, reject) => {
      let pending = '';
      const timer = setTimeout(() => {
        started.kill('SIGKILL');
        reject(new Error(`The server did not report ready within ${options.startTimeoutMs ?? 20_000} ms. Output:\n${log.join('')}`));
      }, options.startTimeoutMs ?? 20_000);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`The server exited (${code}) before it was ready. Output:\n${log.join('')}`));
      };
      started.once('exit', onExit);
      let isReady = false;
      started.stdout?.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        log.push(text);
        if (isReady) return;
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          const value = options.ready(line);
          if (value === null) continue;
          isReady = true;
          clearTimeout(timer);
          started.off('exit', onExit);
          resolve(value);
          return;
        }
      });
    });
  }

  await launch();
  return {
    port,
    dataDir: options.dataDir,
    get info() {
      if (info === null) throw new Error('The server is not running.');
      return info;
    },
    get pid() {
      return child?.pid;
    },
    output: () => log.join(''),
    async kill9() {
      if (child === null) return;
      const running = child;
      running.kill('SIGKILL');
      await exited(running);
      child = null;
      info = null;
    },
    async restart() {
      if (child !== null) throw new Error('Stop or kill the server before restarting it.');
      await launch();
    },
    async stop() {
      if (child === null) return;
      const running = child;
      running.kill('SIGTERM');
      await exited(running);
      child = null;
      info = null;
    },
  };
}
