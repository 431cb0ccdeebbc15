import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendUtterance } from '../../src/console/intents-file.js';
import { createConsoleServer, type ConsoleServer } from '../../src/console/server.js';
import { StaffAccounts } from '../../src/console/accounts.js';
import { exportConsultations } from '../../src/stats/export/consultations.js';
import type { StatsRedis } from '../../src/redis/connection.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { MetricsRecorder } from '../../src/console/metrics.js';
import { captureLogger, clearPrefix, connect, consultation, knownSet, SALT, testConfig, testRedisUrl } from '../stats/helpers.js';

/**
 * The console's HTTP API without a browser (fastify inject): refused without a login (401)
 * and without the CSRF token (403); /api/stats is what `pufa export --format json` prints;
 * /healthz and /metrics; the intents file keeps its layout when a question is added.
 */
const config = testConfig('console-api', { PUFA_KNOWLEDGE_DIR: path.join(REPO_ROOT, 'knowledge'), PUFA_INTENTS_DIR: path.join(REPO_ROOT, 'intents'), CONSOLE_LOGIN_PER_MIN: '4' });
const { logger, lines } = captureLogger(config);
let redis: StatsRedis;
let server: ConsoleServer;
const PASSWORD = 'correct horse battery';

function cookiesOf(res: { cookies: { name: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
}

let client = 0;
async function login(name = 'zhangsan', password = PASSWORD): Promise<{ cookie: Record<string, string>; csrf: string; status: number }> {
  client += 1;
  const res = await server.app.inject({ method: 'POST', url: '/api/login', payload: { name, password }, remoteAddress: `10.0.0.${client}` });
  return { cookie: cookiesOf(res), csrf: (res.json() as { csrfToken?: string }).csrfToken ?? '', status: res.statusCode };
}

beforeAll(async () => {
  redis = await connect(config, logger);
  await clearPrefix(redis, config.REDIS_PREFIX);
  await new StaffAccounts(redis, config.REDIS_PREFIX).add('zhangsan', PASSWORD);
  const recorder = new RedisStatsRecorder({ redis, logger, config });
  for (const s of knownSet(60, ['2026-03-02', '2026-03-03', '2026-03-10'])) recorder.record(consultation(s));
  await recorder.close();
  server = await createConsoleServer({ config, logger, redis });
});

afterAll(async () => {
  await server?.close();
  await clearPrefix(redis, config.REDIS_PREFIX);
  redis.disconnect();
});

describe('console API', () => {
  it('refuses every /api route without a login (401) and a wrong password', async () => {
    for (const url of ['/api/stats?from=2026-03-01&to=2026-03-31', '/api/dashboard', '/api/review', '/api/announcements', '/api/export?format=csv', '/api/audit']) {
      const res = await server.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toEqual({ error: '请先登录' });
    }
    expect((await server.app.inject({ method: 'POST', url: '/api/review/resolve', payload: { ids: ['1-0'], status: 'dismissed' } })).statusCode).toBe(401);
    expect((await login('zhangsan', 'wrong password!')).status).toBe(401);
    expect((await login('nobody', PASSWORD)).status).toBe(401);
  });

  it('logs in with an httpOnly SameSite cookie; a change without the CSRF token is refused (403)', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/login', payload: { name: 'zhangsan', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'pufa_console');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    const { cookie, csrf } = await login();
    const without = await server.app.inject({ method: 'POST', url: '/api/announcements', cookies: cookie, payload: { text: '通知', rooms: [] } });
    expect(without.statusCode).toBe(403);
    const wrong = await server.app.inject({ method: 'POST', url: '/api/announcements', cookies: cookie, headers: { 'x-csrf-token': 'forged' }, payload: { text: '通知', rooms: [] } });
    expect(wrong.statusCode).toBe(403);
    // Another session's token does not fit this session.
    const other = await login();
    const foreign = await server.app.inject({ method: 'POST', url: '/api/logout', cookies: cookie, headers: { 'x-csrf-token': other.csrf } });
    expect(foreign.statusCode).toBe(403);
    const ok = await server.app.inject({ method: 'POST', url: '/api/announcements', cookies: cookie, headers: { 'x-csrf-token': csrf }, payload: { text: '通知', rooms: [] } });
    expect(ok.statusCode).toBe(400);
    expect(ok.json().error).toBe('请至少选择一个服务群');
    const cross = await server.app.inject({ method: 'POST', url: '/api/logout', cookies: cookie, headers: { 'x-csrf-token': csrf, 'sec-fetch-site': 'cross-site' } });
    expect(cross.statusCode).toBe(403);
  });

  it('/api/stats is exactly what `pufa export --format json` prints', async () => {
    const { cookie } = await login();
    const res = await server.app.inject({ method: 'GET', url: '/api/stats?from=2026-03-01&to=2026-03-31&by=week', cookies: cookie });
    expect(res.statusCode).toBe(200);
    const cli = await exportConsultations({ config, logger, redis, from: '2026-03-01', to: '2026-03-31', by: 'week', format: 'json' });
    expect(res.json()).toEqual(JSON.parse(String(cli.output)));
    expect(res.json().totals.total).toBeGreaterThan(0);
    const dash = (await server.app.inject({ method: 'GET', url: '/api/dashboard?from=2026-03-01&to=2026-03-31', cookies: cookie })).json();
    // A whole month is compared with the whole month before.
    expect(dash.previousRange).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(dash.current.weekdayHour.flat().reduce((a: number, b: number) => a + b, 0)).toBe(dash.current.totals.total);
    expect(dash.previous.from).toBe('2026-02-01');
  });

  it('review queue: identical questions merged, no phone number shown, resolved ones leave the queue', async () => {
    const recorder = new RedisStatsRecorder({ redis, logger, config });
    for (const [i, text] of ['楼下有人卖烤红薯占了人行道', '楼下有人卖烤红薯占了人行道', '我的手机13912345678，门口有人乱停车'].entries()) {
      recorder.record(consultation({ day: '2026-04-02', hour: 9 + i, topic: 'street_vending', action: 'clarify', channel: 'private', user: `rv${i}`, text }));
    }
    await recorder.close();
    const { cookie, csrf } = await login();
    const list = async () => (await server.app.inject({ method: 'GET', url: '/api/review?from=2026-04-01&to=2026-04-30', cookies: cookie })).json().rows as { ids: string[]; text: string; count: number }[];
    const rows = await list();
    expect(rows.map((r) => [r.text, r.count])).toEqual([
      [expect.stringContaining('门口有人乱停车'), 1],
      ['楼下有人卖烤红薯占了人行道', 2],
    ]);
    expect(JSON.stringify(rows)).not.toContain('13912345678');
    const sweet = rows[1]!;
    const res = await server.app.inject({ method: 'POST', url: '/api/review/resolve', cookies: cookie, headers: { 'x-csrf-token': csrf }, payload: { ids: sweet.ids, status: 'dismissed' } });
    expect(res.statusCode).toBe(200);
    expect((await list()).map((r) => r.text)).not.toContain('楼下有人卖烤红薯占了人行道');
  });

  it('rate-limits login attempts per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i += 1) codes.push((await server.app.inject({ method: 'POST', url: '/api/login', payload: { name: 'zhangsan', password: 'guess' + i }, remoteAddress: '10.9.9.9' })).statusCode);
    expect(codes.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(codes.slice(4)).toEqual([429, 429]);
  });

  it('writes every change and login to the audit log, never a password', async () => {
    const { cookie } = await login();
    const audit = (await server.app.inject({ method: 'GET', url: '/api/audit', cookies: cookie })).json().entries as { who: string; what: string }[];
    expect(audit.some((e) => e.who === 'zhangsan' && e.what === 'login')).toBe(true);
    expect(audit.some((e) => e.what === 'login.failed')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    expect(lines.join('')).not.toContain(PASSWORD);
  });

  it('/healthz reports Redis; /metrics is Prometheus text', async () => {
    const h = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(h.statusCode).toBe(200);
    expect(h.json()).toMatchObject({ ok: true, redis: true, wechat: null, model: null });
    const m = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(m.headers['content-type']).toContain('text/plain');
    for (const name of ['pufa_messages_total', 'pufa_outcomes_total', 'pufa_reply_latency_seconds_bucket', 'pufa_send_queue_length', 'pufa_redis_errors_total', 'pufa_buffered_consultations']) expect(m.body).toContain(name);
  });

  it('counts every consultation passing the metrics recorder (messages, outcomes per topic, latency)', async () => {
    const inner = new RedisStatsRecorder({ redis, logger, config });
    const recorder = new MetricsRecorder(inner, server.metrics);
    recorder.record({ ...consultation({ day: '2026-03-04', hour: 9, topic: 'noise', action: 'answer', channel: 'room', user: 'u1' }), at: new Date(Date.now() - 300) });
    recorder.record({ ...consultation({ day: '2026-03-04', hour: 9, topic: 'noise', action: 'clarify', channel: 'private', user: 'u2' }), at: new Date(Date.now() - 300) });
    await recorder.close();
    const m = (await server.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(m).toContain('pufa_outcomes_total{topic="noise",outcome="answer"} 1');
    expect(m).toContain('pufa_outcomes_total{topic="noise",outcome="clarify"} 1');
    expect(m).toContain('pufa_messages_total{channel="room"} 1');
    expect(m).toContain('pufa_reply_latency_seconds_count 2');
    expect(m).toMatch(/pufa_reply_latency_seconds_bucket\{le="0\.5"\} 2/);
  });

  it('`pufa staff add` creates a login that works in the console', async () => {
    const r = await runCli(['staff', 'add', 'lisi', '--password-stdin'], { input: 'lisi-password-2026\n', env: { REDIS_URL: testRedisUrl(), REDIS_PREFIX: config.REDIS_PREFIX, HASH_SALT: SALT } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已创建控制台账号 lisi');
    expect(await new StaffAccounts(redis, config.REDIS_PREFIX).list()).toEqual(['lisi', 'zhangsan']);
    const stored = await redis.hget(`${config.REDIS_PREFIX}{console}:staff:lisi`, 'hash');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain('lisi-password-2026');
    expect((await login('lisi', 'lisi-password-2026')).status).toBe(200);
  }, 120_000);
});

describe('adding a question to intents/', () => {
  it('keeps comments, flow lists and every other line of the file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-intents-'));
    try {
      cpSync(path.join(REPO_ROOT, 'intents'), dir, { recursive: true });
      const before = readFileSync(path.join(dir, 'noise.yaml'), 'utf8');
      const r = appendUtterance(dir, 'noise.night_construction', '隔壁工地\u202e凌晨三点还在切割钢筋');
      expect(r.added).toBe(true);
      const after = readFileSync(path.join(dir, 'noise.yaml'), 'utf8');
      const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
      expect(added).toEqual(['      - 隔壁工地 凌晨三点还在切割钢筋']);
      expect(after.split('\n').length).toBe(before.split('\n').length + 1);
      expect(appendUtterance(dir, 'noise.night_construction', '隔壁工地 凌晨三点还在切割钢筋').added).toBe(false);
      expect(() => appendUtterance(dir, 'noise.no_such_intent', '问题')).toThrow(/没有意图/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
