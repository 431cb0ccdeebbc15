import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.js';
import { loadConfig } from '../../src/config/config.js';
import { isPufaError } from '../../src/core/errors.js';
import { createLogger } from '../../src/core/logger.js';
import { freePort, startRedisServer, type RedisServerHandle } from '../../src/redis/server.js';
import { openStatsRedis } from '../../src/redis/connection.js';
import { baseConfig, BOT_NAME, newMocker, setupShared, startBot, type Shared } from '../wechat/harness.js';

/**
 * Wrong password, a database that does not exist, an unreachable host: the bot and the
 * commands fail at start with a message that names the cause (password masked) instead of
 * starting "buffered" (wrong password) or silently using db 0 (`redis://…/99`). And
 * `bot.stop()` returns with Redis gone or refusing the password (it hung 60–120 s in
 * BullMQ's close before).
 */
const PASSWORD = 'S3cret-Redis-Pw';
let shared: Shared;
let server: RedisServerHandle;
let dir: string;
let admin: Redis;

const quiet = createLogger({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json' });

async function openError(url: string, extra: Record<string, string> = {}): Promise<string> {
  const config = loadConfig({ REDIS_URL: url, REDIS_START_TIMEOUT_SEC: '1', ...extra });
  for (const purpose of ['command', 'service'] as const) {
    try {
      const h = await openStatsRedis(config, quiet, { purpose, requireConnection: true });
      await h.close();
    } catch (err) {
      expect(isPufaError(err) && err.code).toBe('PUFA_ERR_REDIS');
      if (purpose === 'service') return (err as Error).message;
      continue;
    }
    throw new Error(`expected ${purpose} open of ${url} to fail`);
  }
  throw new Error('unreachable');
}

beforeAll(async () => {
  shared = await setupShared('connect');
  dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-connect-'));
  server = await startRedisServer({ dir });
  admin = new Redis(server.url, { maxRetriesPerRequest: 1 });
  await admin.config('SET', 'requirepass', PASSWORD);
  await admin.auth(PASSWORD);
});

afterAll(async () => {
  admin?.disconnect();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await shared?.cleanup();
});

describe('failing fast at start, naming the cause', () => {
  it('wrong password: says so, never shows it', async () => {
    const message = await openError(`redis://:wrong-${PASSWORD}@127.0.0.1:${server.port}`);
    expect(message).toMatch(/password/i);
    expect(message).toContain('WRONGPASS');
    expect(message).not.toContain(PASSWORD);
  });

  it('no password where one is required: says NOAUTH and how to give it', async () => {
    const message = await openError(`redis://127.0.0.1:${server.port}`);
    expect(message).toMatch(/requires a password/);
  });

  it('a database the server does not have (redis://…/99): fails instead of using db 0', async () => {
    const message = await openError(`redis://:${PASSWORD}@127.0.0.1:${server.port}/99`);
    expect(message).toMatch(/no such database/);
    expect(message).not.toContain(PASSWORD);
  });

  it('an unreachable host: connection refused, after the start timeout', async () => {
    const port = await freePort();
    const message = await openError(`redis://:${PASSWORD}@127.0.0.1:${port}`);
    expect(message).toMatch(/connection refused/);
    expect(message).not.toContain(PASSWORD);
  });

  it('the bot does not start with a wrong password', async () => {
    const { puppet } = newMocker();
    const bot = createBot({ puppet, brain: shared.brain, logger: quiet, config: baseConfig(shared, { REDIS_URL: `redis://:nope@127.0.0.1:${server.port}`, REDIS_START_TIMEOUT_SEC: 1 }) });
    await expect(bot.start()).rejects.toThrow(/refused the password/);
  });
});

/** Resolves with 'stopped', or 'hung' when stop() did not return within `ms` (the test then fails). */
async function stopWithin(stop: () => Promise<void>, ms: number): Promise<'stopped' | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([stop().then(() => 'stopped' as const), new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), ms)))]);
  clearTimeout(timer);
  return result;
}

describe('bot.stop() never hangs', () => {
  it('with the password changed under it', async () => {
    const { mocker, puppet } = newMocker();
    const botUser = mocker.createContact({ name: BOT_NAME });
    const world = await startBot(shared, mocker, puppet, botUser, baseConfig(shared, { REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:${server.port}` }), { redis: undefined });
    await admin.config('SET', 'requirepass', 'changed-password-1');
    await admin.auth('changed-password-1');
    await admin.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await stopWithin(() => world.bot.stop(), 40_000)).toBe('stopped');
    await admin.config('SET', 'requirepass', PASSWORD);
    await admin.auth(PASSWORD);
  });

  it('with Redis gone', async () => {
    const own = await startRedisServer({ dir: mkdtempSync(path.join(os.tmpdir(), 'pufa-connect-down-')) });
    const { mocker, puppet } = newMocker();
    const botUser = mocker.createContact({ name: BOT_NAME });
    const world = await startBot(shared, mocker, puppet, botUser, baseConfig(shared, { REDIS_URL: own.url }), { redis: undefined });
    await own.kill();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await stopWithin(() => world.bot.stop(), 40_000)).toBe('stopped');
    rmSync(own.dir, { recursive: true, force: true });
  });
});
