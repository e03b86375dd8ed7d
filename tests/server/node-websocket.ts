import WebSocket from 'ws';

/**
 * The WebSocket that Node test clients hand to the Hocuspocus provider. When the provider closes a
 * socket that is still connecting (a client destroyed, or a reconnect attempt given up, while the
 * machine is slow), it first removes its own listeners; `ws` then emits "WebSocket was closed
 * before the connection was established" with no listener left, which Node raises as an uncaught
 * exception and fails the whole test run (seen in CI under load). The close itself is still
 * reported through the close event, so a listener that only keeps the error from escaping loses
 * nothing.
 */
export class NodeTestWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}
