import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportConsultations } from '../../src/stats/export/consultations.js';
import { statsOverview } from '../../src/stats/overview.js';
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
  it('csv: BOM, Chinese headers, one row per period × topic × channel × group, exact counts, totals row, announcements block', async () => {
    const { output } = await run({ by: 'day', format: 'csv' });
    expect(typeof output).toBe('string');
    const text = output as string;
    expect(text.startsWith(BOM)).toBe(true);
    const [main, ann] = text.slice(1).trimEnd().split('\r\n\r\n');
    const rows = main!.split('\r\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['时间段', '话题', '渠道', '群', '解答', '追问澄清', '非城管事项', '合计']);
    const body = rows.slice(1, -1);
    // Every non-empty (day, topic, channel, group) once, and they add up to the specs.
    const expected = new Map<string, Spec[]>();
    for (const s of counted(specs)) {
      const key = [s.day, NAMES[s.topic], { private: '私聊', room: '群聊', console: '终端' }[s.channel], s.roomName ?? ''].join(',');
      expected.set(key, [...(expected.get(key) ?? []), s]);
    }
    expect(body).toHaveLength(expected.size);
    for (const r of body) {
      const want = expected.get(r.slice(0, 4).join(','));
      expect(want, r.join(',')).toBeDefined();
      expect(r.slice(4).map(Number)).toEqual(tally(want!));
    }
    expect(rows.at(-1)).toEqual(['合计', '', '', '', ...tally(counted(specs)).map(String)]);
    expect(body.some((r) => r[1] === '闲聊')).toBe(false);
    const annRows = ann!.split('\r\n').map((l) => l.split(','));
    expect(annRows[0]).toEqual(['时间段', '公告推送', '送达群次']);
    expect(annRows.slice(1, -1).map((r) => r[0])).toEqual(DAYS);
    expect(annRows.at(-1)).toEqual(['合计', '0', '0']);
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
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.summary, SHEETS.charts, SHEETS.topic, SHEETS.channel, SHEETS.room, SHEETS.detail, SHEETS.hour, SHEETS.heatmap, SHEETS.feedback, SHEETS.notes]);
    const values = (name: string): unknown[][] => {
      const rows: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const total = tally(counted(specs));
    const byTopic = values(SHEETS.topic);
    expect(byTopic[0]).toEqual(['时间段', '话题', '解答', '追问澄清', '非城管事项', '合计', '兼涉']);
    expect(byTopic).toHaveLength(1 + 16 * 3 + 1);
    expect(byTopic.at(-1)).toEqual(['合计', '', ...total, 0]);
    const byChannel = values(SHEETS.channel);
    expect(byChannel[0]).toEqual(['时间段', '渠道', '解答', '追问澄清', '非城管事项', '合计']);
    expect(byChannel.at(-1)).toEqual(['合计', '', ...total]);
    const roomRows = values(SHEETS.room);
    expect(roomRows.at(-1)).toEqual(['合计', '', ...tally(counted(specs).filter((s) => s.channel === 'room'))]);
    expect(roomRows.slice(1, -1).every((r) => typeof r[1] === 'string' && (r[1] as string).endsWith('群'))).toBe(true);
    const detail = values(SHEETS.detail);
    expect(detail[0]).toEqual(['时间段', '话题', '渠道', '群', '解答', '追问澄清', '非城管事项', '合计']);
    expect(detail.at(-1)).toEqual(['合计', '', '', '', ...total]);
    expect(detail.slice(1, -1).reduce((n, r) => n + Number(r[7]), 0)).toBe(total[3]);
    const byHour = values(SHEETS.hour);
    expect(byHour).toHaveLength(1 + 24 + 1);
    expect(byHour[1]![0]).toBe('00:00-00:59');
    expect(byHour.at(-1)).toEqual(['合计', ...total]);
    const heat = values(SHEETS.heatmap);
    expect(heat).toHaveLength(1 + 7);
    expect(heat.slice(1).reduce((n, r) => n + Number(r[25]), 0)).toBe(total[3]);
    const summary = values(SHEETS.summary);
    expect(summary[0]).toEqual(['时间段', '开始日期', '结束日期', '解答', '追问澄清', '非城管事项', '合计', '解答率', '咨询群众数', '公告推送', '送达群次']);
    const totalRow = summary.at(-1)!;
    expect(totalRow.slice(0, 7)).toEqual(['合计', '2026-03-01', '2026-03-03', ...total]);
    expect(totalRow[7]).toBeCloseTo(total[0]! / total[3]!, 3);
    expect(totalRow[8]).toBe(new Set(counted(specs).map((s) => s.user)).size);
    const notes = values(SHEETS.notes);
    expect(notes.find((r) => r[0] === '上一同期')?.slice(1, 3)).toEqual(['2026-02-26', '2026-02-28']);
    expect(notes.some((r) => String(r[0]).startsWith('口径'))).toBe(true);
    // The charts sheet holds the charts as PNG images.
    const media = (wb.model as unknown as { media: { extension: string; buffer: Buffer }[] }).media;
    expect(media.length).toBeGreaterThanOrEqual(4);
    expect(media.every((m) => m.extension === 'png' && m.buffer.subarray(1, 4).toString() === 'PNG')).toBe(true);
    expect(wb.getWorksheet(SHEETS.charts)!.getImages().length).toBe(media.length);
  }, 180_000);

  it('summary: exact numbers with the answered share, topics, trend, previous period, busiest hour; dates for a partial range, the year for a whole one', async () => {
    const partial = (await run({ format: 'summary', by: 'day' })).output as string;
    const c = counted(specs);
    const answered = c.filter((s) => s.action === 'answer').length;
    expect(partial.startsWith(`2026年3月1日至2026年3月3日，普法助手共受理群众咨询${c.length}人次，涉及约${new Set(c.map((s) => s.user)).size}名群众。`)).toBe(true);
    expect(partial).toContain(`其中直接解答${answered}人次（解答率${((answered / c.length) * 100).toFixed(1)}%）`);
    expect(partial).toContain(`占道经营${c.filter((s) => s.topic === 'street_vending').length}人次`);
    expect(partial).toContain(`对${c.filter((s) => s.action === 'out_of_scope').length}人次非城管事项告知了办理渠道`);
    expect(partial).toContain(`群聊咨询${c.filter((s) => s.channel === 'room').length}人次（覆盖3个群）`);
    expect(partial).toContain('从趋势看，咨询量最多的是');
    expect(partial).toContain('上一同期（2026年2月26日至2026年2月28日）无咨询记录。');

    const year = (await run({ from: '2025-01-01', to: '2025-12-31', by: 'month', format: 'summary' })).output as string;
    const y = counted(yearSpecs);
    expect(year.startsWith(`2025年，普法助手共受理群众咨询${y.length}人次，涉及约${new Set(y.map((s) => s.user)).size}名群众`)).toBe(true);
    // 2026 against 2025: the previous period of the same length.
    const both = (await run({ from: '2026-01-01', to: '2026-12-31', by: 'month', format: 'summary' })).output as string;
    const rel = ((c.length - y.length) / y.length) * 100;
    expect(both).toContain(`与上一同期（2025年，${y.length}人次）相比，咨询人次增长${rel.toFixed(1)}%`);

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
