import { afterEach, describe, expect, it } from 'vitest';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

let echo: Server;
let proxy: TcpProxy;
const sockets: Socket[] = [];

async function startEcho() {
  echo = createServer((socket) => socket.on('data', (chunk) => socket.write(chunk)));
  await new Promise<void>((resolve) => echo.listen({ host: '127.0.0.1', port: 0 }, () => resolve()));
  proxy = await startTcpProxy({ port: (echo.address() as AddressInfo).port });
}

function open(): Promise<{ socket: Socket; received: () => string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port: proxy.port }, () => resolve({ socket, received: () => Buffer.concat(chunks).toString('utf8') }));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    sockets.push(socket);
  });
}

function untilReceived(read: () => string, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (read() === text ? resolve() : setTimeout(check, 5));
    check();
  });
}

const closed = (socket: Socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await proxy.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

describe('tcp proxy', () => {
  it('forwards both ways and records what the client received', { timeout: 10_000 }, async () => {
    await startEcho();
    const client = await open();
    client.socket.write('marker-abc');
    await untilReceived(client.received, 'marker-abc');
    expect(proxy.clientReceived('marker-abc')).toBe(true);
    expect(proxy.clientReceived('marker-xyz')).toBe(false);
    expect(proxy.sentByClient().toString('utf8')).toBe('marker-abc');
  });

  it('holds bytes without losing them, then delivers them in order; delay keeps the order too', { timeout: 10_000 }, async () => {
    await startEcho();
    const client = await open();
    proxy.hold();
    client.socket.write('one,');
    client.socket.write('two,');
    await tick(100);
    expect(client.received()).toBe('');
    proxy.resume();
    await untilReceived(client.received, 'one,two,');
    proxy.delay(30);
    client.socket.write('three,');
    proxy.delay(0);
    client.socket.write('four');
    await untilReceived(client.received, 'one,two,three,four');
  });

  it('cut drops open connections; partition also refuses new ones until healed', { timeout: 10_000 }, async () => {
    await startEcho();
    const first = await open();
    proxy.cut();
    await closed(first.socket);
    const second = await open();
    second.socket.write('still works');
    await untilReceived(second.received, 'still works');
    proxy.partition();
    await closed(second.socket);
    const refused = await open();
    await closed(refused.socket);
    expect(proxy.openConnections()).toBe(0);
    proxy.heal();
    const third = await open();
    third.socket.write('healed');
    await untilReceived(third.received, 'healed');
  });
});
