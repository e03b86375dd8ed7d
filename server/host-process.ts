import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdminHandler } from './admin-api';
import { createLiveHost } from './live-host';
import { createConsoleLog } from './server-log';

/**
 * The workshop server as a process of its own (`node dist/server/host-process.mjs`): the desktop
 * app starts it with the system Node (better-sqlite3 is built for Node, not Electron), and the
 * fault tests start it to `kill -9` it. Its parent controls it through the admin API on
 * 127.0.0.1 with a secret it passes in; participants reach only the workshop server, on the
 * address and port the facilitator chose.
 *
 * Environment: LIVE_WORKSHOP_DATA (data folder, required), LIVE_ADMIN_SECRET (required, 32+
 * characters), LIVE_ADMIN_PORT (default: a free port), LIVE_PARTICIPANT_DIR (the built
 * participant page), LIVE_WORKSHOP_CERT and LIVE_WORKSHOP_KEY (PEM files for HTTPS and WSS),
 * LIVE_STORE_DEBOUNCE_MS. Prints one line `{"event":"ready","adminUrl":…}` on stdout when ready.
 */
const env = process.env;
const dataDir = env.LIVE_WORKSHOP_DATA;
const secret = env.LIVE_ADMIN_SECRET;
if (!dataDir || !secret || secret.length < 32) {
  process.stderr.write('host-process: set LIVE_WORKSHOP_DATA and LIVE_ADMIN_SECRET (32+ characters).\n');
  process.exit(2);
}
const debounce = Number(env.LIVE_STORE_DEBOUNCE_MS);
const host = createLiveHost({
  dataDir,
  participantDir: env.LIVE_PARTICIPANT_DIR || null,
  log: createConsoleLog(),
  certFile: env.LIVE_WORKSHOP_CERT,
  keyFile: env.LIVE_WORKSHOP_KEY,
  storeDebounceMs: Number.isFinite(debounce) && debounce > 0 ? debounce : undefined,
});
const handleAdmin = createAdminHandler(host, { secret });
const admin = createServer((request, response) => {
  void handleAdmin(request, response).then((isHandled) => {
    if (isHandled) return;
    response.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ message: 'Unknown request.' }));
  });
});
admin.listen({ host: '127.0.0.1', port: Number(env.LIVE_ADMIN_PORT ?? 0) }, () => {
  const { port } = admin.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ event: 'ready', adminUrl: `http://127.0.0.1:${port}/api/live/` })}\n`);
});

const shutDown = () => {
  admin.close();
  void host.close().finally(() => process.exit(0));
};
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
// The parent closing our stdin (the desktop app quit or crashed) ends the workshop server too.
process.stdin.on('end', shutDown);
process.stdin.resume();
