import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.js';
import { closeRedis, type StatsRedis } from '../../src/redis/connection.js';
import { FIELD_SEP, statsKeys } from '../../src/stats/keys.js';
import { queryStats } from '../../src/stats/query.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { loadTopics } from '../../src/stats/topics.js';
import { hashId } from '../../src/core/privacy.js';
import { clearPrefix, connect, consultation, knownSet, testConfig, captureLogger, SALT } from './helpers.js';

const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03'];
let config: Config;
let redis: StatsRedis;
const topics = loadTopics('knowledge');

beforeAll(async () => {
  config = testConfig('recorder');
  redis = await connect(config, captureLogger(config).logger);
  await clearPrefix(redis, config.REDIS_PREFIX);
});

afterAll(async () => {
  await clearPrefix(redis, config.REDIS_PREFIX);
  await closeRedis(redis);
});

function recorderFor(cfg: Config = config, extra: Partial<ConstructorParameters<typeof RedisStatsRecorder>[0]> = {}): RedisStatsRecorder {
  return new RedisStatsRecorder({ redis, logger: captureLogger(cfg).logger, config: cfg, ...extra });
}

describe('RedisStatsRecorder', () => {
  it('counts a known set exactly, per day × topic × outcome × channel, per room, per hour', async () => {
    const specs = knownSet(600, DAYS);
    const rec = recorderFor();
    for (const s of specs) rec.record(consultation(s));
    await rec.flush();
    expect(rec.status()).toMatchObject({ stored: 600, pending: 0, dropped: 0, duplicates: 0 });

    const keys = statsKeys(config.REDIS_PREFIX);
    // Raw aggregates, straight from the hashes.
    for (const day of DAYS) {
      const mine = specs.filter((s) => s.day === day);
      const expected: Record<string, number> = {};
      for (const s of mine) {
        // Group messages also carry the group (hashed), for the topic × group breakdown.
        const f = [s.topic, s.action, s.channel, ...(s.room ? [hashId(SALT, s.room)] : [])].join(FIELD_SEP);
        expected[f] = (expected[f] ?? 0) + 1;
      }
      const got = Object.fromEntries(Object.entries(await redis.hgetall(keys.day(day))).map(([k, v]) => [k, Number(v)]));
      expect(got).toEqual(expected);
      const hours = await redis.hgetall(keys.hour(day));
      expect(Object.values(hours).reduce((n, v) => n + Number(v), 0)).toBe(mine.length);
    }

    // Through the query, grouped by day.
    const report = await queryStats(redis, { from: DAYS[0]!, to: DAYS[2]!, by: 'day', prefix: config.REDIS_PREFIX, topics, timezone: config.STATS_TIMEZONE });
    const counted = specs.filter((s) => s.topic !== 'chitchat');
    expect(report.chitchat).toBe(specs.length - counted.length);
    expect(report.totals.total).toBe(counted.length);
    expect(report.totals.answered).toBe(counted.filter((s) => s.action === 'answer').length);
    expect(report.totals.clarified).toBe(counted.filter((s) => s.action === 'clarify').length);
    expect(report.totals.outOfScope).toBe(counted.filter((s) => s.action === 'out_of_scope').length);
    for (const row of report.byTopic) {
      const want = counted.filter((s) => s.day === row.period && s.topic === row.topic);
      expect(row.total, `${row.period} ${row.topic}`).toBe(want.length);
      expect(row.answered).toBe(want.filter((s) => s.action === 'answer').length);
    }
    for (const row of report.byChannel) {
      expect(row.total).toBe(counted.filter((s) => s.day === row.period && s.channel === row.channel).length);
    }
    for (const row of report.roomTotals) {
      expect(row.total).toBe(counted.filter((s) => s.roomName === row.roomName).length);
    }
    expect(report.roomTotals.map((r) => r.roomName).sort()).toEqual(['仓埠街志愿者群', '邾城街商户群', '阳逻街居民群'].sort());
    for (const row of report.byHour) {
      expect(row.total).toBe(counted.filter((s) => s.hour === row.hour).length);
    }
    // Distinct citizens: 37 users, all of whom asked something that is not small talk.
    expect(report.totals.citizens).toBe(new Set(counted.map((s) => s.user)).size);
    await rec.close();
  });

  it('counts a consultation once even when recorded (retried) twice with the same id', async () => {
    const cfg = testConfig('recorder-idem');
    const rec = recorderFor(cfg);
    const c = consultation({ id: 'fixed-id-1', day: '2026-04-01', hour: 10, topic: 'noise', action: 'answer', channel: 'private', user: 'u1' });
    rec.record(c);
    await rec.flush();
    rec.record(c);
    rec.record({ ...c });
    await rec.flush();
    expect(rec.status()).toMatchObject({ stored: 1, duplicates: 2 });
    const keys = statsKeys(cfg.REDIS_PREFIX);
    expect(await redis.hget(keys.day('2026-04-01'), `noise${FIELD_SEP}answer${FIELD_SEP}private`)).toBe('1');
    await rec.close();
    await clearPrefix(redis, cfg.REDIS_PREFIX);
  });

  it('keeps raw events for STATS_RETENTION_DAYS (TTL ≈ 400 days) and aggregates forever', async () => {
    const cfg = testConfig('recorder-ttl');
    const rec = recorderFor(cfg);
    const now = new Date();
    rec.record({ ...consultation({ day: '2026-01-01', hour: 9, topic: 'noise', action: 'clarify', channel: 'room', user: 'u', room: 'r', roomName: '群', text: '噪声' }), at: now });
    await rec.flush();
    const keys = statsKeys(cfg.REDIS_PREFIX);
    const all = await redis.keys(`${cfg.REDIS_PREFIX}*`);
    const events = all.filter((k) => k.includes(':ev:') || k.includes(':seen:'));
    expect(events).toHaveLength(2);
    for (const k of events) {
      const ttl = await redis.ttl(k);
      expect(ttl).toBeGreaterThan(400 * 86400 - 120);
      expect(ttl).toBeLessThanOrEqual(400 * 86400 + 1);
    }
    // A clarification remembers what it counted for two days (its "回复 1" may move it).
    const clarification = all.filter((k) => k.includes(':cl:'));
    expect(clarification).toHaveLength(1);
    expect(await redis.ttl(clarification[0]!)).toBeLessThanOrEqual(2 * 86400);
    const aggregates = all.filter((k) => !events.includes(k) && !clarification.includes(k));
    expect(aggregates.length).toBeGreaterThanOrEqual(7);
    for (const k of aggregates) expect(await redis.ttl(k), k).toBe(-1);
    const [entry] = (await redis.xrange(events.find((k) => k.includes(':ev:'))!, '-', '+')) as [string, string[]][];
    const event = JSON.parse(entry![1][1]!) as Record<string, unknown>;
    expect(event).toMatchObject({ topic: 'noise', action: 'clarify', channel: 'room', at: now.toISOString() });
    expect(await redis.type(keys.review)).toBe('stream');
    await rec.close();
    await clearPrefix(redis, cfg.REDIS_PREFIX);
  });

  it('caps the review list at STATS_REVIEW_MAX and keeps only clarify / out_of_scope questions', async () => {
    const cfg = testConfig('recorder-review', { STATS_REVIEW_MAX: '10' });
    const rec = recorderFor(cfg);
    for (let i = 0; i < 25; i += 1) {
      rec.record(consultation({ day: '2026-05-01', hour: 9, topic: 'noise', action: i % 2 ? 'clarify' : 'out_of_scope', channel: 'private', user: `u${i}`, text: `第${i}个问题` }));
      rec.record(consultation({ day: '2026-05-01', hour: 9, topic: 'noise', action: 'answer', channel: 'private', user: `u${i}`, text: 'answered' }));
    }
    await rec.flush();
    const keys = statsKeys(cfg.REDIS_PREFIX);
    expect(await redis.xlen(keys.review)).toBe(10);
    const entries = (await redis.xrange(keys.review, '-', '+')) as [string, string[]][];
    const texts = entries.map(([, f]) => f[f.indexOf('text') + 1]);
    expect(texts).toEqual(Array.from({ length: 10 }, (_, k) => `第${15 + k}个问题`));
    await rec.close();
    await clearPrefix(redis, cfg.REDIS_PREFIX);
  });

  it('estimates distinct citizens within 2% for 5,000 users (day, month, year)', async () => {
    const cfg = testConfig('recorder-hll');
    const rec = recorderFor(cfg);
    const N = 5000;
    for (let i = 0; i < N; i += 1) {
      const spec = { day: i % 2 ? '2026-06-01' : '2026-06-02', hour: 10, topic: 'parking', action: 'answer' as const, channel: 'room' as const, user: `citizen-${i}` };
      rec.record(consultation(spec));
      if (i % 4 === 0) rec.record(consultation({ ...spec, day: '2026-06-03' }));
      if (i % 500 === 0) await rec.flush();
    }
    await rec.flush();
    const keys = statsKeys(cfg.REDIS_PREFIX);
    const within = (got: number, truth: number): void => expect(Math.abs(got - truth) / truth).toBeLessThan(0.02);
    within(await redis.pfcount(keys.usersDay('2026-06-01')), N / 2);
    within(await redis.pfcount(keys.usersDay('2026-06-03')), N / 4);
    within(await redis.pfcount(keys.usersMonth('2026-06')), N);
    within(await redis.pfcount(keys.usersYear('2026')), N);
    const report = await queryStats(redis, { from: '2026-06-01', to: '2026-06-03', by: 'day', prefix: cfg.REDIS_PREFIX, topics, timezone: cfg.STATS_TIMEZONE });
    within(report.totals.citizens, N);
    within(report.periods[1]!.citizens, N / 2);
    // A whole month is read from the month's HyperLogLog.
    const month = await queryStats(redis, { from: '2026-06-01', to: '2026-06-30', by: 'month', prefix: cfg.REDIS_PREFIX, topics, timezone: cfg.STATS_TIMEZONE });
    within(month.totals.citizens, N);
    expect(month.totals.total).toBe(N + N / 4);
    await rec.close();
    await clearPrefix(redis, cfg.REDIS_PREFIX);
  });

  it('buckets by day and hour in STATS_TIMEZONE', async () => {
    const cfg = testConfig('recorder-tz');
    const rec = recorderFor(cfg);
    // 2026-07-01 16:30 UTC is 2026-07-02 00:30 in Shanghai.
    rec.record({ at: new Date('2026-07-01T16:30:00Z'), topic: 'noise', intent: 'noise.x', action: 'answer', channel: 'private', user: 'a'.repeat(16), score: 1 });
    await rec.flush();
    const keys = statsKeys(cfg.REDIS_PREFIX);
    expect(await redis.exists(keys.day('2026-07-01'))).toBe(0);
    expect(await redis.hgetall(keys.hour('2026-07-02'))).toEqual({ [`0${FIELD_SEP}answer`]: '1' });
    await rec.close();
    await clearPrefix(redis, cfg.REDIS_PREFIX);
  });

  it('redacts review text and hashes ids that arrive unhashed: no raw id, phone or ID number in Redis or the logs', async () => {
    // Own database: every key in it is checked.
    const cfg = testConfig('recorder-pii', {}, 7);
    const { logger, lines } = captureLogger(cfg, 'debug');
    const db = await connect(cfg, logger, 'command');
    await db.flushdb();
    const rec = new RedisStatsRecorder({ redis: db, logger, config: cfg });
    const phone = '13812345678';
    const idCard = '420117199001011234';
    const rawUser = `wxid_${phone}`;
    const rawRoom = `${phone}@chatroom`;
    rec.record({
      at: new Date('2026-02-02T02:00:00Z'),
      topic: 'out_of_scope',
      intent: null,
      action: 'out_of_scope',
      channel: 'room',
      user: rawUser,
      room: rawRoom,
      roomName: `张三 ${phone} 的群`,
      score: 0.2,
      text: `我叫张三，电话 ${phone}，身份证 ${idCard}，车牌鄂A12345 被贴条了`,
    });
    await rec.flush();
    await rec.close();
    const dump: string[] = [];
    for (const key of await db.keys('*')) {
      dump.push(key);
      const type = await db.type(key);
      if (type === 'hash') dump.push(JSON.stringify(await db.hgetall(key)));
      else if (type === 'set') dump.push(JSON.stringify(await db.smembers(key)));
      else if (type === 'stream') dump.push(JSON.stringify(await db.xrange(key, '-', '+')));
      else dump.push((await db.getBuffer(key))!.toString('latin1'));
    }
    const all = dump.join('\n');
    for (const raw of [phone, idCard, rawUser, rawRoom, '鄂A12345']) expect(all, raw).not.toContain(raw);
    expect(all).toContain('[手机号]');
    expect(all).toContain('[身份证号]');
    expect(all).toContain('[车牌]');
    const logs = lines.join('');
    expect(logs).toContain('not hashed');
    for (const raw of [phone, idCard, rawUser]) expect(logs, raw).not.toContain(raw);
    await db.flushdb();
    await closeRedis(db);
  });

  it('record() is synchronous and survives garbage', async () => {
    const cfg = testConfig('recorder-garbage');
    const rec = recorderFor(cfg);
    expect(() => rec.record({ at: new Date('nope'), topic: 'a|b', intent: null, action: 'answer', channel: 'private', user: '', score: Number.NaN })).not.toThrow();
    expect(() => rec.record(null as never)).not.toThrow();
    await rec.flush();
    expect(rec.status().stored).toBe(1);
    await rec.close();
    await clearPrefix(redis, cfg.REDIS_PREFIX);
  });
});
