import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.js';
import { hashId } from '../../src/core/privacy.js';
import { closeRedis, type StatsRedis } from '../../src/redis/connection.js';
import { reportToCsv, reportToJson } from '../../src/stats/export/index.js';
import { reportToXlsx } from '../../src/stats/export/xlsx.js';
import { FIELD_SEP, statsKeys } from '../../src/stats/keys.js';
import { queryStats, type StatsReport } from '../../src/stats/query.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { CHANNEL, defineSchema, HOUR, ROOM, STATS_SCHEMA, TOPIC, type Dimension } from '../../src/stats/schema.js';
import { loadTopics } from '../../src/stats/topics.js';
import { captureLogger, clearPrefix, connect, consultation, knownSet, SALT, testConfig, type Spec } from './helpers.js';

/**
 * Statistics by name: a schema with one more dimension (the answered intent) records it
 * (Redis: its own per-day hash and a part of the day cross-tab field), the query reads it
 * (`report.dimensions.intent`, `DetailRow.dims.intent`) and the exports carry it (a CSV
 * column, an xlsx sheet) — with no change to the recorder, the Lua script, the query or the
 * exports. Data written by the built-in schema (and by the code before the schema) still
 * reads, with the same figures.
 */
const DAYS = ['2026-05-04', '2026-05-05'];
const INTENT: Dimension = { name: 'intent', column: '意图', detail: true, hash: 'intent', sheet: '按意图', value: (f) => f.consultation.intent ?? '' };
const WITH_INTENT = defineSchema([TOPIC, CHANNEL, ROOM, HOUR, INTENT]);
const topics = loadTopics('knowledge');

let config: Config;
let redis: StatsRedis;
let specs: Spec[];

const counted = (list: Spec[]): Spec[] => list.filter((s) => s.topic !== 'chitchat');
const intentOf = (s: Spec): string => (s.action === 'out_of_scope' ? '' : `${s.topic}.x`);

function query(prefix: string, schema = STATS_SCHEMA, by: 'day' | 'month' = 'day'): Promise<StatsReport> {
  return queryStats(redis, { from: DAYS[0]!, to: DAYS[1]!, by, prefix, topics, timezone: 'Asia/Shanghai', schema });
}

beforeAll(async () => {
  config = testConfig('schema');
  redis = await connect(config, captureLogger(config).logger);
  await clearPrefix(redis, config.REDIS_PREFIX);
  specs = knownSet(240, DAYS);
  const rec = new RedisStatsRecorder({ redis, logger: captureLogger(config).logger, config, schema: WITH_INTENT });
  for (const s of specs) rec.record(consultation(s));
  await rec.close();
});

afterAll(async () => {
  await clearPrefix(redis, config.REDIS_PREFIX);
  await closeRedis(redis);
});

describe('statistics schema', () => {
  it('records a new dimension in its own per-day hash and in the day cross-tab field', async () => {
    const keys = statsKeys(config.REDIS_PREFIX);
    for (const day of DAYS) {
      const mine = specs.filter((s) => s.day === day);
      const perIntent: Record<string, number> = {};
      for (const s of mine) {
        if (!intentOf(s)) continue;
        const field = `${intentOf(s)}${FIELD_SEP}${s.topic === 'chitchat' ? 'chitchat' : s.action}`;
        perIntent[field] = (perIntent[field] ?? 0) + 1;
      }
      const stored = Object.fromEntries(Object.entries(await redis.hgetall(keys.dimension('intent', day))).map(([k, v]) => [k, Number(v)]));
      expect(stored).toEqual(perIntent);
      const detail: Record<string, number> = {};
      for (const s of mine) {
        const parts = [s.topic, s.action, s.channel, s.room ? hashId(SALT, s.room) : '', intentOf(s)];
        while (parts.at(-1) === '') parts.pop();
        const f = parts.join(FIELD_SEP);
        detail[f] = (detail[f] ?? 0) + 1;
      }
      expect(Object.fromEntries(Object.entries(await redis.hgetall(keys.day(day))).map(([k, v]) => [k, Number(v)]))).toEqual(detail);
    }
  });

  it('reads it back by name: a table per period and in total, and a detail column; the other figures are unchanged', async () => {
    const report = await query(config.REDIS_PREFIX, WITH_INTENT);
    const table = report.dimensions?.intent;
    expect(table).toMatchObject({ column: '意图', sheet: '按意图', detail: true });
    const expected = new Map<string, number>();
    for (const s of counted(specs)) if (intentOf(s)) expected.set(intentOf(s), (expected.get(intentOf(s)) ?? 0) + 1);
    expect(new Map(table!.totals.map((r) => [r.value, r.total]))).toEqual(expected);
    const perDay = new Map<string, { answered: number; clarified: number; total: number }>();
    for (const s of counted(specs)) {
      if (!intentOf(s)) continue;
      const row = perDay.get(`${s.day} ${intentOf(s)}`) ?? { answered: 0, clarified: 0, total: 0 };
      row.total += 1;
      if (s.action === 'answer') row.answered += 1;
      if (s.action === 'clarify') row.clarified += 1;
      perDay.set(`${s.day} ${intentOf(s)}`, row);
    }
    expect(perDay.size).toBeGreaterThanOrEqual(4);
    expect(new Map(table!.byPeriod.map((r) => [`${r.period} ${r.value}`, { answered: r.answered, clarified: r.clarified, total: r.total }]))).toEqual(perDay);
    expect(report.byDetail.every((r) => r.dims !== undefined && 'intent' in r.dims)).toBe(true);
    expect(report.byDetail.filter((r) => r.dims!.intent === 'noise.x').reduce((n, r) => n + r.total, 0)).toBe(expected.get('noise.x'));

    // The built-in schema reads the same data with the same figures (the new part is ignored).
    const plain = await query(config.REDIS_PREFIX);
    expect(plain.dimensions).toBeUndefined();
    const { dimensions: _d, byDetail: detailed, ...rest } = report;
    const { byDetail: plainDetail, ...plainRest } = plain;
    expect(rest).toEqual(plainRest);
    expect(plainRest.totals.total).toBe(counted(specs).length);
    expect(detailed.reduce((n, r) => n + r.total, 0)).toBe(plainDetail.reduce((n, r) => n + r.total, 0));
  });

  it('exports it: a CSV column after 群, an xlsx sheet with its rows and 合计, the JSON table', async () => {
    const report = await query(config.REDIS_PREFIX, WITH_INTENT, 'month');
    const csv = reportToCsv(report).slice(1).split('\r\n\r\n')[0]!.split('\r\n').map((l) => l.split(','));
    expect(csv[0]).toEqual(['时间段', '话题', '渠道', '群', '意图', '解答', '追问澄清', '非城管事项', '合计']);
    const noise = csv.filter((r) => r[4] === 'noise.x').reduce((n, r) => n + Number(r[8]), 0);
    expect(noise).toBe(counted(specs).filter((s) => intentOf(s) === 'noise.x').length);
    expect(csv.at(-1)).toEqual(['合计', '', '', '', '', ...[0, 0, 0, 0].map((_, i) => String([report.totals.answered, report.totals.clarified, report.totals.outOfScope, report.totals.total][i]))]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportToXlsx(report)) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('按意图');
    expect(sheet).toBeDefined();
    const rows = (sheet!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows[0]).toEqual(['时间段', '意图', '解答', '追问澄清', '非城管事项', '合计']);
    expect(rows.at(-1)).toEqual(['合计', '', ...[report.dimensions!.intent!.totals.reduce((n, r) => n + r.answered, 0), report.dimensions!.intent!.totals.reduce((n, r) => n + r.clarified, 0)], expect.any(Number), report.dimensions!.intent!.totals.reduce((n, r) => n + r.total, 0)]);
    expect(rows.find((r) => r[1] === 'noise.x')?.[5]).toBe(counted(specs).filter((s) => intentOf(s) === 'noise.x').length);
    const detailSheet = (wb.getWorksheet('明细')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(detailSheet[0]).toContain('意图');

    expect(JSON.parse(reportToJson(report)).dimensions.intent.totals.length).toBe(report.dimensions!.intent!.totals.length);
  });

  it('a clarification and its reply are one consultation in the new dimension too', async () => {
    const prefix = `${config.REDIS_PREFIX}cl:`;
    const rec = new RedisStatsRecorder({ redis, logger: captureLogger(config).logger, config: { ...config, REDIS_PREFIX: prefix }, schema: WITH_INTENT });
    const base = { day: DAYS[0]!, hour: 10, channel: 'private' as const, user: 'cl-user' };
    rec.record({ ...consultation({ ...base, topic: 'noise', action: 'clarify', id: 'q1' }), intent: 'noise.night_construction' });
    await rec.flush();
    rec.record({ ...consultation({ ...base, topic: 'fumes_bbq', action: 'answer', id: 'q1-reply' }), intent: 'fumes_bbq.oil_fume', replaces: 'q1' });
    await rec.close();
    const report = await query(prefix, WITH_INTENT);
    expect(report.totals.total).toBe(1);
    expect(report.dimensions!.intent!.totals.map((r) => [r.value, r.total, r.answered])).toEqual([['fumes_bbq.oil_fume', 1, 1]]);
  });

  it('existing data (written before the schema: fields by position) still reads', async () => {
    const prefix = `${config.REDIS_PREFIX}legacy:`;
    const k = statsKeys(prefix);
    const day = DAYS[0]!;
    // Exactly what the recording script wrote before the schema existed.
    await redis.hset(k.day(day), { 'noise|answer|private': 3, 'noise|clarify|room|abcdef0123456789': 2, 'street_vending|out_of_scope|room|abcdef0123456789': 1, 'chitchat|answer|private': 4 });
    await redis.hset(k.room(day), { 'abcdef0123456789|clarify': 2, 'abcdef0123456789|out_of_scope': 1, 'abcdef0123456789|chitchat': 1 });
    await redis.hset(k.hour(day), { '9|answer': 3, '10|clarify': 2, '11|out_of_scope': 1, '12|chitchat': 4 });
    await redis.hset(k.roomNames, 'abcdef0123456789', '阳逻街居民群');
    for (const schema of [STATS_SCHEMA, WITH_INTENT]) {
      const report = await query(prefix, schema);
      expect(report.totals).toMatchObject({ answered: 3, clarified: 2, outOfScope: 1, total: 6 });
      expect(report.chitchat).toBe(4);
      expect(report.roomTotals).toMatchObject([{ roomName: '阳逻街居民群', total: 3 }]);
      expect(report.byHour[10]!.clarified).toBe(2);
      expect(report.byDetail.find((r) => r.topic === 'noise' && r.channel === 'room')).toMatchObject({ roomName: '阳逻街居民群', clarified: 2 });
    }
    expect((await query(prefix, WITH_INTENT)).dimensions!.intent!.totals).toEqual([]);
  });

  it('refuses a schema it could not store or read back', () => {
    expect(() => defineSchema([CHANNEL, TOPIC])).toThrow(/first detail dimension must be topic/);
    expect(() => defineSchema([TOPIC, TOPIC])).toThrow(/listed twice/);
    expect(() => defineSchema([TOPIC, { ...INTENT, hash: 'day' }])).toThrow(/not allowed/);
    expect(() => defineSchema([TOPIC, { ...INTENT, hash: 'room' }, ROOM])).toThrow(/share the hash room/);
    expect(() => defineSchema([TOPIC, { name: 'x', column: 'x', value: () => '' }])).toThrow(/stored nowhere/);
  });
});
