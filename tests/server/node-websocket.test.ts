import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeTestWebSocket } from './node-websocket';

let server: Server | undefined;
const held: Socket[] = [];

afterEach(async () => {
  for (const socket of held.splice(0)) socket.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A TCP server that accepts and never answers the WebSocket handshake: a socket to it stays connecting. */
async function silentServer(): Promise<number> {
  server = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('NodeTestWebSocket', () => {
  it('closed while still connecting, with no listener of its own, reports the close and raises no uncaught error', async () => {
    const port = await silentServer();
    const socket = new NodeTestWebSocket(`ws://127.0.0.1:${port}/`);
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
    expect(socket.readyState).toBe(NodeTestWebSocket.CONNECTING);
    const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
    socket.close();
    expect(await closed).toBe(1006);
    // ws emits its error on the next tick; give it one more turn to escape if it could.
    await new Promise<void>((resolve) => setTimeout(resolve, 20));
  });
});
