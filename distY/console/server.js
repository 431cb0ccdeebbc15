import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { isPufaError } from '../core/errors.js';
import { loadKnowledgeBase } from '../knowledge/load.js';
import { RedisHealth, redisStateText, staffErrorText, watchConnection } from '../redis/health.js';
import { EXPORT_FORMATS, renderReport } from '../stats/export/index.js';
import { MAX_DAYS } from '../stats/report.js';
import { addDays, GRANULARITIES, isValidDay, spanDays, todayIn } from '../stats/time.js';
import { StaffAccounts } from './accounts.js';
import { ConsoleAnnouncements } from './announce.js';
import { checkHealth } from './health.js';
import { consoleKeys } from './keys.js';
import { ConsoleMetrics } from './metrics.js';
import { guardedRetrain } from './retrain.js';
import { REVIEW_STATUSES, ReviewQueue } from './review.js';
import { dashboard, reportFor, statsJson } from './stats-api.js';
const SESSION_COOKIE = 'pufa_console';
const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Works from src/console (tsx) and dist/console (built): the pages stay in src/console/public. */
export const PUBLIC_DIR = path.resolve(HERE, '../../src/console/public');
const ECHARTS_DIR = path.resolve(HERE, '../../node_modules/echarts/dist');
class HttpError extends Error {
    statusCode;
    constructor(statusCode, message) {
        super(message);
        this.statusCode = statusCode;
    }
}
/** Per export format: the download's content type and extension, and its name staff read (the export page's links, the audit log). */
const EXPORT_FILES = {
    csv: { type: 'text/csv; charset=utf-8', ext: 'csv', name: 'CSV 表格' },
    xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', name: 'Excel（.xlsx）' },
    json: { type: 'application/json; charset=utf-8', ext: 'json', name: 'JSON 数据' },
    summary: { type: 'text/plain; charset=utf-8', ext: 'txt', name: '摘要文字' },
    docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', name: 'Word 年终报告（.docx）' },
};
/**
 * The console's own checks of its query parameters, with messages for staff in Chinese only
 * (the library's say `--from` / `--to`, for the CLI).
 */
function dayParam(value, label) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const s = value.trim();
    if (!isValidDay(s))
        throw new HttpError(400, `${label}“${s.slice(0, 20)}”不是有效日期，请按“年-月-日”选择日期。`);
    return s;
}
function granularityParam(value, fallback) {
    const v = (value ?? fallback).trim().toLowerCase();
    if (!GRANULARITIES.includes(v))
        throw new HttpError(400, '统计周期只能按日、周、月或年。');
    return v;
}
function formatParam(value) {
    const f = (value ?? 'xlsx').trim().toLowerCase();
    if (!EXPORT_FORMATS.includes(f))
        throw new HttpError(400, '不支持这种导出格式。');
    return f;
}
function assertOrder(from, to) {
    if (from > to)
        throw new HttpError(400, `开始日期（${from}）晚于结束日期（${to}），请重新选择。`);
}
function rangeOf(q, timeZone, by = 'day') {
    const today = todayIn(timeZone);
    const to = dayParam(q.to, '结束日期') ?? today;
    const from = dayParam(q.from, '开始日期') ?? addDays(to, -29);
    assertOrder(from, to);
    const days = spanDays(from, to);
    if (days > MAX_DAYS)
        throw new HttpError(400, `日期范围太长：${days} 天，一次最多 ${MAX_DAYS} 天（约十年）。`);
    return { from, to, by: granularityParam(q.by, by) };
}
async function csrfKey(redis, prefix) {
    const key = `${consoleKeys(prefix).base}csrf-key`;
    await redis.set(key, randomBytes(32).toString('base64'), 'NX');
    return (await redis.get(key)) ?? randomBytes(32).toString('base64');
}
export async function createConsoleServer(o) {
    const { config, logger, redis } = o;
    const log = logger.child({ component: 'console' });
    const metrics = o.metrics ?? new ConsoleMetrics();
    metrics.watchRedis(redis);
    const accounts = new StaffAccounts(redis, config.REDIS_PREFIX, config.CONSOLE_SESSION_HOURS);
    const review = new ReviewQueue(config, redis, log);
    const announcements = new ConsoleAnnouncements(config, redis, log, o.bot);
    const bot = () => o.bot?.();
    // Without a bot in this process, the console watches its own connection (one warning per state change).
    const ownHealth = o.health || o.bot ? undefined : new RedisHealth({ logger: log, probe: () => redis.set(consoleKeys(config.REDIS_PREFIX).health, String(Date.now()), 'PX', 60_000) });
    const detachHealth = ownHealth ? watchConnection(redis, ownHealth) : undefined;
    const redisHealth = () => o.health ?? bot()?.health ?? ownHealth;
    metrics.setSources({
        redisHealth,
        ...(o.bot
            ? {
                sendQueue: () => bot()?.sender.pending ?? 0,
                recorder: () => bot()?.recorder.status?.(),
                loggedIn: () => bot()?.platform.isLoggedIn() ?? false,
                modelLoaded: () => Boolean(bot()?.brain.brain),
            }
            : {}),
    });
    let retraining;
    const app = Fastify({ logger: false, trustProxy: config.CONSOLE_TRUST_PROXY, bodyLimit: 256 * 1024 });
    await app.register(fastifyCookie);
    await app.register(fastifyCsrf, {
        sessionPlugin: '@fastify/cookie',
        cookieKey: 'pufa_csrf',
        cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: false },
        getUserInfo: (req) => req.staff?.id ?? '',
        csrfOpts: { userInfo: true, hmacKey: await csrfKey(redis, config.REDIS_PREFIX) },
    });
    await app.register(fastifyRateLimit, {
        global: false,
        ...(redis instanceof Redis ? { redis, nameSpace: consoleKeys(config.REDIS_PREFIX).rateLimit, skipOnError: false } : {}),
    });
    const secure = (req) => req.protocol === 'https';
    const ip = (req) => req.ip;
    app.setErrorHandler((err, req, reply) => {
        if (isPufaError(err) && (err.code === 'PUFA_ERR_INPUT' || err.code === 'PUFA_ERR_INTENTS'))
            return reply.code(400).send({ error: err.message });
        if (err instanceof HttpError)
            return reply.code(err.statusCode).send({ error: err.message });
        if (err.code?.startsWith('FST_CSRF') || err.statusCode === 403)
            return reply.code(403).send({ error: '请求缺少有效的安全令牌（CSRF），请刷新页面后重试' });
        if (err.statusCode === 429)
            return reply.code(429).send({ error: '尝试次数过多，请一分钟后再试' });
        // Redis down, full or refusing the password: what staff can do about it, not the raw error.
        const redisText = isPufaError(err) && err.code === 'PUFA_ERR_REDIS' ? `${redisStateText('down')}请稍后再试。` : (staffErrorText(err) ?? staffErrorText(err.cause));
        if (redisText) {
            log.warn({ err: err.message, url: req.url }, 'console request failed: Redis not usable');
            return reply.code(503).send({ error: redisText });
        }
        if (err.statusCode && err.statusCode < 500)
            return reply.code(err.statusCode).send({ error: err.message });
        log.error({ err, url: req.url }, 'console request failed');
        return reply.code(500).send({ error: '服务器出错，请稍后再试；如果持续出现请联系管理员' });
    });
    // Changes must come from our own pages: reject cross-site requests outright (the CSRF token is checked as well).
    app.addHook('onRequest', async (req) => {
        if (req.method === 'GET' || req.method === 'HEAD')
            return;
        const site = req.headers['sec-fetch-site'];
        if (site && site !== 'same-origin' && site !== 'none')
            throw new HttpError(403, '拒绝跨站请求');
    });
    // Every /api route except login needs a session (checked before the route's CSRF check).
    app.addHook('onRequest', async (req) => {
        if (!req.url.startsWith('/api/') || req.url.startsWith('/api/login'))
            return;
        const session = await accounts.session(req.cookies[SESSION_COOKIE]);
        if (!session)
            throw new HttpError(401, '请先登录');
        req.staff = session;
    });
    const csrf = (req, reply, done) => app.csrfProtection(req, reply, done);
    /** What the pages need besides the login: the announcement form's cap is the same ANNOUNCE_MAX_CHARS as #公告's. */
    const sessionInfo = {
        inBot: Boolean(o.bot),
        exportFormats: EXPORT_FORMATS,
        exportNames: Object.fromEntries(EXPORT_FORMATS.map((f) => [f, EXPORT_FILES[f].name])),
        announceMaxChars: config.ANNOUNCE_MAX_CHARS,
        timeZone: config.STATS_TIMEZONE,
    };
    const audit = (req, what, detail = '') => accounts.audit(req.staff?.name ?? '-', what, detail, ip(req));
    // ---- operations
    app.get('/healthz', async (_req, reply) => {
        const h = await checkHealth({
            redis,
            redisHealth,
            ...(o.bot
                ? { loggedIn: () => bot()?.platform.isLoggedIn() ?? false, modelLoaded: () => Boolean(bot()?.brain.brain), recorderHealthy: () => bot()?.recorder.status?.().healthy }
                : {}),
        });
        return reply.code(h.ok ? 200 : 503).send(h);
    });
    app.get('/metrics', async (_req, reply) => reply.type(metrics.contentType).send(await metrics.text()));
    // ---- session
    app.post('/api/login', { config: { rateLimit: { max: config.CONSOLE_LOGIN_PER_MIN, timeWindow: 60_000, keyGenerator: (req) => `login:${req.ip}` } } }, async (req, reply) => {
        if (!req.headers['content-type']?.startsWith('application/json'))
            throw new HttpError(415, '请求格式错误');
        const name = String(req.body?.name ?? '').slice(0, 64);
        const password = String(req.body?.password ?? '').slice(0, 256);
        const who = await accounts.check(name, password);
        if (!who) {
            await accounts.audit(name.replace(/[^\p{L}\p{N}_.-]/gu, '').slice(0, 32) || '-', 'login.failed', '', ip(req));
            throw new HttpError(401, '账号或密码不对');
        }
        const { token, session } = await accounts.login(who);
        req.staff = session;
        reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: secure(req), maxAge: Math.round(config.CONSOLE_SESSION_HOURS * 3600) });
        const csrfToken = reply.generateCsrf({ userInfo: session.id, secure: secure(req) });
        await accounts.audit(who, 'login', '', ip(req));
        return { name: who, csrfToken, ...sessionInfo };
    });
    app.get('/api/session', async (req, reply) => ({ name: req.staff.name, csrfToken: reply.generateCsrf({ userInfo: req.staff.id, secure: secure(req) }), ...sessionInfo }));
    app.post('/api/logout', { onRequest: csrf }, async (req, reply) => {
        await accounts.logout(req.staff);
        await audit(req, 'logout');
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
    });
    // ---- figures
    const includeTest = (q) => q.includeTest === '1' || q.includeTest === 'true';
    app.get('/api/stats', async (req) => {
        const r = rangeOf(req.query, config.STATS_TIMEZONE, 'month');
        return statsJson(config, log, redis, { ...r, includeTest: includeTest(req.query) });
    });
    app.get('/api/dashboard', async (req) => dashboard(config, log, redis, { ...rangeOf(req.query, config.STATS_TIMEZONE), includeTest: includeTest(req.query) }));
    app.get('/api/export', async (req, reply) => {
        const r = rangeOf(req.query, config.STATS_TIMEZONE, 'month');
        const format = formatParam(req.query.format);
        const report = await reportFor(config, log, redis, { from: r.from, to: r.to, by: r.by, includeTest: includeTest(req.query) });
        const body = await renderReport(report, format);
        const ct = EXPORT_FILES[format];
        const name = `普法咨询统计_${r.from}_${r.to}${report.includeTest ? '_含测试数据' : ''}.${ct.ext}`;
        await audit(req, 'export', `${ct.name}，${r.from} 至 ${r.to}${report.includeTest ? '，含测试数据' : ''}`);
        return reply
            .type(ct.type)
            .header('content-disposition', `attachment; filename="pufa_${r.from}_${r.to}.${ct.ext}"; filename*=UTF-8''${encodeURIComponent(name)}`)
            .send(typeof body === 'string' ? body : Buffer.from(body));
    });
    // ---- review queue
    app.get('/api/review', async (req) => {
        const from = dayParam(req.query.from, '开始日期');
        const to = dayParam(req.query.to, '结束日期');
        if (from && to)
            assertOrder(from, to);
        return { rows: await review.open({ ...(from ? { from } : {}), ...(to ? { to } : {}), includeTest: includeTest(req.query) }) };
    });
    app.get('/api/intents', async () => {
        const kb = bot()?.brain.brain.kb ?? loadKnowledgeBase({ intentsDir: config.PUFA_INTENTS_DIR, knowledgeDir: config.PUFA_KNOWLEDGE_DIR });
        const topicName = new Map(kb.topics.map((t) => [t.id, t.name]));
        return {
            intents: kb.intents
                .filter((i) => i.topic !== 'chitchat')
                .map((i) => ({ id: i.id, topic: i.topic, topicName: topicName.get(i.topic) ?? i.topic, title: kb.answers.get(i.id)?.title ?? i.id })),
        };
    });
    app.post('/api/review/resolve', { onRequest: csrf }, async (req) => {
        const status = String(req.body?.status ?? '');
        if (!REVIEW_STATUSES.includes(status))
            throw new HttpError(400, '处理方式无效');
        const ids = Array.isArray(req.body?.ids) ? req.body.ids.map(String).slice(0, 500) : [];
        if (ids.length === 0)
            throw new HttpError(400, '没有选中问题');
        const result = await review.resolve({ ids, status, ...(req.body?.intent ? { intent: String(req.body.intent) } : {}) }, req.staff.name);
        await audit(req, `review.${status}`, `${ids.length} 条${req.body?.intent ? ` → ${req.body.intent}` : ''}${result.text ? `：${result.text.slice(0, 80)}` : ''}`);
        return { ok: true, ...(result.file ? { file: path.basename(result.file), added: result.added } : {}) };
    });
    app.get('/api/retrain', async () => {
        const raw = await redis.get(consoleKeys(config.REDIS_PREFIX).retrain);
        return { running: Boolean(retraining), last: raw ? JSON.parse(raw) : null, available: Boolean(bot()) };
    });
    app.post('/api/retrain', { onRequest: csrf }, async (req) => {
        const services = bot();
        if (!services)
            throw new HttpError(409, '本控制台没有和机器人运行在同一进程，无法在此重新训练；请在机器人所在机器的控制台操作，或在微信里发送 #重载。');
        await audit(req, 'retrain', '开始');
        retraining ??= guardedRetrain(services.brain, config.PUFA_KNOWLEDGE_DIR, await review.assigned(), req.staff.name).finally(() => {
            retraining = undefined;
        });
        let result;
        try {
            result = await retraining;
        }
        catch (err) {
            const why = isPufaError(err) ? err.describe() : err instanceof Error ? err.message : String(err);
            await audit(req, 'retrain', `失败，仍用原模型：${why.slice(0, 200)}`);
            throw new HttpError(400, `重新训练失败，仍在使用原来的模型：${why}`);
        }
        await redis.set(consoleKeys(config.REDIS_PREFIX).retrain, JSON.stringify(result));
        await audit(req, 'retrain', `${result.swapped ? '已启用新模型' : '未启用（检查问题答对的少了）'}，检查问题答对 ${result.before.passed}/${result.before.total} → ${result.after.passed}/${result.after.total}`);
        return result;
    });
    // ---- announcements
    app.get('/api/groups', async () => announcements.groups());
    app.get('/api/announcements', async () => ({ announcements: await announcements.list() }));
    app.post('/api/announcements', { onRequest: csrf }, async (req) => {
        const created = await announcements.create({ text: String(req.body?.text ?? ''), rooms: Array.isArray(req.body?.rooms) ? req.body.rooms.map(String) : [], ...(req.body?.sendAt ? { sendAt: String(req.body.sendAt) } : {}) }, req.staff.name);
        await audit(req, 'announce', `#${created.id} → ${created.groups} 个群${created.sendAt ? '（定时）' : ''}`);
        return created;
    });
    app.post('/api/announcements/:id/revoke', { onRequest: csrf }, async (req) => {
        const message = await announcements.revoke(req.params.id);
        await audit(req, 'announce.revoke', `#${req.params.id}: ${message}`);
        return { message };
    });
    // ---- audit log
    app.get('/api/audit', async () => ({ entries: await accounts.auditLog(100) }));
    // ---- pages
    await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/', index: ['index.html'] });
    await app.register(fastifyStatic, { root: ECHARTS_DIR, prefix: '/vendor/echarts/', decorateReply: false, allowedPath: (p) => p.endsWith('.mjs') || p.endsWith('.js') });
    app.addHook('onSend', async (_req, reply, payload) => {
        reply.header('x-content-type-options', 'nosniff');
        reply.header('x-frame-options', 'DENY');
        reply.header('referrer-policy', 'same-origin');
        reply.header('content-security-policy', "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
        return payload;
    });
    // Publish the served groups for consoles running without the bot (`pufa console` elsewhere).
    const publishGroups = o.bot ? setInterval(() => void announcements.groups().catch(() => undefined), 300_000).unref() : undefined;
    return {
        app,
        metrics,
        async listen(port = config.CONSOLE_PORT ?? 8080) {
            const url = await app.listen({ host: config.CONSOLE_HOST, port });
            log.info({ url }, 'staff console listening');
            return url;
        },
        async close() {
            if (publishGroups)
                clearInterval(publishGroups);
            detachHealth?.();
            ownHealth?.close();
            await app.close();
            await announcements.close();
        },
    };
}
//# sourceMappingURL=server.js.map