import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportConsultations } from '../../src/stats/export/consultations.js';
import { StaffAccounts } from '../../src/console/accounts.js';
import { createConsoleServer, type ConsoleServer } from '../../src/console/server.js';
import type { StatsRedis } from '../../src/redis/connection.js';
import { statsKeys } from '../../src/stats/keys.js';
import type { StatsReport } from '../../src/stats/query.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { captureLogger, clearPrefix, connect, consultation, knownSet, testConfig, type Spec } from '../stats/helpers.js';

/**
 * The console's figures against the data in Redis (fastify inject, the test run's
 * redis-server): test data (kept under `t:<channel>:`) is left out of the dashboard by
 * default and in it with the include-test switch; the review queue lists low-confidence
 * answers and answers a citizen marked 👎; every download (csv, xlsx, json) holds the same
 * rows as `pufa export` for the same period.
 */
const config = testConfig('console-figures', { PUFA_KNOWLEDGE_DIR: path.join(REPO_ROOT, 'knowledge'), PUFA_INTENTS_DIR: path.join(REPO_ROOT, 'intents'), STATS_REVIEW_LOW_SCORE: '0.5' });
const { logger } = captureLogger(config);
const FROM = '2026-06-01';
const TO = '2026-06-30';
const DAYS = ['2026-06-03', '2026-06-10', '2026-06-17'];
const LOW = '小区里的共享单车堆在消防通道上谁来管';
const DOWN = '店门口的灯箱广告要不要审批';
const TEST_Q = '测试：终端里问一个要追问的问题';
let redis: StatsRedis;
let server: ConsoleServer;
let cookie: Record<string, string>;
let official: Spec[];
let testSpecs: Spec[];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pufa-console-figures-'));

const counted = (list: Spec[]): Spec[] => list.filter((s) => s.topic !== 'chitchat');
const get = async <T = unknown>(url: string): Promise<T> => {
  const res = await server.app.inject({ method: 'GET', url, cookies: cookie });
  expect(res.statusCode, url).toBe(200);
  return res.json() as T;
};

beforeAll(async () => {
  redis = await connect(config, logger);
  await clearPrefix(redis, config.REDIS_PREFIX);
  await new StaffAccounts(redis, config.REDIS_PREFIX).add('zhaoliu', 'console figures 2026');
  const recorder = new RedisStatsRecorder({ redis, logger, config });
  official = knownSet(90, DAYS).filter((s) => s.channel !== 'console');
  for (const s of official) recorder.record(consultation(s));
  // Test data: the terminal chat and `pufa simulate` (private and group messages).
  testSpecs = knownSet(33, DAYS).map((s, i) => ({ ...s, user: `tester${i}` }));
  for (const s of testSpecs) recorder.record({ ...consultation(s), test: true });
  recorder.record({ ...consultation({ day: DAYS[1]!, hour: 9, topic: 'noise', action: 'clarify', channel: 'console', user: 'tester-q', text: TEST_Q }), test: true });
  // A low-confidence answer and an answer a citizen marked 👎.
  recorder.record({ ...consultation({ day: DAYS[2]!, hour: 15, topic: 'parking', action: 'answer', channel: 'private', user: 'low1', text: LOW }), score: 0.31 });
  recorder.record({ ...consultation({ day: DAYS[2]!, hour: 16, topic: 'outdoor_ads', action: 'answer', channel: 'private', user: 'down1', text: DOWN, id: 'answered-1' }), score: 0.92 });
  official.push({ day: DAYS[2]!, hour: 15, topic: 'parking', action: 'answer', channel: 'private', user: 'low1' }, { day: DAYS[2]!, hour: 16, topic: 'outdoor_ads', action: 'answer', channel: 'private', user: 'down1' });
  recorder.recordFeedback({ consultationId: 'answered-1', at: new Date(`${DAYS[2]}T09:00:00Z`), helpful: false, topic: 'outdoor_ads', intent: 'outdoor_ads.approval', channel: 'private', user: 'down1', text: DOWN, score: 0.92 });
  await recorder.close();
  server = await createConsoleServer({ config, logger, redis });
  const res = await server.app.inject({ method: 'POST', url: '/api/login', payload: { name: 'zhaoliu', password: 'console figures 2026' } });
  cookie = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
});

afterAll(async () => {
  await server?.close();
  await clearPrefix(redis, config.REDIS_PREFIX);
  redis.disconnect();
  rmSync(tmp, { recursive: true, force: true });
});

describe('console figures', () => {
  it('test data sits under t:<channel>: and is left out of the dashboard unless the switch is on', async () => {
    const keys = statsKeys(config.REDIS_PREFIX);
    const testTotal = counted(testSpecs).length + 1;
    const inTestKeys = async (): Promise<number> => {
      let n = 0;
      for (const ch of ['console', 'private', 'room']) for (const d of DAYS) for (const [f, v] of Object.entries(await redis.hgetall(keys.test(ch).day(d)))) if (!f.startsWith('chitchat|')) n += Number(v);
      return n;
    };
    expect(await inTestKeys()).toBe(testTotal);

    const plain = await get<{ current: StatsReport }>(`/api/dashboard?from=${FROM}&to=${TO}`);
    expect(plain.current.includeTest).toBe(false);
    expect(plain.current.totals.total).toBe(counted(official).length);
    expect(plain.current.testLeftOut).toBe(testTotal);
    expect(plain.current.channelTotals.map((c) => c.channel)).not.toContain('console');

    const withTest = await get<{ current: StatsReport }>(`/api/dashboard?from=${FROM}&to=${TO}&includeTest=1`);
    expect(withTest.current.includeTest).toBe(true);
    expect(withTest.current.totals.total).toBe(counted(official).length + testTotal);
    expect(withTest.current.testLeftOut).toBe(0);
    expect(withTest.current.channelTotals.find((c) => c.channel === 'console')?.total).toBe(counted(testSpecs).filter((s) => s.channel === 'console').length + 1);
    expect(withTest.current.totals.citizens).toBeGreaterThan(plain.current.totals.citizens);
    // The same switch on the figures API.
    expect((await get<StatsReport>(`/api/stats?from=${FROM}&to=${TO}&includeTest=1`)).totals.total).toBe(withTest.current.totals.total);
  });

  it('the review queue lists low-confidence answers and 👎 answers; test questions only with the switch', async () => {
    type Row = { text: string; reason: string; reasonName: string; topic: string };
    const rows = (await get<{ rows: Row[] }>(`/api/review?from=${FROM}&to=${TO}`)).rows;
    expect(rows.find((r) => r.text === LOW)).toMatchObject({ reason: 'low_score', reasonName: '低置信度解答', topic: 'parking' });
    expect(rows.find((r) => r.text === DOWN)).toMatchObject({ reason: 'not_helpful', reasonName: '群众点了👎', topic: 'outdoor_ads' });
    expect(rows.map((r) => r.text)).not.toContain(TEST_Q);
    const withTest = (await get<{ rows: Row[] }>(`/api/review?from=${FROM}&to=${TO}&includeTest=1`)).rows;
    expect(withTest.map((r) => r.text)).toContain(TEST_Q);
    // Outside the period: nothing.
    expect((await get<{ rows: Row[] }>('/api/review?from=2026-07-01&to=2026-07-31')).rows).toEqual([]);
  });

  it('downloads hold the same rows as `pufa export` for the same period (csv, json, xlsx; with and without test data)', async () => {
    for (const includeTest of [false, true]) {
      const q = `from=${FROM}&to=${TO}&by=week${includeTest ? '&includeTest=1' : ''}`;
      const download = async (format: string) => server.app.inject({ method: 'GET', url: `/api/export?${q}&format=${format}`, cookies: cookie });
      const cli = (format: string) => exportConsultations({ config, logger, redis, from: FROM, to: TO, by: 'week', format, includeTest, ...(format === 'xlsx' ? { out: path.join(tmp, `cli-${includeTest}.xlsx`) } : {}) });

      const csv = await download('csv');
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toBe(String((await cli('csv')).output));
      expect(csv.body.split('\r\n').length).toBeGreaterThan(10);
      expect(JSON.parse((await download('json')).body)).toEqual(JSON.parse(String((await cli('json')).output)));

      const sheets = async (bytes: Buffer): Promise<Record<string, unknown[][]>> => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
        return Object.fromEntries(wb.worksheets.filter((ws) => ws.name !== '图表').map((ws) => [ws.name, (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1))]));
      };
      const fromConsole = await sheets((await download('xlsx')).rawPayload);
      const fromCli = await sheets((await cli('xlsx')).output as Buffer);
      expect(Object.keys(fromConsole)).toContain('明细');
      expect(fromConsole).toEqual(fromCli);
    }
  });
});
