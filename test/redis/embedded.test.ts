import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { openStatsRedis } from '../../src/redis/connection.js';
import { openEmbeddedRedis, probeRedis } from '../../src/redis/embedded.js';
import { REDIS_INSTALL_HINT } from '../../src/redis/server.js';
import { runCli } from '../helpers/run-cli.js';
import { captureLogger } from '../stats/helpers.js';

const dirs: string[] = [];
function tempDataDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'pufa-test-embedded-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function embeddedConfig(dataDir: string, extra: Record<string, string> = {}) {
  return loadConfig({ PUFA_DATA_DIR: dataDir, REDIS_PREFIX: 'emb:', LOG_LEVEL: 'warn', ...extra });
}

describe('embedded redis-server (no REDIS_URL)', () => {
  it('starts one private server per data dir, shares it, persists, and stops it with its starter', async () => {
    const dataDir = tempDataDir();
    const config = embeddedConfig(dataDir);
    const { logger } = captureLogger(config);
    const first = await openStatsRedis(config, logger);
    expect(first.mode).toBe('embedded');
    expect(first.embedded).toBeDefined();
    const redisDir = path.join(dataDir, 'redis');
    const port = Number(readFileSync(path.join(redisDir, 'port'), 'utf8'));
    expect(port).toBe(first.embedded!.port);
    expect(await first.redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    await first.redis.set('emb:probe', '42');

    // A second user of the same data dir (another pufa process) connects to the same server.
    const second = await openStatsRedis(config, logger);
    expect(second.embedded).toBeUndefined();
    expect(second.url).toBe(first.url);
    expect(await second.redis.get('emb:probe')).toBe('42');
    await second.close();
    expect(await probeRedis(port, redisDir)).toBe(true);

    await first.close();
    expect(await probeRedis(port, redisDir)).toBe(false);
    expect(existsSync(path.join(redisDir, 'port'))).toBe(false);

    // Data survives: the next start finds it on disk.
    const third = await openStatsRedis(config, logger);
    expect(await third.redis.get('emb:probe')).toBe('42');
    await third.close();
  });

  it('does not trust a port file that points at some other server', async () => {
    const dataDir = tempDataDir();
    mkdirSync(path.join(dataDir, 'redis'), { recursive: true });
    const otherPort = new URL(inject('redisUrl')).port;
    writeFileSync(path.join(dataDir, 'redis', 'port'), `${otherPort}\n`);
    const config = embeddedConfig(dataDir);
    const handle = await openStatsRedis(config, captureLogger(config).logger);
    expect(handle.embedded).toBeDefined();
    expect(String(handle.embedded!.port)).not.toBe(otherPort);
    await handle.close();
  });

  it('a long-running user restarts the server on the same port when its starter stops it', async () => {
    const dataDir = tempDataDir();
    const config = embeddedConfig(dataDir);
    const { logger } = captureLogger(config);
    const starter = await openEmbeddedRedis({ dataDir, bin: 'redis-server', logger });
    const bot = await openEmbeddedRedis({ dataDir, bin: 'redis-server', logger, keep: true, watchIntervalMs: 50 });
    expect(bot.server).toBeUndefined();
    await starter.release();
    const deadline = Date.now() + 5000;
    while (!bot.server && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(bot.server?.port).toBe(starter.port);
    expect(await probeRedis(bot.port, bot.dir)).toBe(true);
    await bot.release();
    expect(await probeRedis(bot.port, bot.dir)).toBe(false);
  });

  it('says how to install redis-server when the binary is missing', async () => {
    const config = embeddedConfig(tempDataDir(), { REDIS_SERVER_BIN: '/nonexistent/redis-server' });
    const err = await openStatsRedis(config, captureLogger(config).logger).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PUFA_ERR_REDIS_BINARY', message: REDIS_INSTALL_HINT });
    expect(String((err as Error).message)).toContain('apt-get install -y redis-server');
  });

  it('`pufa export` in another process reads the figures of the running embedded server', async () => {
    const dataDir = tempDataDir();
    const config = embeddedConfig(dataDir);
    const { logger } = captureLogger(config);
    const bot = await openStatsRedis(config, logger, { purpose: 'service' });
    const { RedisStatsRecorder } = await import('../../src/stats/redis-recorder.js');
    const rec = new RedisStatsRecorder({ redis: bot.redis, logger, config });
    for (let i = 0; i < 7; i += 1) rec.record({ at: new Date('2026-05-05T02:00:00Z'), topic: 'noise', intent: 'noise.x', action: 'answer', channel: 'private', user: `${i}`.padStart(16, 'a'), score: 1 });
    await rec.flush();
    const out = await runCli(['export', '--from', '2026-05-01', '--to', '2026-05-31', '--format', 'summary'], { env: { PUFA_DATA_DIR: dataDir, REDIS_PREFIX: 'emb:', REDIS_URL: '' } });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('2026年5月，普法助手共受理群众咨询7人次，涉及约7名群众');
    // The bot's server is still there after the export process exited.
    expect(await bot.redis.ping()).toBe('PONG');
    await rec.close();
    await bot.close();
  }, 120_000);
});
