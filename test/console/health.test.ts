import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleServer, type ConsoleServer } from '../../src/console/server.js';
import { loadConfig } from '../../src/config/config.js';
import { closeRedis, type StatsRedis } from '../../src/redis/connection.js';
import { startRedisServer, type RedisServerHandle } from '../../src/redis/server.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { captureLogger, connect, SALT } from '../stats/helpers.js';

/**
 * The console's /healthz and /metrics read RedisHealth (src/redis/health.ts), against a real
 * redis-server of its own that is stopped and started again on the same port: /healthz
 * answers 503 with `status: "degraded"` and `redisState: "down"` while Redis is away and 200
 * `ok` when it is back; /metrics has `pufa_redis_up` 1 → 0 → 1 and counts the two state
 * changes; the log has one warning for the outage, not one per failed command.
 */
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
let dir: string;
let server: RedisServerHandle;
let redis: StatsRedis;
let consoleServer: ConsoleServer;
let lines: string[];

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function healthz(): Promise<{ code: number; body: Record<string, unknown> }> {
  const res = await consoleServer.app.inject({ method: 'GET', url: '/healthz' });
  return { code: res.statusCode, body: res.json() as Record<string, unknown> };
}

async function metric(name: string): Promise<number> {
  const text = (await consoleServer.app.inject({ method: 'GET', url: '/metrics' })).body;
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no metric ${name}`);
  return Number(line.split(' ')[1]);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-test-console-health-'));
  server = await startRedisServer({ dir, persist: true });
  const config = loadConfig({ REDIS_URL: server.url, REDIS_PREFIX: 'health:', HASH_SALT: SALT, LOG_LEVEL: 'info', PUFA_KNOWLEDGE_DIR: path.join(REPO_ROOT, 'knowledge'), PUFA_INTENTS_DIR: path.join(REPO_ROOT, 'intents') });
  const captured = captureLogger(config, 'info');
  lines = captured.lines;
  redis = await connect(config, captured.logger, 'service');
  consoleServer = await createConsoleServer({ config, logger: captured.logger, redis });
});

afterAll(async () => {
  await consoleServer?.close();
  if (redis) await closeRedis(redis);
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('console health and metrics follow RedisHealth', () => {
  it('ok → degraded (503) while Redis is stopped → ok when it is back; redis_up and the state changes in /metrics', async () => {
    const up = await healthz();
    expect(up.code).toBe(200);
    expect(up.body).toMatchObject({ ok: true, status: 'ok', redis: true, redisState: 'up', wechat: null, model: null });
    expect(await metric('pufa_redis_up')).toBe(1);
    expect(await metric('pufa_redis_state_changes_total')).toBe(0);

    const port = server.port;
    await server.stop();
    const down = await waitFor('/healthz to say degraded', async () => {
      const h = await healthz();
      return h.code === 503 ? h : undefined;
    });
    expect(down.body).toMatchObject({ ok: false, status: 'degraded', redis: false, redisState: 'down' });
    expect(String(down.body.redisText)).toContain('连不上');
    expect(String(down.body.redisError ?? '')).not.toMatch(/redis:\/\/[^*]/);
    expect(await metric('pufa_redis_up')).toBe(0);
    expect(await metric('pufa_redis_state_changes_total')).toBe(1);
    // Stays degraded (and quiet) while Redis is away: more requests, no new state change.
    for (let i = 0; i < 3; i += 1) expect((await healthz()).code).toBe(503);
    expect(await metric('pufa_redis_state_changes_total')).toBe(1);

    server = await startRedisServer({ dir, port, persist: true });
    const back = await waitFor('/healthz to say ok again', async () => {
      const h = await healthz();
      return h.code === 200 ? h : undefined;
    });
    expect(back.body).toMatchObject({ ok: true, status: 'ok', redisState: 'up' });
    expect(await metric('pufa_redis_up')).toBe(1);
    expect(await metric('pufa_redis_state_changes_total')).toBe(2);

    const warnings = lines.filter((l) => l.includes('Redis is unreachable'));
    expect(warnings).toHaveLength(1);
    expect(lines.filter((l) => l.includes('Redis is back'))).toHaveLength(1);
  }, 90_000);
});
