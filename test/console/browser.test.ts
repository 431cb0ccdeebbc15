/// <reference lib="dom" />
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Redis } from 'ioredis';
import JSZip from 'jszip';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { exportConsultations } from '../../src/stats/export/consultations.js';
import { StaffAccounts } from '../../src/console/accounts.js';
import { createConsoleServer, type ConsoleServer } from '../../src/console/server.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/core/logger.js';
import { createBrain } from '../../src/nlu/brain.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import type { StatsReport } from '../../src/stats/query.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { consultation, knownSet } from '../stats/helpers.js';
import { baseConfig, BOT_NAME, newMocker, startBot, waitFor, type Shared, type World } from '../wechat/harness.js';
import { CHROMIUM, CHROMIUM_ARGS, DESKTOP } from '../helpers/chromium.js';

/**
 * The staff console end to end in a real headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core), one browser for the whole file, against a bot on wechaty-puppet-mock,
 * the test run's redis-server, and a temp copy of the repository's intents/ and knowledge/:
 * refused without a login and without the CSRF token; the dashboard's charts drawn with the
 * figures of `pufa export --format json`; a reviewed question assigned to an intent lands in
 * intents/ and is answered after retrain; an announcement reaches the mock groups; the xlsx
 * and docx downloads hold the figures. Saves docs/console.png for the README.
 */
const FROM = '2026-03-01';
const TO = '2026-03-31';
const PASSWORD = 'xinzhou-chengguan-2026';
const REVIEW_Q = '风筝线挂在梧桐枝丫上取不下来';
const REVIEW_INTENT = 'greenery.trees';
const NOTICE = '【通知】本周六上午9点，新洲区城管局在邾城广场开展普法宣传活动，欢迎参加。';
const ROOMS = [
  { id: 'r1@chatroom', topic: '新洲一社区普法群' },
  { id: 'r2@chatroom', topic: '阳逻二社区普法群' },
  { id: 'r9@chatroom', topic: '业主闲聊群' },
];

let root: string;
let shared: Shared;
let world: World;
let server: ConsoleServer;
let url: string;
let context: BrowserContext;
let page: Page;
/** What `pufa export --format json` printed for the range. */
let report: StatsReport;

function quietLogger(): { logger: ReturnType<typeof createLogger>; logs: string[] } {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, cb) {
      logs.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { logger: createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, { destination }), logs };
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'pufa-console-e2e-'));
  const intentsDir = path.join(root, 'intents');
  const knowledgeDir = path.join(root, 'knowledge');
  const cacheDir = path.join(root, 'cache');
  cpSync(path.join(REPO_ROOT, 'intents'), intentsDir, { recursive: true });
  cpSync(path.join(REPO_ROOT, 'knowledge'), knowledgeDir, { recursive: true });
  // The model is keyed by the content of intents/: the repository's cache saves a training.
  mkdirSync(cacheDir);
  if (existsSync(path.join(REPO_ROOT, '.cache'))) cpSync(path.join(REPO_ROOT, '.cache'), cacheDir, { recursive: true });
  const { logger, logs } = quietLogger();
  const brain = await createBrain({ config: loadConfig({ PUFA_INTENTS_DIR: intentsDir, PUFA_KNOWLEDGE_DIR: knowledgeDir, PUFA_CACHE_DIR: cacheDir, LOG_LEVEL: 'silent' }), logger });
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  const prefix = `t-console-${process.pid}-${Date.now().toString(36)}:`;
  const dataDir = path.join(root, 'data');
  mkdirSync(dataDir);
  shared = {
    kb: { root, intentsDir, knowledgeDir, cacheDir },
    brain,
    redis,
    prefix,
    dataDir,
    logs,
    logger,
    async cleanup() {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };

  // Simulated consultations: March, and February for the comparison; two questions for review.
  const config = loadConfig({ REDIS_PREFIX: prefix, HASH_SALT: 'test-salt-0123456789abcdef', PUFA_KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'silent' });
  const recorder = new RedisStatsRecorder({ redis, logger, config });
  for (const s of knownSet(90, ['2026-03-02', '2026-03-05', '2026-03-11', '2026-03-19', '2026-03-27'])) recorder.record(consultation(s));
  for (const s of knownSet(40, ['2026-02-03', '2026-02-17'])) recorder.record(consultation(s));
  for (const [i, text] of [REVIEW_Q, REVIEW_Q, '我的电话是13812345678，楼下有人占道卖菜'].entries()) {
    recorder.record(consultation({ day: '2026-03-20', hour: 10 + i, topic: 'city_appearance', action: 'clarify', channel: 'private', user: `wxid_r${i}`, text }));
  }
  await recorder.close();

  const { mocker, puppet } = newMocker();
  const botUser = mocker.createContact({ id: 'bot-wxid', name: BOT_NAME });
  const citizen = mocker.createContact({ id: 'citizen-wxid', name: '刘师傅' });
  for (const r of ROOMS) mocker.createRoom({ id: r.id, topic: r.topic, memberIdList: [botUser.id, citizen.id] });
  world = await startBot(shared, mocker, puppet, botUser, baseConfig(shared, { ANNOUNCE_GROUP_INTERVAL_MS: 100, ANNOUNCE_MAX_CHARS: 640 }));

  await new StaffAccounts(redis, prefix).add('wangwu', PASSWORD);
  const bot = world.bot;
  server = await createConsoleServer({ config: bot.config, logger, redis, bot: () => bot.services });
  url = (await server.listen(0)).replace('0.0.0.0', '127.0.0.1');

  // One browser for the whole file, with a fresh profile directory.
  context = await chromium.launchPersistentContext(path.join(root, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...DESKTOP,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60_000);
  page.on('dialog', (d) => void d.accept());
}, 600_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  await world?.bot.stop();
  await shared?.cleanup();
  if (root) rmSync(root, { recursive: true, force: true });
});

const status = (p: Page, path: string, init: { method?: string; csrf?: string } = {}): Promise<number> =>
  p.evaluate(
    async ({ path, init }) =>
      (await fetch(path, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json', ...(init.csrf ? { 'x-csrf-token': init.csrf } : {}) }, ...(init.method === 'POST' ? { body: '{"ids":["1-0"],"status":"dismissed"}' } : {}) })).status,
    { path, init },
  );

describe('staff console in a browser', () => {
  it('shows the login form and refuses the API without a login', { timeout: 120_000 }, async () => {
    await page.goto(url);
    await page.locator('#login-form').waitFor();
    expect(await status(page, `/api/stats?from=${FROM}&to=${TO}`)).toBe(401);
    expect(await status(page, '/api/review/resolve', { method: 'POST' })).toBe(401);
    await page.fill('input[name=name]', 'wangwu');
    await page.fill('input[name=password]', 'not the password');
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/login')), page.click('#login-form button[type=submit]')]);
    await expect.poll(() => page.textContent('#login-error'), { timeout: 30_000 }).toBe('账号或密码不对');
  });

  it('logs in and draws the dashboard with the figures of `pufa export --format json`', async () => {
    await page.fill('input[name=name]', 'wangwu');
    await page.fill('input[name=password]', PASSWORD);
    const [login] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/login')), page.click('#login-form button[type=submit]')]);
    expect(login.status()).toBe(200);
    await page.locator('#nav').waitFor();
    // Refused without the CSRF token, even when logged in.
    expect(await status(page, '/api/review/resolve', { method: 'POST' })).toBe(403);
    await page.evaluate(({ from, to }) => (location.hash = `#dashboard?from=${from}&to=${to}&by=day`), { from: FROM, to: TO });
    await page.waitForFunction((r) => document.body.dataset.dashboard === r, `${FROM}..${TO}`);

    // What `pufa export --from … --to … --by day --format json` prints (its action, without a process spawn).
    const cli = await exportConsultations({ config: world.bot.config, logger: shared.logger, redis: shared.redis, from: FROM, to: TO, by: 'day', format: 'json' });
    report = JSON.parse(String(cli.output)) as StatsReport;
    expect(report.totals.total).toBeGreaterThan(50);
    const figure = (key: string) => page.getAttribute(`[data-figure=${key}] .value`, 'data-value').then(Number);
    expect(await figure('total')).toBe(report.totals.total);
    expect(await figure('answered')).toBe(report.totals.answered);
    expect(await figure('clarified')).toBe(report.totals.clarified);
    expect(await figure('outOfScope')).toBe(report.totals.outOfScope);
    expect(await figure('citizens')).toBe(report.totals.citizens);
    expect(await page.textContent('[data-figure=citizens] .label')).toContain('估算');
    // March is compared with February, and the page says so (it said "同样长度").
    expect(await page.textContent('#compare-note')).toContain('与对比期（2026-02-01 至 2026-02-28）比较');
    const prev = await exportConsultations({ config: world.bot.config, logger: shared.logger, redis: shared.redis, from: '2026-02-01', to: '2026-02-28', format: 'json' });
    const previousTotal = (JSON.parse(String(prev.output)) as StatsReport).totals.total;
    expect(previousTotal).toBeGreaterThan(0);
    expect(await page.textContent('[data-figure=total] .prev')).toContain(`上一周期 ${previousTotal}`);

    const series = (id: string, i = 0) => page.evaluate(({ id, i }) => (window as unknown as { pufaCharts: Record<string, { getOption(): { series: { data: unknown[] }[] } }> }).pufaCharts[id]!.getOption().series[i]!.data, { id, i });
    expect(await series('chart-trend')).toEqual(report.periods.map((p) => p.total));
    expect(await series('chart-topics')).toEqual(report.topicTotals.map((t) => t.total));
    expect(await series('chart-channels')).toEqual(report.channelTotals.map((c) => c.total));
    expect(await series('chart-rooms')).toEqual(report.roomTotals.slice(0, 10).map((r) => r.total));
    const heat = (await series('chart-heatmap')) as [number, number, number][];
    expect(heat.reduce((n, c) => n + c[2], 0)).toBe(report.totals.total);
    // Every chart is drawn: a canvas with pixels in each container.
    for (const id of ['chart-trend', 'chart-topics', 'chart-outcomes', 'chart-channels', 'chart-rooms', 'chart-heatmap']) {
      const size = await page.$eval(`#${id} canvas`, (c) => (c as HTMLCanvasElement).width * (c as HTMLCanvasElement).height);
      expect(size, id).toBeGreaterThan(10_000);
    }
    await page.waitForTimeout(800); // ECharts' entry animation
    await page.screenshot({ path: path.join(REPO_ROOT, 'docs/console.png'), fullPage: false });
  }, 300_000);

  it('assigns a reviewed question to an intent: it lands in intents/ and is answered after retrain', async () => {
    await page.evaluate(() => (location.hash = '#review'));
    const row = page.locator('#review-table tbody tr', { hasText: REVIEW_Q });
    await row.waitFor();
    expect(await row.locator('td').nth(2).textContent()).toBe('2');
    // No raw phone number anywhere on the page.
    const body = await page.textContent('#review-table');
    expect(body).not.toContain('13812345678');
    expect(body).toContain('楼下有人占道卖菜');
    expect((await world.bot.services!.brain.brain.ask(REVIEW_Q, { channel: 'private' })).action).not.toBe('answer');

    await row.locator('select').selectOption(REVIEW_INTENT);
    await row.locator('button', { hasText: '归入' }).click();
    await row.waitFor({ state: 'detached' });
    const file = readFileSync(path.join(shared.kb.intentsDir, 'greenery.yaml'), 'utf8');
    expect(file).toContain(`      - ${REVIEW_Q}\n`);
    expect(file.split('\n')[0]).toBe(readFileSync(path.join(REPO_ROOT, 'intents/greenery.yaml'), 'utf8').split('\n')[0]);

    // Training runs in this process (as in the bot): it may hold the event loop, and with it
    // playwright's client, for a while on a loaded machine.
    await page.click('#retrain', { timeout: 600_000 });
    const verdict = page.locator('#retrain-result h3');
    await verdict.waitFor({ timeout: 600_000 });
    expect(await verdict.textContent()).toMatch(/^新模型已启用：检查题 \d+\/41（之前 \d+\/41）/);
    const assigned = page.locator('#retrain-assigned tbody tr', { hasText: REVIEW_Q });
    expect(await assigned.getAttribute('class')).toBe('ok');
    // Staff read the answer's title, not the intent's id.
    const title = world.bot.services!.brain.brain.kb.answers.get(REVIEW_INTENT)!.title;
    expect(await assigned.locator('td').nth(1).textContent()).toBe(title);
    expect(await assigned.locator('td').nth(3).textContent()).toBe(`解答：${title}`);
    const now = await world.bot.services!.brain.brain.ask(REVIEW_Q, { channel: 'private' });
    expect([now.action, now.intent]).toEqual(['answer', REVIEW_INTENT]);
  }, 900_000);

  it('sends an announcement that reaches the picked mock WeChat groups, with per-group status', async () => {
    await page.evaluate(() => (location.hash = '#announce'));
    await page.locator('#groups label').first().waitFor();
    const names = await page.locator('#groups label').allTextContents();
    expect(names).toEqual(['新洲一社区普法群', '阳逻二社区普法群']); // served groups only (BOT_ROOMS 普法群)
    // The form's cap is the server's ANNOUNCE_MAX_CHARS (the same as #公告's), not a number of its own.
    expect(await page.getAttribute('textarea[name=text]', 'maxlength')).toBe(String(world.bot.config.ANNOUNCE_MAX_CHARS));
    await page.fill('textarea[name=text]', NOTICE);
    await page.click('#groups-all');
    expect(await page.textContent('#preview .bubble')).toBe(NOTICE);
    expect(await page.textContent('#preview .meta')).toContain('发送到 2 个群');
    await page.click('#announce-form button[type=submit]');
    const card = page.locator('#announcements .ann').first();
    await expect.poll(() => card.locator('.status.sent').count(), { timeout: 60_000 }).toBe(2);
    const sent = await waitFor(() => {
      const inRooms = world.sent.filter((s) => s.room && s.text === NOTICE);
      return inRooms.length >= 2 && inRooms;
    }, 30_000, 'the announcement in both groups');
    expect(sent.map((s) => s.to).sort()).toEqual(['r1@chatroom', 'r2@chatroom']);
    expect(world.sent.some((s) => s.to === 'r9@chatroom')).toBe(false);
  }, 120_000);

  it('downloads the xlsx and the docx with the figures', async () => {
    await page.evaluate(() => (location.hash = '#export'));
    await page.fill('#export-form input[name=from]', FROM);
    await page.fill('#export-form input[name=to]', TO);
    const download = async (format: string): Promise<Buffer> => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#export-links a[data-format=${format}]`)]);
      const file = path.join(root, `export.${format}`);
      await d.saveAs(file);
      expect(d.suggestedFilename()).toContain(FROM);
      return readFileSync(file);
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('xlsx')) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('汇总')!;
    const header = (summary.getRow(1).values as unknown[]).map(String);
    let totalRow: unknown[] | undefined;
    summary.eachRow((row) => {
      const values = row.values as unknown[];
      if (!totalRow && values[1] === '合计') totalRow = values;
    });
    expect(totalRow, 'the 合计 row of 汇总').toBeDefined();
    expect(Number(totalRow![header.indexOf('合计')])).toBe(report.totals.total);
    const formats = await page.locator('#export-links a').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.format));
    // The links are named as the server names the formats (the audit log uses the same names).
    expect(await page.locator('#export-links a[data-format=xlsx]').textContent()).toBe('Excel（.xlsx）');
    if (formats.includes('docx')) {
      const zip = await JSZip.loadAsync(await download('docx'));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain(String(report.totals.total));
    }
    const audit = await server.app.inject({ method: 'GET', url: '/api/audit', cookies: Object.fromEntries((await page.context().cookies()).map((c) => [c.name, c.value])) });
    const what = (audit.json() as { entries: { who: string; what: string }[] }).entries.map((e) => e.what);
    expect(what).toEqual(expect.arrayContaining(['login', 'login.failed', 'review.assigned', 'retrain', 'announce', 'export']));
    // In the bot's process /healthz also reports WeChat and the model.
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toMatchObject({ ok: true, status: 'ok', redis: true, redisState: 'up', wechat: true, model: true });
  }, 120_000);
});
