import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { closeRedis, createRedis, describeRedis, maskUrl, openStatsRedis, parseRedisUrl, redisMode } from '../../src/redis/connection.js';
import { startRedisServer, type RedisServerHandle } from '../../src/redis/server.js';
import { captureLogger } from '../stats/helpers.js';

const cfg = (env: Record<string, string>) => loadConfig({ LOG_LEVEL: 'silent', ...env });

describe('Redis addresses', () => {
  it('parses redis:// and rediss:// with user, password and db', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6380/2')).toEqual({ host: '127.0.0.1', port: 6380, db: 2, tls: false });
    expect(parseRedisUrl('rediss://app:s%40cret@redis.example.cn:6390/1')).toEqual({ host: 'redis.example.cn', port: 6390, db: 1, tls: true, username: 'app', password: 's@cret' });
    expect(parseRedisUrl('redis://:pw@[::1]')).toEqual({ host: '::1', port: 6379, db: 0, tls: false, password: 'pw' });
    expect(parseRedisUrl('10.0.0.5:7000')).toMatchObject({ host: '10.0.0.5', port: 7000 });
    expect(() => parseRedisUrl('redis://host/x')).toThrow(/database must be a number/);
  });

  it('never shows a password', () => {
    expect(maskUrl('rediss://app:secret@host:6379/1')).toBe('rediss://app:***@host:6379/1');
    expect(maskUrl('redis://:secret@host')).toBe('redis://:***@host');
    expect(describeRedis(cfg({ REDIS_SENTINELS: 'redis://:sentpw@s1:26379,s2:26379' }))).not.toContain('sentpw');
  });

  it('chooses cluster, sentinel, url or embedded, in that order', () => {
    expect(redisMode(cfg({}))).toBe('embedded');
    expect(redisMode(cfg({ REDIS_URL: 'redis://h' }))).toBe('url');
    expect(redisMode(cfg({ REDIS_URL: 'redis://h', REDIS_SENTINELS: 's1:26379' }))).toBe('sentinel');
    expect(redisMode(cfg({ REDIS_URL: 'redis://h', REDIS_SENTINELS: 's1:26379', REDIS_CLUSTER_NODES: 'c1:7000' }))).toBe('cluster');
  });

  it('builds Sentinel and Cluster clients from the config (not connected)', () => {
    const { logger } = captureLogger(cfg({}));
    const sentinel = createRedis(cfg({ REDIS_URL: 'rediss://:masterpw@ignored:6379/3', REDIS_SENTINELS: 'redis://:sentpw@s1:26379, s2:26380', REDIS_SENTINEL_NAME: 'pufa' }), logger) as Redis;
    expect(sentinel).toBeInstanceOf(Redis);
    expect(sentinel.options).toMatchObject({ name: 'pufa', password: 'masterpw', db: 3, sentinelPassword: 'sentpw', sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26380 }] });
    expect(sentinel.options.tls).toBeDefined();
    sentinel.disconnect();
    const cluster = createRedis(cfg({ REDIS_CLUSTER_NODES: 'redis://:clpw@c1:7000,c2:7001' }), logger);
    expect(cluster).toBeInstanceOf(Cluster);
    expect((cluster as Cluster).options.redisOptions).toMatchObject({ password: 'clpw' });
    cluster.disconnect();
  });
});

describe('connecting with a password and a database', () => {
  let dir: string;
  let server: RedisServerHandle;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-test-auth-'));
    server = await startRedisServer({ dir });
    const admin = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
    await admin.connect();
    await admin.config('SET', 'requirepass', 'pa:ss@word');
    await admin.quit();
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('authenticates and selects the db from REDIS_URL', async () => {
    const config = cfg({ REDIS_URL: `redis://:${encodeURIComponent('pa:ss@word')}@127.0.0.1:${server.port}/5` });
    const handle = await openStatsRedis(config, captureLogger(config).logger);
    expect(handle.url).not.toContain('word');
    expect(await handle.redis.ping()).toBe('PONG');
    expect(String(await handle.redis.client('INFO'))).toContain('db=5');
    await handle.close();
  });

  it('a wrong password fails fast with PUFA_ERR_REDIS', async () => {
    const config = cfg({ REDIS_URL: `redis://:wrong@127.0.0.1:${server.port}` });
    const { logger, lines } = captureLogger(config);
    const t0 = Date.now();
    await expect(openStatsRedis(config, logger)).rejects.toMatchObject({ code: 'PUFA_ERR_REDIS' });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(lines.join('')).not.toContain('wrong@');
  });

  it('closeRedis is safe on any state', async () => {
    const config = cfg({ REDIS_URL: `redis://127.0.0.1:${server.port}` });
    const r = createRedis(config, captureLogger(config).logger);
    await closeRedis(r);
    await closeRedis(r);
  });
});
