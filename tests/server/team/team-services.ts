import { Redis } from 'ioredis';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * PostgreSQL and Redis for the team server tests: `.ci/run` starts throwaway ones and sets
 * TEAM_TEST_POSTGRES_URL and TEAM_TEST_REDIS_URL. Without them (or when they do not answer) the
 * tests that need them skip, and their title says why.
 */
export interface TeamServices {
  readonly postgresUrl: string;
  readonly redisUrl: string;
  /** `pg_ctl -D <cluster>` (maybe behind runuser) for restarting PostgreSQL, or null. */
  readonly postgresCtl: string | null;
}

export async function findTeamServices(): Promise<{ services: TeamServices | null; reason: string }> {
  const postgresUrl = process.env.TEAM_TEST_POSTGRES_URL;
  const redisUrl = process.env.TEAM_TEST_REDIS_URL;
  if (!postgresUrl || !redisUrl) return { services: null, reason: 'skipped: TEAM_TEST_POSTGRES_URL and TEAM_TEST_REDIS_URL are not set (bash .ci/run starts both)' };
  try {
    const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.end();
  } catch (caught) {
    return { services: null, reason: `skipped: PostgreSQL at TEAM_TEST_POSTGRES_URL does not answer (${caught instanceof Error ? caught.message : String(caught)})` };
  }
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (caught) {
    return { services: null, reason: `skipped: Redis at TEAM_TEST_REDIS_URL does not answer (${caught instanceof Error ? caught.message : String(caught)})` };
  } finally {
    redis.disconnect();
  }
  return { services: { postgresUrl, redisUrl, postgresCtl: process.env.TEAM_TEST_POSTGRES_CTL ?? null }, reason: 'PostgreSQL and Redis reachable' };
}

/** A fresh, empty database on the test cluster; `drop()` removes it. */
export async function freshDatabase(postgresUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `team_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
