import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSimulateFile, simulateFile } from '../../src/chat/simulate.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import { closeRedis, type StatsRedis } from '../../src/redis/connection.js';
import { startRedisServer, type RedisServerHandle } from '../../src/redis/server.js';
import { statsKeys } from '../../src/stats/keys.js';
import { queryStats } from '../../src/stats/query.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { loadTopics } from '../../src/stats/topics.js';
import { captureLogger, connect, SALT, testConfig } from './helpers.js';

/** A known simulation file: questions a citizen might send, from private chats and groups. */
const QUESTIONS = [
  '门口摆摊会被罚款吗',
  '楼下烧烤油烟太大找谁',
  '渣土车撒漏了怎么举报',
  '晚上工地施工太吵了',
  '电动车可以停在人行道上吗',
  '店门口的招牌要审批吗',
  '邻居在楼顶加建了一层',
  '闻到煤气味怎么办',
  '垃圾分类怎么分',
  '东西被城管暂扣了怎么领回来',
  '对罚款不服怎么办',
  '城管执法人员态度很差可以投诉吗',
  '小区绿化带被人种菜了',
  '我的社保卡怎么补办',
  '你好',
  '谢谢',
];
const RAW_PHONE = '13912345678';
const RAW_USER = `wxid_${RAW_PHONE}`;
const NICK = '王小明';

function fixtureLines(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const line: Record<string, string> = { text: QUESTIONS[i % QUESTIONS.length]! };
    if (i % 3 !== 0) line.user = i % 7 === 0 ? RAW_USER : `${NICK}${i % 13}`;
    if (i % 2 === 0) line.room = `阳逻街居民群${i % 4}`;
    line.at = `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(8 + (i % 12)).padStart(2, '0')}:15:00${i % 5 === 0 ? '' : '+08:00'}`;
    if (i % 11 === 0) line.text += `，我的电话${RAW_PHONE}`;
    return JSON.stringify(line);
  });
}

let brain: Brain;
let tmp: string;
const topics = loadTopics('knowledge');

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pufa-test-simulate-'));
  // The repository's own model cache (keyed by the content of intents/): trained once, shared.
  brain = await createBrain({ config: loadConfig({ LOG_LEVEL: 'silent' }) });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('pufa simulate', () => {
  it('reports malformed lines by number and keeps going', async () => {
    const file = path.join(tmp, 'bad.jsonl');
    writeFileSync(file, ['{"text":"门口摆摊会被罚款吗"}', 'not json', '', '{"text":""}', '{"text":"x","at":"2026-02-30T10:00:00+08:00"}', '{"user":"a"}', '{"text":"你好","at":"2026-03-01"}'].join('\n'));
    const { items, problems, lines } = await readSimulateFile(file);
    expect(lines).toBe(6);
    expect(items.map((i) => i.line)).toEqual([1, 7]);
    expect(problems.map((p) => p.line)).toEqual([2, 4, 5, 6]);
    expect(problems[2]!.message).toContain('2026-02-30');
    // A date without offset is read in Asia/Shanghai.
    expect(items[1]!.at!.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    await expect(readSimulateFile(path.join(tmp, 'missing.jsonl'))).rejects.toMatchObject({ code: 'PUFA_ERR_INPUT' });
  });

  it('counts exactly what the pipeline handled, and stores no raw id, phone number or nickname (Redis and logs)', async () => {
    // Own database, so "every key" below really is every key.
    const config = testConfig('simulate', {}, 6);
    const { logger, lines } = captureLogger(config, 'debug');
    const redis = await connect(config, logger, 'command');
    await redis.flushdb();
    const file = path.join(tmp, 'known.jsonl');
    const fixture = fixtureLines(200);
    writeFileSync(file, `${fixture.join('\n')}\n{"text": broken}\n`);

    const result = await simulateFile({ config, logger, file, brain, progress: false });
    expect(result.lines).toBe(201);
    expect(result.problems.map((p) => p.line)).toEqual([201]);
    expect(result.handled).toBe(200);
    const chitchat = result.tally.chitchat;
    expect(chitchat).toBeGreaterThan(0);
    expect(result.consultations + chitchat + result.tally.resolvedClarifications).toBe(200);
    expect(result.recorder).toMatchObject({ stored: 200, pending: 0, dropped: 0 });
    expect(result.test).toBe(true);

    // Simulated consultations are test data: not in the official figures, there with includeTest.
    const official = await queryStats(redis, { from: '2026-03-01', to: '2026-03-31', by: 'day', prefix: config.REDIS_PREFIX, topics, timezone: config.STATS_TIMEZONE });
    expect(official.totals.total).toBe(0);
    expect(official.testLeftOut).toBe(result.consultations);
    const report = await queryStats(redis, { from: '2026-03-01', to: '2026-03-31', by: 'day', prefix: config.REDIS_PREFIX, topics, timezone: config.STATS_TIMEZONE, includeTest: true });
    expect(report.chitchat).toBe(chitchat);
    expect(report.totals.total).toBe(result.consultations);
    for (const t of report.topicTotals) expect(t.total, t.topic).toBe(result.byTopic[t.topic] ?? 0);
    expect(Object.keys(result.byTopic).length).toBeGreaterThan(8);
    expect(report.channelTotals.find((c) => c.channel === 'room')!.total).toBeGreaterThan(0);
    expect(report.roomTotals.map((r) => r.roomName).sort()).toEqual(['阳逻街居民群0', '阳逻街居民群2']);
    expect(report.periods.reduce((n, p) => n + p.total, 0)).toBe(report.totals.total);

    // Every key and every value of the database.
    const forbidden = [RAW_PHONE, RAW_USER, NICK];
    const dump: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        dump.push(key);
        const type = await redis.type(key);
        if (type === 'hash') dump.push(JSON.stringify(await redis.hgetall(key)));
        else if (type === 'set') dump.push(JSON.stringify(await redis.smembers(key)));
        else if (type === 'stream') dump.push(JSON.stringify(await redis.xrange(key, '-', '+')));
        else if (type === 'string') dump.push((await redis.getBuffer(key))!.toString('latin1'));
        else if (type === 'list') dump.push(JSON.stringify(await redis.lrange(key, 0, -1)));
        else if (type === 'none') continue; // expired meanwhile (a "有帮助吗" asked on a back-filled day)
        else dump.push(`unexpected type ${type}`);
      }
    } while (cursor !== '0');
    expect(dump.length).toBeGreaterThan(50);
    const all = dump.join('\n');
    expect(all).not.toContain('unexpected type');
    for (const f of forbidden) expect(all, f).not.toContain(f);
    // The raw events carry salted hashes only.
    expect(all).toMatch(/"user\\":\\"[0-9a-f]{16}\\"/);

    const logText = lines.join('');
    expect(lines.length).toBeGreaterThan(100);
    for (const f of forbidden) expect(logText, f).not.toContain(f);
    await redis.flushdb();
    await closeRedis(redis);
  });

  it('loses no consultation when Redis is killed (-9) and restarted mid-simulation', async () => {
    const dir = path.join(tmp, 'redis-kill');
    let server: RedisServerHandle = await startRedisServer({ dir, persist: true });
    const port = server.port;
    const config = loadConfig({ REDIS_URL: server.url, REDIS_PREFIX: 'simkill:', HASH_SALT: SALT, LOG_LEVEL: 'warn' });
    const { logger } = captureLogger(config);
    const redis: StatsRedis = await connect(config, logger, 'service');
    const recorder = new RedisStatsRecorder({ redis, logger, config, minBackoffMs: 20, maxBackoffMs: 200 });
    const file = path.join(tmp, 'long.jsonl');
    const N = 1500;
    writeFileSync(file, fixtureLines(N).join('\n'));

    const running = simulateFile({ config, logger, file, brain, recorder, progress: false });
    while (recorder.status().stored < 300) await new Promise((r) => setTimeout(r, 5));
    await server.kill();
    await new Promise((r) => setTimeout(r, 300));
    server = await startRedisServer({ dir, port, persist: true });
    const result = await running;
    expect(result.consultations + result.tally.chitchat + result.tally.resolvedClarifications).toBe(N);
    expect(await recorder.waitUntilStored(10_000)).toBe(true);
    const status = recorder.status();
    expect(status.failedBatches).toBeGreaterThan(0);
    expect(status.dropped).toBe(0);

    const report = await queryStats(redis, { from: '2026-03-01', to: '2026-03-31', by: 'month', prefix: 'simkill:', topics, timezone: config.STATS_TIMEZONE, includeTest: true });
    expect(report.totals.total).toBe(result.consultations);
    expect(report.chitchat).toBe(result.tally.chitchat);
    for (const t of report.topicTotals) expect(t.total, t.topic).toBe(result.byTopic[t.topic] ?? 0);
    let seen = 0;
    for (let d = 1; d <= 28; d += 1) seen += await redis.scard(statsKeys('simkill:').seen(`2026-03-${String(d).padStart(2, '0')}`));
    expect(seen).toBe(N);
    await recorder.close();
    await closeRedis(redis);
    await server.stop();
  });
});
