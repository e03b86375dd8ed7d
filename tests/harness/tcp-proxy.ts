import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A small TCP proxy on 127.0.0.1 for fault tests: put one in front of each client and break that
 * client's network without touching the others. It forwards bytes unchanged (WebSocket, HTTP,
 * PostgreSQL alike) and can
 * - cut: destroy every open connection (the client sees a dropped link and reconnects);
 * - partition: cut and refuse new connections until `heal()`;
 * - hold: stop forwarding both ways (bytes wait, nothing is lost) until `resume()`;
 * - delay: hold each chunk back by some milliseconds, in order.
 * It records what it forwarded to the client, so a test can search a client's received bytes.
 */
export interface TcpProxy {
  /** The port clients connect to instead of the target's. */
  readonly port: number;
  /** `http://127.0.0.1:<port>/` (or another scheme), to hand to a client. */
  url(scheme?: string): string;
  cut(): void;
  partition(): void;
  heal(): void;
  hold(): void;
  resume(): void;
  delay(ms: number): void;
  /** Connections currently open through the proxy. */
  openConnections(): number;
  /** Every byte forwarded from the target to the client so far, over all connections. */
  receivedByClient(): Buffer;
  /** Every byte forwarded from the client to the target so far. */
  sentByClient(): Buffer;
  /** True when the client received these bytes (e.g. a marker string, as UTF-8). */
  clientReceived(needle: string | Uint8Array): boolean;
  close(): Promise<void>;
}

export interface TcpProxyTarget {
  readonly host?: string;
  readonly port: number;
}

interface Link {
  readonly client: Socket;
  readonly upstream: Socket;
}

/** Forwards `from` to `to` with the proxy's current delay and hold, preserving order. */
function forward(from: Socket, to: Socket, state: { delayMs: number; isHeld: boolean }, record: Buffer[]) {
  const queue: { due: number; chunk: Buffer }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    while (queue.length > 0 && !state.isHeld) {
      const next = queue[0];
      if (next === undefined) break;
      const wait = next.due - Date.now();
      if (wait > 0) {
        timer = setTimeout(flush, wait);
        return;
      }
      queue.shift();
      if (to.destroyed) continue;
      record.push(next.chunk);
      to.write(next.chunk);
    }
  };
  from.on('data', (chunk: Buffer) => {
    queue.push({ due: Date.now() + state.delayMs, chunk });
    if (timer === null && !state.isHeld) flush();
  });
  return {
    kick() {
      if (timer === null) flush();
    },
  };
}

export async function startTcpProxy(target: TcpProxyTarget): Promise<TcpProxy> {
  const host = target.host ?? '127.0.0.1';
  const links = new Set<Link>();
  const kicks = new Set<{ kick(): void }>();
  const toClient: Buffer[] = [];
  const fromClient: Buffer[] = [];
  const state = { delayMs: 0, isHeld: false, isPartitioned: false };

  const drop = (link: Link) => {
    link.client.destroy();
    link.upstream.destroy();
    links.delete(link);
  };

  const server: Server = createServer((client) => {
    if (state.isPartitioned) {
      client.destroy();
      return;
    }
    const upstream = connect({ host, port: target.port });
    const link: Link = { client, upstream };
    links.add(link);
    if (state.isHeld) {
      client.pause();
      upstream.pause();
    }
    const up = forward(client, upstream, state, fromClient);
    const down = forward(upstream, client, state, toClient);
    kicks.add(up);
    kicks.add(down);
    const close = () => {
      kicks.delete(up);
      kicks.delete(down);
      drop(link);
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const cut = () => {
    for (const link of [...links]) drop(link);
  };

  return {
    port,
    url: (scheme = 'http') => `${scheme}://127.0.0.1:${port}/`,
    cut,
    partition() {
      state.isPartitioned = true;
      cut();
    },
    heal() {
      state.isPartitioned = false;
    },
    hold() {
      state.isHeld = true;
      for (const link of links) {
        link.client.pause();
        link.upstream.pause();
      }
    },
    resume() {
      state.isHeld = false;
      for (const link of links) {
        link.client.resume();
        link.upstream.resume();
      }
      for (const kick of kicks) kick.kick();
    },
    delay(ms) {
      state.delayMs = Math.max(0, ms);
    },
    openConnections: () => links.size,
    receivedByClient: () => Buffer.concat(toClient),
    sentByClient: () => Buffer.concat(fromClient),
    clientReceived: (needle) => Buffer.concat(toClient).includes(typeof needle === 'string' ? Buffer.from(needle, 'utf8') : Buffer.from(needle)),
    close: () =>
      new Promise<void>((resolve) => {
        state.isPartitioned = true;
        cut();
        server.close(() => resolve());
      }),
  };
}
