import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.js';
import { closeRedis, openStatsRedis, type StatsRedis } from '../../src/redis/connection.js';
import { freePort, startRedisServer, type RedisServerHandle } from '../../src/redis/server.js';
import { reportToSummary } from '../../src/stats/export/index.js';
import { statsKeys } from '../../src/stats/keys.js';
import { queryStats } from '../../src/stats/query.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { loadTopics } from '../../src/stats/topics.js';
import { captureLogger, connect, consultation, SALT } from './helpers.js';

/**
 * Each test runs its own persistent redis-server (temp dir, AOF on, like the embedded
 * default) and kills / stops / restarts it on the same port and directory.
 */
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const topics = loadTopics('knowledge');

let dir: string;
let server: RedisServerHandle | undefined;
let redis: StatsRedis | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-test-resilience-'));
});

afterEach(async () => {
  if (redis) await closeRedis(redis);
  redis = undefined;
  await server?.stop();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function configFor(url: string, extra: Record<string, string> = {}): Config {
  return loadConfig({ REDIS_URL: url, REDIS_PREFIX: 'res:', HASH_SALT: SALT, LOG_LEVEL: 'debug', ...extra });
}

async function sumDay(r: StatsRedis, day: string): Promise<number> {
  const h = await r.hgetall(statsKeys('res:').day(day));
  return Object.values(h).reduce((n, v) => n + Number(v), 0);
}

async function streamWithOutage(kind: 'kill' | 'stop'): Promise<void> {
  server = await startRedisServer({ dir, persist: true });
  const port = server.port;
  const config = configFor(server.url);
  const { logger, lines } = captureLogger(config);
  redis = await connect(config, logger, 'service');
  const rec = new RedisStatsRecorder({ redis, logger, config, minBackoffMs: 20, maxBackoffMs: 200 });

  const N = 2000;
  let restarted: Promise<void> | undefined;
  for (let i = 0; i < N; i += 1) {
    rec.record(consultation({ day: '2026-08-08', hour: 9 + (i % 8), topic: i % 2 ? 'noise' : 'parking', action: 'answer', channel: 'room', room: `room${i % 4}`, user: `13${String(900000000 + i)}` }));
    if (i % 40 === 39) await sleep(10);
    if (i === 800) {
      const old = server;
      if (kind === 'kill') await old.kill();
      else await old.stop();
      restarted = sleep(300).then(async () => {
        server = await startRedisServer({ dir, port, persist: true });
      });
    }
  }
  await restarted;
  expect(await rec.waitUntilStored(15_000)).toBe(true);

  expect(await sumDay(redis, '2026-08-08')).toBe(N);
  expect(await redis.scard(statsKeys('res:').seen('2026-08-08'))).toBe(N);
  const report = await queryStats(redis, { from: '2026-08-08', to: '2026-08-08', by: 'day', prefix: 'res:', topics, timezone: config.STATS_TIMEZONE });
  expect(report.totals.total).toBe(N);
  expect(report.dropped).toBe(0);
  const status = rec.status();
  expect(status.dropped).toBe(0);
  // Redis's own counts above are the guarantee. On the client side a consultation that was
  // acknowledged, then lost in the crash (AOF fsyncs once a second) and written again by the
  // replay counts both as stored and as restored, so the sum may exceed N by those.
  expect(status.stored).toBeLessThanOrEqual(N);
  expect(status.stored + status.restored).toBeGreaterThanOrEqual(N);
  expect(status.stored + status.restored - N).toBeLessThanOrEqual(status.restored);
  expect(status.failedBatches).toBeGreaterThan(0);
  expect(lines.some((l) => l.includes('could not write statistics'))).toBe(true);
  await rec.close();
}

describe('recording through a Redis outage', () => {
  it('kill -9 mid-stream and restart: every consultation counted exactly once', async () => {
    await streamWithOutage('kill');
  });

  it('clean stop mid-stream and restart: every consultation counted exactly once', async () => {
    await streamWithOutage('stop');
  });

  it('drops past STATS_BUFFER_MAX, counts and logs the drops, and writes the rest when Redis returns', async () => {
    server = await startRedisServer({ dir, persist: true });
    const port = server.port;
    const config = configFor(server.url, { STATS_BUFFER_MAX: '50' });
    const { logger, lines } = captureLogger(config);
    redis = await connect(config, logger, 'service');
    const rec = new RedisStatsRecorder({ redis, logger, config, minBackoffMs: 20, maxBackoffMs: 100, dropLogIntervalMs: 50 });
    await server.stop();
    for (let i = 0; i < 80; i += 1) rec.record(consultation({ day: '2026-09-09', hour: 10, topic: 'noise', action: 'answer', channel: 'private', user: `u${i}` }));
    await rec.flush(); // resolves although Redis is down: the 50 stay buffered
    expect(rec.status()).toMatchObject({ pending: 50, dropped: 30, healthy: false });
    await sleep(100);
    const warns = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => String(l.msg).includes('buffer full'));
    expect(warns.every((w) => w.level === 40)).toBe(true);
    expect(warns.reduce((n, w) => n + Number(w.dropped), 0)).toBe(30);
    expect(warns.at(-1)).toMatchObject({ droppedTotal: 30 });

    server = await startRedisServer({ dir, port, persist: true });
    expect(await rec.waitUntilStored(10_000)).toBe(true);
    expect(await sumDay(redis, '2026-09-09')).toBe(50);
    expect(await redis.hget(statsKeys('res:').dropped, '2026-09-09')).toBe('30');
    const report = await queryStats(redis, { from: '2026-09-01', to: '2026-09-30', by: 'month', prefix: 'res:', topics, timezone: config.STATS_TIMEZONE });
    expect(report.dropped).toBe(30);
    expect(reportToSummary(report)).toContain('另有30人次');
    await rec.close();
  });

  it('writes again what Redis acknowledged but lost (host crash, failover) after the connection drops', async () => {
    server = await startRedisServer({ dir, persist: false });
    const config = configFor(server.url);
    const { logger } = captureLogger(config);
    redis = await connect(config, logger, 'service');
    const rec = new RedisStatsRecorder({ redis, logger, config, minBackoffMs: 20, maxBackoffMs: 100, replayWindowMs: 60_000 });
    for (let i = 0; i < 100; i += 1) rec.record(consultation({ day: '2026-10-10', hour: 10, topic: 'noise', action: 'answer', channel: 'private', user: `u${i}` }));
    await rec.flush();
    // A replica promoted without the last writes looks like this: the data is gone and
    // the connection drops.
    const admin = await connect(config, logger, 'command');
    const id = (await redis.client('ID')) as number;
    await admin.flushall();
    await admin.client('KILL', 'ID', String(id));
    await closeRedis(admin);
    await sleep(50);
    expect(await rec.waitUntilStored(10_000)).toBe(true);
    await sleep(50);
    expect(await rec.waitUntilStored(10_000)).toBe(true);
    expect(await sumDay(redis, '2026-10-10')).toBe(100);
    expect(rec.status()).toMatchObject({ stored: 100, restored: 100 });
    await rec.close();
  });

  it('commands fail fast (no hang) when Redis is down', async () => {
    const port = await freePort();
    const config = configFor(`redis://127.0.0.1:${port}`);
    const started = Date.now();
    await expect(openStatsRedis(config, captureLogger(config).logger)).rejects.toMatchObject({ code: 'PUFA_ERR_REDIS' });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
