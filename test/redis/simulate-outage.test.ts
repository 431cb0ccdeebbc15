import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateExitCode, simulateFile } from '../../src/chat/simulate.js';
import { DEV_HASH_SALT, loadConfig, type Config } from '../../src/config/config.js';
import { resolveHashSalt, SALT_FILE } from '../../src/config/salt.js';
import { createLogger } from '../../src/core/logger.js';
import { hashId } from '../../src/core/privacy.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import { closeRedis, connectRedis, createRedis } from '../../src/redis/connection.js';
import { startRedisServer, type RedisServerHandle } from '../../src/redis/server.js';
import { statsKeys } from '../../src/stats/keys.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { todayIn } from '../../src/stats/time.js';
import { writeFixtureKb, type FixtureDirs } from '../helpers/fixture-kb.js';

/**
 * `pufa simulate` with Redis going away. Before: 20,000 lines with Redis down ~3 s lost
 * 10,000 consultations (the default buffer) and exited 0; with a full Redis it stored
 * 0/50 and exited 0; without HASH_SALT it used the public development salt. Now it waits
 * for Redis (bounded by REDIS_BATCH_WAIT_SEC), loses nothing when Redis comes back, and
 * exits 1 when anything was lost.
 */
let kb: FixtureDirs;
let brain: Brain;
let tmp: string;
const logger = createLogger({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json' });
const QUESTIONS = ['占道经营罚多少钱', '夜间施工太吵找谁投诉', '路边摆摊会被罚款吗', '夜市摊位怎么申请', '今天天气怎么样'];

function writeLines(name: string, n: number): string {
  const file = path.join(tmp, name);
  writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify({ text: QUESTIONS[i % QUESTIONS.length], user: `u${i % 500}` })).join('\n'));
  return file;
}

function config(server: RedisServerHandle, extra: Record<string, string> = {}): Config {
  return loadConfig({
    REDIS_URL: server.url,
    REDIS_PREFIX: 'sim:',
    HASH_SALT: 'simulate-outage-salt-0123456789',
    PUFA_INTENTS_DIR: kb.intentsDir,
    PUFA_KNOWLEDGE_DIR: kb.knowledgeDir,
    PUFA_CACHE_DIR: kb.cacheDir,
    PUFA_DATA_DIR: path.join(tmp, 'data'),
    ...extra,
  });
}

async function recorderOn(cfg: Config): Promise<{ recorder: RedisStatsRecorder; close(): Promise<void> }> {
  const redis = createRedis(cfg, logger, { purpose: 'service' });
  redis.on('error', () => undefined);
  await connectRedis(redis, 'test');
  const recorder = new RedisStatsRecorder({ redis, logger, config: cfg, maxBackoffMs: 500 });
  return {
    recorder,
    async close() {
      await recorder.close();
      await closeRedis(redis);
    },
  };
}

async function totalToday(url: string, prefix: string): Promise<number> {
  const r = new Redis(url);
  try {
    // Simulated consultations are test data: kept under each channel's test family, so count official and test keys alike.
    const keys = statsKeys(prefix);
    const today = todayIn('Asia/Shanghai');
    let total = 0;
    for (const family of [keys, keys.test('private'), keys.test('room'), keys.test('console')]) {
      const day = await r.hgetall(family.day(today));
      total += Object.values(day).reduce((a, v) => a + Number(v), 0);
    }
    return total;
  } finally {
    r.disconnect();
  }
}

beforeAll(async () => {
  kb = writeFixtureKb();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pufa-sim-outage-'));
  brain = await createBrain({ config: loadConfig({ PUFA_INTENTS_DIR: kb.intentsDir, PUFA_KNOWLEDGE_DIR: kb.knowledgeDir, PUFA_CACHE_DIR: kb.cacheDir, LOG_LEVEL: 'silent' }) });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(kb.root, { recursive: true, force: true });
});

describe('pufa simulate and a Redis outage', () => {
  it('20,000 lines with Redis down ~3 s: waits for it, 0 lost, exit code 0', async () => {
    const dir = path.join(tmp, 'redis-a');
    let server = await startRedisServer({ dir, persist: true });
    const port = server.port;
    const cfg = config(server, { STATS_BUFFER_MAX: '1000', REDIS_BATCH_WAIT_SEC: '60' });
    const { recorder, close } = await recorderOn(cfg);
    const file = writeLines('twenty-thousand.jsonl', 20_000);
    const run = simulateFile({ config: cfg, logger, file, brain, recorder, progress: false });
    // Take Redis away once the run is well under way, for about 3 s.
    const deadline = Date.now() + 120_000;
    while (recorder.status().stored < 2000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await server.stop();
    await new Promise((r) => setTimeout(r, 3000));
    server = await startRedisServer({ dir, persist: true, port });
    const result = await run;
    await close();
    expect(result.consultations).toBe(20_000);
    expect(result.recorder?.dropped).toBe(0);
    expect(result.lost).toBe(0);
    expect(simulateExitCode(result)).toBe(0);
    expect(await totalToday(server.url, 'sim:')).toBe(20_000);
    await server.stop();
  });

  it('Redis that does not come back within REDIS_BATCH_WAIT_SEC: what was lost is counted, exit code 1', async () => {
    const dir = path.join(tmp, 'redis-b');
    const server = await startRedisServer({ dir });
    const cfg = config(server, { STATS_BUFFER_MAX: '100', REDIS_BATCH_WAIT_SEC: '1', REDIS_PREFIX: 'sim-b:' });
    const { recorder, close } = await recorderOn(cfg);
    await server.stop();
    const result = await simulateFile({ config: cfg, logger, file: writeLines('lost.jsonl', 400), brain, recorder, progress: false });
    await close();
    expect(result.lost).toBeGreaterThan(0);
    expect(simulateExitCode(result)).toBe(1);
  });

  it('Redis full: the wait runs out, the loss is reported, exit code 1 (was: 0/50 stored, exit 0)', async () => {
    const dir = path.join(tmp, 'redis-c');
    const server = await startRedisServer({ dir });
    const admin = new Redis(server.url);
    const used = Number(/used_memory:(\d+)/.exec(await admin.info('memory'))?.[1] ?? 0);
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    await admin.config('SET', 'maxmemory', String(used + 64 * 1024));
    for (let i = 0; i < 1000; i += 1) {
      const ok = await admin.set(`fill:${i}`, 'x'.repeat(8192)).then(() => true, () => false);
      if (!ok) break;
    }
    const cfg = config(server, { STATS_BUFFER_MAX: '20', REDIS_BATCH_WAIT_SEC: '1', REDIS_PREFIX: 'sim-c:' });
    const { recorder, close } = await recorderOn(cfg);
    const result = await simulateFile({ config: cfg, logger, file: writeLines('full.jsonl', 50), brain, recorder, progress: false });
    await close();
    admin.disconnect();
    await server.stop();
    expect(result.lost).toBe(50);
    expect(simulateExitCode(result)).toBe(1);
  });

  it('without HASH_SALT: a secret salt is generated once under PUFA_DATA_DIR (never the public one) and reused', async () => {
    const dataDir = path.join(tmp, 'salt-data');
    const first = resolveHashSalt({ PUFA_DATA_DIR: dataDir, HASH_SALT: undefined });
    expect(first.source).toBe('generated');
    expect(first.salt).not.toBe(DEV_HASH_SALT);
    expect(first.salt.length).toBeGreaterThanOrEqual(16);
    expect(readFileSync(path.join(dataDir, SALT_FILE), 'utf8').trim()).toBe(first.salt);
    const again = resolveHashSalt({ PUFA_DATA_DIR: dataDir, HASH_SALT: undefined });
    expect(again).toMatchObject({ salt: first.salt, source: 'file' });
    // The hash simulate stores for a user is HMAC(generated salt, id), which the bot on the same data directory computes too.
    expect(hashId(again.salt, 'u1')).not.toBe(hashId(DEV_HASH_SALT, 'u1'));
  });
});
