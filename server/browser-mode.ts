import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createAdminHandler } from './admin-api';
import { createLiveHost } from './live-host';
import { createConsoleLog } from './server-log';

/**
 * Browser mode (`npm start` without Electron): the page cannot start a server, so the process
 * serving the app on 127.0.0.1 hosts the live workshop and its admin API. Data goes to
 * LIVE_WORKSHOP_DATA (default ~/.discovery-desk/live-workshops); LIVE_WORKSHOP_CERT and
 * LIVE_WORKSHOP_KEY (PEM files) switch the participants' side to HTTPS and WSS.
 */
export function createBrowserModeLiveWorkshops(root: string, env: NodeJS.ProcessEnv = process.env) {
  const participantDir = join(root, 'dist', 'participant');
  const host = createLiveHost({
    dataDir: env.LIVE_WORKSHOP_DATA ?? join(homedir(), '.discovery-desk', 'live-workshops'),
    participantDir: existsSync(participantDir) ? participantDir : null,
    log: createConsoleLog(),
    certFile: env.LIVE_WORKSHOP_CERT,
    keyFile: env.LIVE_WORKSHOP_KEY,
  });
  const handleAdmin = createAdminHandler(host);
  return {
    host,
    middleware(request: IncomingMessage, response: ServerResponse, next: () => void) {
      void handleAdmin(request, response).then((isHandled) => {
        if (!isHandled) next();
      }, next);
    },
  };
}
