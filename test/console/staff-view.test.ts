/// <reference lib="dom" />
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffAccounts } from '../../src/console/accounts.js';
import { createConsoleServer, type ConsoleServer } from '../../src/console/server.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { StatsRedis } from '../../src/redis/connection.js';
import { startRedisServer, type RedisServerHandle } from '../../src/redis/server.js';
import type { StatsReport } from '../../src/stats/query.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { statsReport } from '../../src/stats/report.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { captureLogger, connect, consultation, knownSet, SALT } from '../stats/helpers.js';
import { CHROMIUM, CHROMIUM_ARGS, DESKTOP } from '../helpers/chromium.js';

/**
 * The console as staff see it, in a real headless Chromium (one browser for the file), on a
 * redis-server of its own (stopped in the last test): what a staff member reads when a range
 * is refused, when the login has expired and when Redis is down (a Chinese line, no figures
 * of another period left on the page, no file saved for a refused export); the answer rate's
 * change in percentage points as the summary and Word report say it; the exported CSV's rows;
 * intent titles (not ids) in the review list; audit times in the bureau's time zone; the pages
 * fit a phone's width.
 */
const PASSWORD = 'xinzhou-fazhike-2026';
const FROM = '2026-03-01';
const TO = '2026-03-31';
const REVIEW_Q = '门口摆个小摊卖水果要罚多少钱';
const REVIEW_INTENT = 'street_vending.penalty';

let dir: string;
let redisServer: RedisServerHandle;
let redis: StatsRedis;
let config: Config;
let server: ConsoleServer;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let report: StatsReport;
let logger: ReturnType<typeof captureLogger>['logger'];

async function login(p: Page): Promise<void> {
  await p.goto(url);
  await p.locator('#login-form').waitFor();
  await p.fill('input[name=name]', 'lisi');
  await p.fill('input[name=password]', PASSWORD);
  await p.click('#login-form button[type=submit]');
  await p.locator('#nav').waitFor();
}

async function showRange(from: string, to: string): Promise<void> {
  await page.fill('#range-form input[name=from]', from);
  await page.fill('#range-form input[name=to]', to);
  await page.evaluate(() => delete document.body.dataset.dashboard);
  await page.click('#range-form button[type=submit]');
  await page.waitForFunction(() => document.body.dataset.dashboard);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-test-console-staff-'));
  redisServer = await startRedisServer({ dir });
  config = loadConfig({
    REDIS_URL: redisServer.url,
    REDIS_PREFIX: 'staff-view:',
    HASH_SALT: SALT,
    LOG_LEVEL: 'warn',
    CONSOLE_LOGIN_PER_MIN: '100',
    PUFA_KNOWLEDGE_DIR: path.join(REPO_ROOT, 'knowledge'),
    PUFA_INTENTS_DIR: path.join(REPO_ROOT, 'intents'),
  });
  logger = captureLogger(config, 'warn').logger;
  redis = await connect(config, logger, 'service');
  const recorder = new RedisStatsRecorder({ redis, logger, config });
  for (const s of knownSet(80, ['2026-03-03', '2026-03-12', '2026-03-24'])) recorder.record(consultation(s));
  for (const s of knownSet(33, ['2026-02-05', '2026-02-20'])) recorder.record(consultation(s));
  recorder.record({ ...consultation({ day: '2026-03-25', hour: 10, topic: 'street_vending', action: 'clarify', channel: 'private', user: 'wxid_review', text: REVIEW_Q }), intent: REVIEW_INTENT });
  await recorder.close();
  report = await statsReport({ config, logger, redis, from: FROM, to: TO, by: 'day' });
  await new StaffAccounts(redis, config.REDIS_PREFIX).add('lisi', PASSWORD);
  server = await createConsoleServer({ config, logger, redis });
  url = (await server.listen(0)).replace('0.0.0.0', '127.0.0.1');

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  context = await browser.newContext(DESKTOP);
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('dialog', (d) => void d.accept());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  redis?.disconnect();
  await redisServer?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the console as staff see it', () => {
  it('shows only the login form before login', { timeout: 120_000 }, async () => {
    await page.goto(url);
    await page.locator('#login-form').waitFor();
    expect(await page.isVisible('#nav')).toBe(false);
    expect(await page.isVisible('#page-dashboard')).toBe(false);
  });

  it('gives the answer rate change in percentage points; a reversed range is refused in Chinese and leaves no figures', { timeout: 180_000 }, async () => {
    await login(page);
    await page.evaluate(({ from, to }) => (location.hash = `#dashboard?from=${from}&to=${to}&by=day`), { from: FROM, to: TO });
    await page.waitForFunction((r) => document.body.dataset.dashboard === r, `${FROM}..${TO}`);
    expect(Number(await page.getAttribute('[data-figure=total] .value', 'data-value'))).toBe(report.totals.total);
    // As the summary and the Word report say it ("解答率提高 x 个百分点"), not a relative change of a rate.
    const points = report.previous!.answeredShareChange!;
    expect(points).not.toBe(0);
    expect(await page.textContent('[data-figure=answeredShare] .prev')).toContain(`${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} 个百分点`);

    await showRange(TO, FROM);
    expect(await page.textContent('#notice')).toBe(`开始日期（${TO}）晚于结束日期（${FROM}），请重新选择。`);
    expect(await page.locator('#cards .kpi').count()).toBe(0);
    expect(await page.textContent('#compare-note')).toBe('');
    await showRange('2000-01-01', TO);
    expect(await page.textContent('#notice')).toMatch(/^日期范围太长：\d+ 天，一次最多 3700 天/);
    await showRange(FROM, TO);
    expect(await page.isVisible('#notice')).toBe(false);
  });

  it('exports: a refused range is told on the page and saves no file; the CSV has a row per period, topic, channel and group', { timeout: 180_000 }, async () => {
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.evaluate(() => (location.hash = '#export'));
    await page.locator('#export-links a').first().waitFor();
    await page.fill('#export-form input[name=from]', TO);
    await page.fill('#export-form input[name=to]', FROM);
    await page.click('#export-links a[data-format=csv]');
    await expect.poll(() => page.textContent('#export-error'), { timeout: 30_000 }).toBe(`开始日期（${TO}）晚于结束日期（${FROM}），请重新选择。`);
    expect(downloads).toEqual([]);

    await page.fill('#export-form input[name=from]', FROM);
    await page.fill('#export-form input[name=to]', TO);
    expect(await page.textContent('#export-error')).toBe('');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-links a[data-format=csv]')]);
    expect(download.suggestedFilename()).toBe(`普法咨询统计_${FROM}_${TO}.csv`);
    const file = path.join(dir, 'export.csv');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF时间段,话题,渠道,群,解答,追问澄清,非城管事项,合计')).toBe(true);
    // The consultations' table ends with its 合计 row (the announcements' table follows).
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const end = lines.findIndex((l) => l.startsWith('合计,'));
    const data = lines.slice(1, end).map((l) => l.split(','));
    expect(data.length).toBeGreaterThan(5);
    expect(data.reduce((n, r) => n + Number(r[7]), 0)).toBe(report.totals.total);
    expect(Number(lines[end]!.split(',')[7])).toBe(report.totals.total);
  });

  it('names intents by their titles in the review list; the audit log gives times in the bureau time zone and exports in words', { timeout: 120_000 }, async () => {
    await page.evaluate(() => (location.hash = '#review'));
    const row = page.locator('#review-table tbody tr', { hasText: REVIEW_Q });
    await row.waitFor();
    const verdict = await row.locator('td').nth(4).textContent();
    const title = (await server.app.inject({ method: 'GET', url: '/api/intents', cookies: Object.fromEntries((await context.cookies()).map((c) => [c.name, c.value])) })).json() as { intents: { id: string; title: string }[] };
    expect(verdict).toContain(title.intents.find((i) => i.id === REVIEW_INTENT)!.title);
    expect(verdict).not.toContain(REVIEW_INTENT);
    expect(await row.locator('select').textContent()).not.toMatch(/[a-z_]+\.[a-z_]+/);

    await page.evaluate(() => (location.hash = '#audit'));
    await page.locator('#audit-table tbody tr').first().waitFor();
    const cookies = Object.fromEntries((await context.cookies()).map((c) => [c.name, c.value]));
    // An export is logged in words staff read: the format's name and the range, no format codes.
    expect((await server.app.inject({ method: 'GET', url: '/api/export?format=csv&from=2026-01-01&to=2026-01-31', cookies })).statusCode).toBe(200);
    await page.evaluate(() => (location.hash = '#review'));
    await page.evaluate(() => (location.hash = '#audit'));
    await page.locator('#audit-table tbody tr td', { hasText: 'CSV 表格，2026-01-01 至 2026-01-31' }).first().waitFor();
    const entries = (await server.app.inject({ method: 'GET', url: '/api/audit', cookies })).json() as { entries: { at: string; what: string; detail: string }[] };
    expect(entries.entries.find((e) => e.what === 'export')?.detail).toBe('CSV 表格，2026-01-01 至 2026-01-31');
    const newest = entries.entries[0]!;
    const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(newest.at)).map((x) => [x.type, x.value]));
    expect(await page.locator('#audit-table tbody tr').first().locator('td').first().textContent()).toBe(`${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`);
  });

  it('fits a phone: the header on its lines, no page wider than the screen', { timeout: 180_000 }, async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const p = await phone.newPage();
      p.setDefaultTimeout(60_000);
      await login(p);
      await p.waitForFunction(() => document.body.dataset.dashboard);
      for (const [hash, drawn] of [['#dashboard', '#cards .kpi'], ['#announce', '#preview .meta'], ['#export', '#export-links a']] as const) {
        await p.evaluate((h) => (location.hash = h), hash);
        await p.locator(drawn).first().waitFor();
        expect(await p.evaluate(() => document.documentElement.scrollWidth), hash).toBeLessThanOrEqual(390);
      }
      // Every menu item on one line (not a column of single characters).
      const heights = await p.locator('#nav a').evaluateAll((as) => as.map((a) => (a as HTMLElement).getBoundingClientRect().height));
      expect(Math.max(...heights)).toBeLessThan(40);
    } finally {
      await phone.close();
    }
  });

  it('says the login expired when the session ended while the page was open', { timeout: 120_000 }, async () => {
    // The dashboard drawn for this hash (a hash of its own, so the route always runs), and its
    // buttons shown, before the session ends: otherwise the route's own fetch may be the one
    // that finds the session gone, and the button is hidden behind the login form.
    await page.evaluate(() => {
      delete document.body.dataset.dashboard;
      location.hash = `#dashboard?drawn=${Date.now()}`;
    });
    await page.waitForFunction(() => document.body.dataset.dashboard);
    await page.locator('[data-quick=month]').waitFor({ state: 'visible' });
    for (const key of await redis.keys(`${config.REDIS_PREFIX}*session*`)) await redis.del(key);
    await page.click('[data-quick=month]');
    await page.locator('#login-form').waitFor();
    await expect.poll(() => page.textContent('#login-error'), { timeout: 30_000 }).toBe('登录已过期，请重新登录。');
    expect(await page.isVisible('#nav')).toBe(false);
  });

  it('tells staff in Chinese that Redis is down (no raw error, no figures of before)', { timeout: 180_000 }, async () => {
    await login(page);
    await page.evaluate(({ from, to }) => (location.hash = `#dashboard?from=${from}&to=${to}&by=day`), { from: FROM, to: TO });
    // This range's figures drawn (not the default range's, drawn on login) before Redis stops.
    await page.waitForFunction((r) => document.body.dataset.dashboard === r && document.querySelectorAll('#cards .kpi').length > 0, `${FROM}..${TO}`);
    const port = redisServer.port;
    await redisServer.stop();
    await page.evaluate(() => delete document.body.dataset.dashboard);
    await page.click('#range-form button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.dashboard);
    const notice = await page.textContent('#notice');
    expect(notice).toContain('统计库（Redis）暂时连不上');
    expect(notice).not.toMatch(/Stream|ECONN|enableOfflineQueue|Error/);
    expect(await page.locator('#cards .kpi').count()).toBe(0);
    const cookies = Object.fromEntries((await context.cookies()).map((c) => [c.name, c.value]));
    const api = await server.app.inject({ method: 'GET', url: `/api/dashboard?from=${FROM}&to=${TO}`, cookies });
    expect(api.statusCode).toBe(503);
    expect((api.json() as { error: string }).error).toContain('统计库（Redis）暂时连不上');
    redisServer = await startRedisServer({ dir, port });
  });
});
