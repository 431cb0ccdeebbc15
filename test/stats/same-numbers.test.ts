import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotServices } from '../../src/bot/context.js';
import { STAFF_COMMANDS } from '../../src/bot/staff/commands.js';
import { exportConsultations } from '../../src/stats/export/consultations.js';
import { renderSimulateSummary, simulateFile, type SimulateResult } from '../../src/chat/simulate.js';
import { statsOverview } from '../../src/stats/overview.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import { closeRedis, type StatsRedis } from '../../src/redis/connection.js';
import { figuresLine } from '../../src/stats/definitions.js';
import { SHEETS } from '../../src/stats/export/index.js';
import type { StatsReport } from '../../src/stats/query.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { statsReport } from '../../src/stats/report.js';
import { captureLogger, clearPrefix, connect, testConfig } from './helpers.js';
import { RedisHealth } from '../../src/redis/health.js';

/**
 * The acceptance check: for the same data, `pufa simulate`, `pufa stats`, every
 * `pufa export` format (summary and the Word report included), WeChat `#统计` and the
 * library function the console uses print the same numbers.
 */
const DAY = '2026-02-10';
const LINES: Record<string, string>[] = ([
  { text: '门口摆摊会被罚款吗', user: '甲', room: '阳逻街居民群' },
  { text: '楼下烧烤油烟太大找谁', user: '乙' },
  { text: '晚上工地施工太吵了', user: '丙', room: '邾城街商户群' },
  { text: '店门口的招牌要审批吗', user: '丁' },
  { text: '我的社保卡怎么补办', user: '戊' },
  { text: '你好', user: '己' },
  { text: '谢谢', user: '甲' },
  { text: '门口卖东西的喇叭好吵', user: '庚' },
  { text: '1', user: '庚' },
  { text: '对罚款不服怎么办', user: '辛', room: '阳逻街居民群' },
  { text: '垃圾分类怎么分', user: '壬' },
  { text: '东西被城管暂扣了怎么领回来', user: '癸', room: '阳逻街居民群' },
] as Record<string, string>[]).map((l, i) => ({ ...l, at: `${DAY}T${String(9 + (i % 8)).padStart(2, '0')}:${String(10 + i).padStart(2, '0')}:00+08:00` }));

let config: Config;
let redis: StatsRedis;
let brain: Brain;
let tmp: string;
let sim: SimulateResult;
let lib: StatsReport;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pufa-test-same-'));
  config = testConfig('same-numbers');
  const { logger } = captureLogger(config);
  redis = await connect(config, logger);
  await clearPrefix(redis, config.REDIS_PREFIX);
  brain = await createBrain({ config: loadConfig({ LOG_LEVEL: 'silent' }) });
  const file = path.join(tmp, 'demo.jsonl');
  writeFileSync(file, LINES.map((l) => JSON.stringify(l)).join('\n'));
  const recorder = new RedisStatsRecorder({ redis, logger, config });
  sim = await simulateFile({ config, logger, file, brain, recorder, progress: false });
  await recorder.close();
  lib = await statsReport({ config, logger, redis, from: DAY, to: DAY, includeTest: true });
}, 180_000);

afterAll(async () => {
  await clearPrefix(redis, config.REDIS_PREFIX);
  await closeRedis(redis);
  rmSync(tmp, { recursive: true, force: true });
});

const numbers = (r: { total: number; answered: number; clarified: number; outOfScope: number }): number[] => [r.total, r.answered, r.clarified, r.outOfScope];

describe('the same numbers everywhere', () => {
  it('simulate (test data) = the library function the console uses = stats --include-test = #统计 含测试', async () => {
    expect(sim.test).toBe(true);
    // "门口卖东西的喇叭好吵" is asked back, "1" resolves it: one consultation, not two.
    expect(sim.tally.resolvedClarifications).toBe(1);
    expect(sim.tally.chitchat).toBeGreaterThanOrEqual(1);
    expect(sim.tally.totals.outOfScope).toBeGreaterThanOrEqual(1);
    expect(numbers(lib.totals)).toEqual(numbers(sim.tally.totals));
    expect(lib.chitchat).toBe(sim.tally.chitchat);
    for (const t of lib.topicTotals) expect(t.total, t.topic).toBe(sim.byTopic[t.topic] ?? 0);

    const line = figuresLine(lib.totals, lib.chitchat);
    expect(renderSimulateSummary(sim)).toContain(line);
    const stats = await statsOverview({ config, logger: captureLogger(config).logger, redis, from: DAY, to: DAY, includeTest: true });
    expect(stats.text).toContain(line);

    const staff = STAFF_COMMANDS.find((c) => c.name === '统计')!;
    const botLogger = captureLogger(config).logger;
    const bot = { config, logger: botLogger, redis, health: new RedisHealth({ logger: botLogger }), recorder: { flush: async () => undefined } } as unknown as BotServices;
    const [reply] = await staff.run({ bot, staff: 'x'.repeat(16), args: `${DAY} ${DAY} 含测试` });
    expect((reply as { text: string }).text).toContain(line);
    // Without 含测试 the official figures: the simulated data is left out, and said so.
    const [official] = await staff.run({ bot, staff: 'x'.repeat(16), args: `${DAY} ${DAY}` });
    expect((official as { text: string }).text).toContain(figuresLine({ total: 0, answered: 0, clarified: 0, outOfScope: 0 }, 0));
    expect((official as { text: string }).text).toContain(`另有测试数据 ${lib.totals.total} 人次未计入`);
  });

  it('export json, csv, xlsx, summary and docx (--include-test) carry the same figures', async () => {
    const run = async (format: string, out?: string) => (await exportConsultations({ config, logger: captureLogger(config).logger, redis, from: DAY, to: DAY, by: 'day', format, includeTest: true, ...(out ? { out } : {}) })).output;
    const json = JSON.parse((await run('json')) as string) as StatsReport;
    expect(json).toEqual(JSON.parse(JSON.stringify(lib)));

    const csv = (await run('csv')) as string;
    const totalRow = csv.split('\r\n').find((l) => l.startsWith('合计,,,'))!;
    expect(totalRow.split(',').slice(4).map(Number)).toEqual([lib.totals.answered, lib.totals.clarified, lib.totals.outOfScope, lib.totals.total]);

    const summary = (await run('summary')) as string;
    expect(summary).toContain(`共受理群众咨询${lib.totals.total}人次（含测试数据）`);
    expect(summary).toContain(`其中直接解答${lib.totals.answered}人次`);

    const xlsxFile = path.join(tmp, 'same.xlsx');
    await run('xlsx', xlsxFile);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsxFile) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet(SHEETS.summary)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === '合计')!.slice(3, 7)).toEqual([lib.totals.answered, lib.totals.clarified, lib.totals.outOfScope, lib.totals.total]);

    // The Word report: a zip with the text in word/document.xml and the charts in word/media.
    const docxFile = path.join(tmp, 'same.docx');
    await run('docx', docxFile);
    const zip = await JSZip.loadAsync(readFileSync(docxFile));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('2026年2月10日普法咨询统计报告');
    expect(text).toContain(summary.trim().slice(0, 40));
    expect(text).toContain(`咨询人次${lib.totals.total}`);
    expect(text).toContain(`其中：解答${lib.totals.answered}`);
    expect(text).toContain('统计口径');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    const pngs = media.filter((f) => f.endsWith('.png'));
    const svgs = media.filter((f) => f.endsWith('.svg'));
    expect(pngs.length).toBeGreaterThanOrEqual(3);
    expect(svgs.length).toBe(pngs.length);
    const png = await zip.file(pngs[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const svg = await zip.file(svgs.find((f) => f)!)!.async('string');
    expect(svg).toContain('<svg');
    expect(xml.match(/<pic:pic/g)?.length).toBe(pngs.length);
  }, 180_000);
});
