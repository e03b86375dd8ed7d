// `npm run team-server -- [--port N] [--host H] [--data DIR] [--postgres URL] [--redis URL] [--tls-cert F --tls-key F]`
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createConsoleLog } from '../server-log';
import { TooManyInstances } from './instance-limit';
import { openPostgresTeamStore } from './postgres-team-store';
import { openSqliteTeamStore } from './sqlite-team-store';
import { createTeamServer, SYNC_PATH } from './team-server';
import type { TeamStore } from './team-store';

export const DEFAULT_TEAM_PORT = 5190;

export interface TeamCliOptions {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly postgresUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly tlsCertFile: string | undefined;
  readonly tlsKeyFile: string | undefined;
}

/** Reads the command line; throws RangeError with a plain message for anything wrong. */
export function parseTeamCli(args: readonly string[]): TeamCliOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (caught) {
    throw new RangeError(`${caught instanceof Error ? caught.message : String(caught)}. Options: --port N --host H --data DIR --postgres URL --redis URL --tls-cert FILE --tls-key FILE`, { cause: caught });
  }
  const port = values.port === undefined ? DEFAULT_TEAM_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port must be a number from 0 to 65535, not "${values.port}".`);
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) throw new RangeError('Give both --tls-cert and --tls-key (PEM files), or neither.');
  if (values.redis !== undefined && values.postgres === undefined) throw new RangeError('--redis needs --postgres: instances sharing documents through Redis must share one PostgreSQL database (a SQLite file belongs to one process).');
  return {
    host: values.host ?? '127.0.0.1',
    port,
    dataDir: resolve(values.data ?? 'team-data'),
    postgresUrl: values.postgres,
    redisUrl: values.redis,
    tlsCertFile: values['tls-cert'],
    tlsKeyFile: values['tls-key'],
  };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      postgres: { type: 'string' },
      redis: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
    },
  });
}

function serverVersion(): string {
  try {
    // server/team/ in the sources, dist/server/ when built: the repository's package.json is two folders up either way.
    const parsed: unknown = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'), 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function runTeamCli(args: readonly string[]): Promise<void> {
  const options = parseTeamCli(args);
  const log = createConsoleLog();
  let store: TeamStore;
  if (options.postgresUrl !== undefined) {
    store = await openPostgresTeamStore(options.postgresUrl).catch((caught: unknown) => {
      throw new RangeError(`Could not open the PostgreSQL database (${caught instanceof Error ? caught.message : String(caught)}). Check the --postgres URL and that the server is running.`, { cause: caught });
    });
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    store = openSqliteTeamStore(join(options.dataDir, 'team.sqlite'));
  }
  const tls = options.tlsCertFile !== undefined && options.tlsKeyFile !== undefined ? { cert: readFileSync(options.tlsCertFile, 'utf8'), key: readFileSync(options.tlsKeyFile, 'utf8') } : undefined;
  let stopping = false;
  const server = await createTeamServer({
    store,
    version: serverVersion(),
    redisUrl: options.redisUrl,
    tls,
    log,
    onFatal: (message) => {
      console.error(message);
      void stop(1);
    },
  }).catch(async (caught: unknown) => {
    await store.close();
    throw caught;
  });
  async function stop(code: number) {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(code);
  }
  let url: string;
  try {
    url = await server.listen(options.host, options.port);
  } catch (caught) {
    await server.close();
    const code = typeof caught === 'object' && caught !== null && 'code' in caught ? caught.code : null;
    throw new RangeError(code === 'EADDRINUSE' ? `Port ${options.port} is in use on ${options.host}. Choose another with --port.` : `The team server could not listen on ${options.host}:${options.port}. Choose another --host or --port.`, { cause: caught });
  }
  const invite = await server.createInvite('admin');
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  console.log(`Team server for workspace ${server.workspaceId} is running at ${url}`);
  console.log(`  sync: ${url.replace(/^http/, 'ws').replace(/\/$/, '')}${SYNC_PATH}`);
  console.log(`  store: ${options.postgresUrl !== undefined ? 'PostgreSQL' : join(options.dataDir, 'team.sqlite')}${options.redisUrl !== undefined ? ', shared through Redis' : ''}`);
  console.log(`Admin invite (single use, expires ${new Date(invite.expiresAt).toISOString()}):`);
  console.log(`  ${invite.inviteToken}`);
}

export function teamCliMain(): void {
  runTeamCli(process.argv.slice(2)).catch((caught: unknown) => {
    if (caught instanceof RangeError || caught instanceof TooManyInstances) console.error(caught.message);
    else console.error(`The team server could not start: ${caught instanceof Error ? caught.message : String(caught)}`);
    process.exit(1);
  });
}
