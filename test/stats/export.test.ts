import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportConsultations } from '../../src/cli/commands/export.js';
import { statsOverview } from '../../src/cli/commands/stats.js';
import type { Config } from '../../src/config/config.js';
import { closeRedis, type StatsRedis } from '../../src/redis/connection.js';
import { BOM, SHEETS } from '../../src/stats/export/index.js';
import type { StatsReport } from '../../src/stats/query.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { captureLogger, clearPrefix, connect, consultation, knownSet, testConfig, type Spec } from './helpers.js';

const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03'];
const YEAR_DAYS = ['2025-01-15', '2025-06-30', '2025-12-31'];
const NAMES: Record<string, string> = { street_vending: '占道经营', outdoor_ads: '户外广告与店招', noise: '噪声扰民', fumes_bbq: '油烟与露天烧烤', out_of_scope: '非城管事项' };

let config: Config;
let redis: StatsRedis;
let specs: Spec[];
let yearSpecs: Spec[];
let tmp: string;

beforeAll(async () => {
  config = testConfig('export');
  const { logger } = captureLogger(config);
  redis = await connect(config, logger);
  await clearPrefix(redis, config.REDIS_PREFIX);
  const rec = new RedisStatsRecorder({ redis, logger, config });
  specs = knownSet(300, DAYS);
  yearSpecs = knownSet(90, YEAR_DAYS);
  for (const s of [...specs, ...yearSpecs]) rec.record(consultation(s));
  await rec.close();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pufa-test-export-'));
});

afterAll(async () => {
  await clearPrefix(redis, config.REDIS_PREFIX);
  await closeRedis(redis);
  rmSync(tmp, { recursive: true, force: true });
});

const counted = (list: Spec[]): Spec[] => list.filter((s) => s.topic !== 'chitchat');
const tally = (list: Spec[]): number[] => [
  list.filter((s) => s.action === 'answer').length,
  list.filter((s) => s.action === 'clarify').length,
  list.filter((s) => s.action === 'out_of_scope').length,
  list.length,
];

function run(extra: { from?: string; to?: string; by?: string; format?: string; out?: string }) {
  return exportConsultations({ config, logger: captureLogger(config).logger, from: '2026-03-01', to: '2026-03-03', ...extra });
}

describe('pufa export', () => {
  it('csv: BOM, Chinese headers, one row per period × topic, exact counts, totals row', async () => {
    const { output } = await run({ by: 'day', format: 'csv' });
    expect(typeof output).toBe('string');
    const text = output as string;
    expect(text.startsWith(BOM)).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['时间段', '话题', '解答', '追问澄清', '非城管事项', '合计']);
    const body = rows.slice(1, -1);
    // 16 topics (chitchat left out) for each of 3 days
    expect(body).toHaveLength(16 * 3);
    for (const day of DAYS) {
      for (const [id, name] of Object.entries(NAMES)) {
        const row = body.find((r) => r[0] === day && r[1] === name);
        expect(row, `${day} ${name}`).toBeDefined();
        expect(row!.slice(2).map(Number)).toEqual(tally(counted(specs).filter((s) => s.day === day && s.topic === id)));
      }
      expect(body.find((r) => r[0] === day && r[1] === '燃气安全')!.slice(2)).toEqual(['0', '0', '0', '0']);
    }
    expect(rows.at(-1)).toEqual(['合计', '', ...tally(counted(specs)).map(String)]);
    expect(body.some((r) => r[1] === '闲聊')).toBe(false);
  });

  it('json: the same data for programs', async () => {
    const { output } = await run({ by: 'month', format: 'json' });
    const report = JSON.parse(output as string) as StatsReport;
    expect(report.periods.map((p) => p.period)).toEqual(['2026-03']);
    expect([report.totals.answered, report.totals.clarified, report.totals.outOfScope, report.totals.total]).toEqual(tally(counted(specs)));
    expect(report.totals.citizens).toBe(new Set(counted(specs).map((s) => s.user)).size);
    expect(report.chitchat).toBe(specs.length - counted(specs).length);
    const vending = report.topicTotals.find((t) => t.topic === 'street_vending')!;
    expect(vending.topicName).toBe('占道经营');
    expect(vending.total).toBe(counted(specs).filter((s) => s.topic === 'street_vending').length);
    expect(report.channelTotals.find((c) => c.channel === 'room')!.total).toBe(counted(specs).filter((s) => s.channel === 'room').length);
  });

  it('xlsx: a sheet per view, rows and totals match', async () => {
    const out = path.join(tmp, 'sub', 'q1.xlsx');
    const { file } = await run({ by: 'day', format: 'xlsx', out });
    expect(file).toBe(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.topic, SHEETS.channel, SHEETS.room, SHEETS.hour, SHEETS.summary]);
    const values = (name: string): unknown[][] => {
      const rows: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const total = tally(counted(specs));
    const byTopic = values(SHEETS.topic);
    expect(byTopic[0]).toEqual(['时间段', '话题', '解答', '追问澄清', '非城管事项', '合计']);
    expect(byTopic).toHaveLength(1 + 16 * 3 + 1);
    expect(byTopic.at(-1)).toEqual(['合计', '', ...total]);
    const byChannel = values(SHEETS.channel);
    expect(byChannel[0]).toEqual(['时间段', '渠道', '解答', '追问澄清', '非城管事项', '合计']);
    expect(byChannel.at(-1)).toEqual(['合计', '', ...total]);
    const roomRows = values(SHEETS.room);
    expect(roomRows.at(-1)).toEqual(['合计', '', ...tally(counted(specs).filter((s) => s.channel === 'room'))]);
    expect(roomRows.slice(1, -1).every((r) => typeof r[1] === 'string' && (r[1] as string).endsWith('群'))).toBe(true);
    const byHour = values(SHEETS.hour);
    expect(byHour).toHaveLength(1 + 24 + 1);
    expect(byHour[1]![0]).toBe('00:00-00:59');
    expect(byHour.at(-1)).toEqual(['合计', ...total]);
    const summary = values(SHEETS.summary);
    expect(summary[0]).toContain('咨询群众数');
    expect(summary.at(-1)).toEqual(['合计', '2026-03-01', '2026-03-03', ...total, new Set(counted(specs).map((s) => s.user)).size]);
  });

  it('summary: a paragraph with the exact numbers; dates for a partial range, the year for a whole one', async () => {
    const partial = (await run({ format: 'summary' })).output as string;
    const c = counted(specs);
    expect(partial.startsWith('2026年3月1日至2026年3月3日，普法助手累计解答群众咨询')).toBe(true);
    expect(partial).toContain(`累计解答群众咨询${c.length}人次，涉及${new Set(c.map((s) => s.user)).size}名群众；其中`);
    expect(partial).toContain(`占道经营${c.filter((s) => s.topic === 'street_vending').length}人次`);
    expect(partial).toContain(`对${c.filter((s) => s.action === 'out_of_scope').length}人次非城管事项告知了办理渠道`);
    expect(partial).toContain(`群聊咨询${c.filter((s) => s.channel === 'room').length}人次（覆盖3个群）`);

    const year = (await run({ from: '2025-01-01', to: '2025-12-31', by: 'year', format: 'summary' })).output as string;
    const y = counted(yearSpecs);
    expect(year.startsWith(`2025年，普法助手累计解答群众咨询${y.length}人次，涉及${new Set(y.map((s) => s.user)).size}名群众`)).toBe(true);

    const empty = (await run({ from: '2024-01-01', to: '2024-12-31', format: 'summary' })).output as string;
    expect(empty).toBe('2024年，普法助手暂无群众咨询记录。\n');
  });

  it('groups by week (ISO, Monday first) and year', async () => {
    const weeks = JSON.parse((await run({ from: '2026-02-23', to: '2026-03-10', by: 'week', format: 'json' })).output as string) as StatsReport;
    // 2026-03-01 is a Sunday: it closes week 09; March 2 and 3 are in week 10.
    expect(weeks.periods.map((p) => [p.period, p.from, p.to])).toEqual([
      ['2026-W09', '2026-02-23', '2026-03-01'],
      ['2026-W10', '2026-03-02', '2026-03-08'],
      ['2026-W11', '2026-03-09', '2026-03-10'],
    ]);
    expect(weeks.periods[0]!.total).toBe(counted(specs).filter((s) => s.day === '2026-03-01').length);
    const years = JSON.parse((await run({ from: '2025-01-01', to: '2026-12-31', by: 'year', format: 'json' })).output as string) as StatsReport;
    expect(years.periods.map((p) => [p.period, p.total])).toEqual([
      ['2025', counted(yearSpecs).length],
      ['2026', counted(specs).length],
    ]);
  });

  it('pufa stats renders the same totals as a table', async () => {
    const { report, text } = await statsOverview({ config, logger: captureLogger(config).logger, from: '2026-03-01', to: '2026-03-03', review: 5 });
    expect(report.totals.total).toBe(counted(specs).length);
    expect(text).toContain(`咨询 ${counted(specs).length} 人次`);
    expect(text).toContain('占道经营');
    expect(text).toContain('待改进的问题');
  });

  it('rejects bad input before touching Redis', async () => {
    await expect(run({ from: '2026-02-30' })).rejects.toMatchObject({ code: 'PUFA_ERR_INPUT' });
    await expect(run({ from: '2026-3-1' })).rejects.toMatchObject({ code: 'PUFA_ERR_INPUT' });
    await expect(run({ from: '2026-03-04', to: '2026-03-01' })).rejects.toMatchObject({ code: 'PUFA_ERR_INPUT' });
    await expect(run({ format: 'pdf' })).rejects.toMatchObject({ code: 'PUFA_ERR_INPUT' });
    await expect(run({ by: 'fortnight' })).rejects.toMatchObject({ code: 'PUFA_ERR_INPUT' });
    await expect(run({ format: 'xlsx' })).rejects.toMatchObject({ code: 'PUFA_ERR_INPUT' });
  });
});
