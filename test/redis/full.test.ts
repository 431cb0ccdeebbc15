import { FIXTURE_NOTICES } from '../helpers/fixture-kb.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServerHandle } from '../../src/redis/server.js';
import { baseConfig, BOT_NAME, newMocker, settle, setupShared, sleep, startBot, waitFor, type ContactMock, type Shared, type World } from '../wechat/harness.js';

/**
 * The first probe: Redis full (`maxmemory`, `noeviction`). Before the fix an idle
 * bot spun at 100 % CPU (BullMQ's fetch loop retrying "OOM…" at once: ~14,700 Redis
 * ops/s, 105,891 warning lines in 15 s), rate limits and the daily cap silently switched
 * off, `#统计` showed 0 without a word and `#公告` answered the raw "OOM…". Here a private
 * redis-server is filled up under a real bot (wechaty-puppet-mock) and what users and
 * operators see is checked.
 */
let shared: Shared;
let server: RedisServerHandle;
let dir: string;
let admin: Redis;
let world: World;
let staffer: ContactMock;

const USER_RATE = 2;
const DAILY_CAP = 12;

interface LogLine {
  level: number;
  msg: string;
  state?: string;
}

function logLines(): LogLine[] {
  return shared.logs.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((l) => JSON.parse(l) as LogLine);
}

async function commandsProcessed(): Promise<number> {
  const info = await admin.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
}

async function fill(): Promise<void> {
  await admin.config('SET', 'maxmemory-policy', 'noeviction');
  const used = Number(/used_memory:(\d+)/.exec(await admin.info('memory'))?.[1] ?? 0);
  await admin.config('SET', 'maxmemory', String(used + 256 * 1024));
  const blob = 'x'.repeat(16 * 1024);
  for (let i = 0; i < 10_000; i += 1) {
    try {
      await admin.set(`filler:${i}`, blob);
    } catch (err) {
      if (/OOM/.test((err as Error).message)) return;
      throw err;
    }
  }
  throw new Error('Redis never became full');
}

beforeAll(async () => {
  shared = await setupShared('full');
  dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-full-'));
  server = await startRedisServer({ dir });
  admin = new Redis(server.url, { maxRetriesPerRequest: 1 });
  const { mocker, puppet } = newMocker();
  const botUser = mocker.createContact({ name: BOT_NAME });
  staffer = mocker.createContact({ name: '张科长', alias: '城管张科长' });
  mocker.createRoom({ topic: '阳逻街普法群', memberIdList: [botUser.id, staffer.id] });
  // Full before the bot starts (as in the probe).
  await fill();
  world = await startBot(
    shared,
    mocker,
    puppet,
    botUser,
    baseConfig(shared, { REDIS_URL: server.url, BOT_USER_RATE_PER_MIN: USER_RATE, SEND_DAILY_CAP: DAILY_CAP, SEND_MIN_INTERVAL_MS: 20, SEND_JITTER_MS: 0 }),
    { redis: undefined },
  );
});

afterAll(async () => {
  if (process.env.DEBUG_FULL) console.log(logLines().filter((l) => l.level >= 30).map((l) => JSON.stringify(l)).join('\n'));
  await world?.bot.stop();
  admin?.disconnect();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await shared?.cleanup();
});

const toContact = (c: ContactMock) => () => world.sent.filter((s) => s.to === c.id && !s.room);

describe('Redis full (maxmemory, noeviction)', () => {
  it('an idle bot does not loop: few Redis commands, one warning for the state change', async () => {
    // Let the announcement worker and the recorder meet the full Redis.
    await waitFor(() => world.bot.services?.health.state === 'full' || undefined, 30_000, 'the health object to see Redis full');
    await sleep(1000);
    const before = await commandsProcessed();
    await sleep(5000);
    const during = (await commandsProcessed()) - before;
    // Before the fix: ~70,000 commands in 5 s. With backoff: the probe and BullMQ's blocking poll.
    expect(during).toBeLessThan(200);
    const lines = logLines();
    const fullWarnings = lines.filter((l) => l.level === 40 && /Redis is full/.test(l.msg));
    expect(fullWarnings).toHaveLength(1);
    expect(lines.filter((l) => l.level >= 40).length).toBeLessThan(20);
  });

  it('rate limits fail closed: the citizen limit still holds and the notice is sent once', async () => {
    const c = world.mocker.createContact({ name: '市民乙' });
    for (const q of ['占道经营罚多少钱', '夜间施工太吵找谁投诉', '门头招牌要审批吗', '夜市摊位怎么申请']) c.say(q).to(world.botUser);
    const got = await settle(toContact(c), 0, USER_RATE + 1, 600);
    expect(got).toHaveLength(USER_RATE + 1);
    expect(got.filter((s) => s.text === FIXTURE_NOTICES.rateLimited)).toHaveLength(1);
  });

  it('#统计 tells staff that Redis is full, and the console log says so', async () => {
    const before = toContact(staffer)().length;
    staffer.say('#统计').to(world.botUser);
    const [reply] = await settle(toContact(staffer), before, 1);
    expect(reply!.text).toContain('存储空间已满');
    expect(logLines().some((l) => l.level === 40 && /#统计 answered while Redis is in trouble/.test(l.msg))).toBe(true);
  });

  it('#公告 answers in plain words, never the raw "OOM…"', async () => {
    const before = toContact(staffer)().length;
    staffer.say('#公告 明天上午停水').to(world.botUser);
    const got = await settle(toContact(staffer), before, 1);
    const text = got.map((s) => s.text).join('\n');
    expect(text).not.toMatch(/OOM|maxmemory'|command not allowed/);
    expect(text).toContain('统计库（Redis）存储空间已满');
  });

  it('the daily send cap fails closed: counted on from the last known figure, nothing beyond it', async () => {
    const before = world.sent.length;
    expect(before).toBeLessThan(DAILY_CAP);
    const citizens = Array.from({ length: 10 }, (_, i) => world.mocker.createContact({ name: `市民丙${i}` }));
    citizens.forEach((c) => c.say('夜间施工太吵找谁投诉').to(world.botUser));
    await waitFor(() => world.sent.length >= DAILY_CAP || undefined, 15_000, 'sends up to the cap');
    await sleep(1500);
    // Without Redis counting, the cap still holds: exactly DAILY_CAP messages today, the rest refused.
    expect(world.sent.length).toBe(DAILY_CAP);
    expect(citizens.filter((c) => toContact(c)().length === 0).length).toBe(10 - (DAILY_CAP - before));
    expect(logLines().some((l) => /daily send cap reached/.test(l.msg))).toBe(true);
  });

  it('notices when Redis has room again (one "back" line), and bot.stop() does not hang', async () => {
    await admin.config('SET', 'maxmemory', '0');
    await waitFor(() => world.bot.services?.health.state === 'up' || undefined, 30_000, 'Redis back');
    const lines = logLines();
    expect(lines.filter((l) => /Redis is back \(state: up\)/.test(l.msg))).toHaveLength(1);
    expect(lines.filter((l) => l.level >= 40 && /reply was not sent/.test(l.msg))).toHaveLength(0);
    expect(lines.filter((l) => l.level === 40 && /Redis is full/.test(l.msg))).toHaveLength(1);
  });
});
