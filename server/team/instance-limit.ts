import type { Redis as RedisClient } from 'ioredis';

/**
 * With @hocuspocus/extension-redis 3.4, three or more instances can delete document content
 * (hocuspocus issue #1151, fixed only in 4.7, which needs Node 22). So at most this many team
 * server instances share one Redis: each holds a slot in a sorted set, scored by when it expires,
 * and renews it on a heartbeat.
 */
export const MAX_TEAM_INSTANCES = 2;

// KEYS[1] = the set, ARGV = instance id, limit, ttl ms. Redis's own clock, so skewed hosts agree.
const CLAIM = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 2)
  return 1
end
return 0
`;

export class TooManyInstances extends Error {}

export interface InstanceSlot {
  release(): Promise<void>;
}

/**
 * Claims a slot for `instanceId` or throws TooManyInstances. The slot is renewed every third of
 * `ttlMs`; when a renewal finds the slot taken (this instance was paused longer than the TTL and
 * another took its place), `onLost` is called so the instance stops serving.
 */
export async function claimInstanceSlot(redis: RedisClient, key: string, instanceId: string, onLost: () => void, ttlMs = 15_000, limit = MAX_TEAM_INSTANCES): Promise<InstanceSlot> {
  const claim = async () => Number(await redis.eval(CLAIM, 1, key, instanceId, String(limit), String(ttlMs))) === 1;
  if (!(await claim())) {
    throw new TooManyInstances(
      `${limit} team server instances already run on this Redis. The Redis support of this server version can lose document content with more than ${limit} instances (hocuspocus issue #1151); stop one of them, or wait ${Math.ceil(ttlMs / 1000)} seconds after one was stopped.`,
    );
  }
  let stopped = false;
  const timer = setInterval(() => {
    claim().then(
      (held) => {
        if (!held && !stopped) {
          stopped = true;
          clearInterval(timer);
          onLost();
        }
      },
      // Redis unreachable for a moment: keep serving; the next heartbeat tries again.
      () => undefined,
    );
  }, Math.max(50, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    async release() {
      stopped = true;
      clearInterval(timer);
      await redis.zrem(key, instanceId).catch(() => undefined);
    },
  };
}
