import { Redis } from 'ioredis';
import { afterAll, beforeAll, inject } from 'vitest';

/**
 * A client on the test run's real redis-server (test/setup/redis-global.ts) for one test
 * file; every key under `prefix` is deleted afterwards. Returns a getter (the client exists
 * once beforeAll has run).
 */
export function useTestRedis(prefix: string): () => Redis {
  let redis: Redis | undefined;
  beforeAll(() => {
    redis = new Redis(inject('redisUrl'));
  });
  afterAll(async () => {
    if (!redis) return;
    const left = await redis.keys(`${prefix}*`);
    if (left.length > 0) await redis.del(...left);
    redis.disconnect();
  });
  return () => {
    if (!redis) throw new Error('useTestRedis: the client is only available inside tests');
    return redis;
  };
}
