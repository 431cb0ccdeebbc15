import { Queue } from 'bullmq';
import { Cluster } from 'ioredis';
import { STATE_NAMES as JOB_STATE_NAMES } from '../bot/announce/announcements.js';
import { formatZoned, zonedTime } from '../bot/announce/schedule.js';
import { accountKey, botKeys } from '../redis/bot-keys.js';
import { servedRooms } from '../chat/rooms.js';
import { PufaError } from '../core/errors.js';
import { hashId } from '../core/privacy.js';
import { isValidDay } from '../stats/time.js';
import { consoleKeys } from './keys.js';
const KEEP_DONE_SEC = 90 * 86_400;
const ROOMS_TTL_SEC = 600;
/** The bot's job-state names, plus the announcement states only the console shows. */
const STATE_NAMES = {
    ...JOB_STATE_NAMES,
    revoked: '已撤销',
    scheduled: '已定时',
    queued: '排队中',
    sending: '发送中',
    done: '已完成',
    cancelled: '已停止',
};
function bullConnection(redis) {
    if (redis instanceof Cluster)
        return redis.duplicate(undefined, { enableOfflineQueue: true, redisOptions: { ...redis.options.redisOptions, maxRetriesPerRequest: null } });
    return redis.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true, connectionName: `pufa-console-bull-${process.pid}` });
}
/** Parse `YYYY-MM-DD HH:mm` (or `YYYY-MM-DDTHH:mm` from a datetime-local input) in the bureau's time zone. */
export function parseSendAt(value, timeZone, now = Date.now()) {
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(value.trim());
    if (!m || !isValidDay(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59)
        throw new PufaError('PUFA_ERR_INPUT', '定时发送的时间格式应为 YYYY-MM-DD HH:mm');
    const at = zonedTime(m[1], Number(m[2]), Number(m[3]), timeZone);
    if (at <= now)
        throw new PufaError('PUFA_ERR_INPUT', `${m[1]} ${m[2]}:${m[3]} 已经过去了，请选一个将来的时间。`);
    return at;
}
export class ConsoleAnnouncements {
    config;
    redis;
    logger;
    bot;
    queue;
    connection;
    keys;
    ckeys;
    account;
    constructor(config, redis, logger, bot) {
        this.config = config;
        this.redis = redis;
        this.logger = logger;
        this.bot = bot;
        this.keys = botKeys(config.REDIS_PREFIX);
        this.ckeys = consoleKeys(config.REDIS_PREFIX);
        this.account = accountKey(config.WECHATY_NAME);
        this.connection = bullConnection(redis);
        this.queue = new Queue(`announce-${this.account}`, { connection: this.connection, prefix: this.keys.bullPrefix });
        this.queue.on('error', (err) => logger.warn({ err: err.message }, 'console: announcement queue error'));
    }
    /** Served groups: from the bot in this process (and published for other consoles), else the published list. */
    async groups() {
        const services = this.bot?.();
        if (services && services.platform.isLoggedIn()) {
            const rooms = servedRooms(await services.platform.rooms(), this.config.BOT_ROOMS);
            const groups = rooms.map((r) => ({ room: hashId(services.salt, r.id), topic: r.topic }));
            await this.redis.set(this.ckeys.rooms(this.account), JSON.stringify(groups), 'EX', ROOMS_TTL_SEC);
            return { groups, live: true };
        }
        const raw = await this.redis.get(this.ckeys.rooms(this.account));
        return { groups: raw ? JSON.parse(raw) : [], live: false };
    }
    /** Queue an announcement (now, or at `sendAt`). Returns its number. */
    async create(input, staff) {
        const text = String(input.text ?? '').replace(/\r\n/g, '\n').trim();
        if (!text)
            throw new PufaError('PUFA_ERR_INPUT', '公告内容为空');
        // One cap for #公告 and the console (ANNOUNCE_MAX_CHARS).
        const max = this.config.ANNOUNCE_MAX_CHARS;
        if (text.length > max)
            throw new PufaError('PUFA_ERR_INPUT', `公告太长：${text.length} 字，最多 ${max} 字`);
        const { groups } = await this.groups();
        const wanted = new Set(input.rooms ?? []);
        const targets = groups.filter((g) => wanted.has(g.room)).map((g) => ({ room: g.room, topic: g.topic }));
        if (targets.length === 0)
            throw new PufaError('PUFA_ERR_INPUT', '请至少选择一个服务群');
        const sendAt = input.sendAt ? parseSendAt(input.sendAt, this.config.STATS_TIMEZONE) : undefined;
        const id = String(await this.redis.incr(this.keys.announceSeq));
        const createdAt = Date.now();
        const data = { id, text, targets, staff: `console:${staff}`, createdAt, ...(sendAt ? { sendAt } : {}) };
        const delay = sendAt ? Math.max(0, sendAt - createdAt) : 0;
        await this.redis.hset(this.keys.announce(id), { state: delay > 0 ? 'scheduled' : 'queued', text, total: String(targets.length), createdAt: String(createdAt), by: staff, ...(sendAt ? { sendAt: String(sendAt) } : {}) });
        // The same job as `#确认` (announcements.ts confirm()).
        await this.queue.add('announce', data, {
            jobId: `ann-${id}`,
            delay,
            attempts: 5,
            backoff: { type: 'exponential', delay: 10_000 },
            removeOnComplete: { age: KEEP_DONE_SEC, count: 200 },
            removeOnFail: { age: KEEP_DONE_SEC, count: 200 },
        });
        this.logger.info({ announcement: id, groups: targets.length, delayMs: delay, staff }, 'console: announcement queued');
        return { id, groups: targets.length, ...(sendAt ? { sendAt } : {}) };
    }
    /** The newest announcements with per-group status. */
    async list(limit = 20) {
        const last = Number((await this.redis.get(this.keys.announceSeq)) ?? 0);
        const out = [];
        for (let n = last; n > 0 && out.length < limit && n > last - limit * 3; n -= 1) {
            const id = String(n);
            const meta = await this.redis.hgetall(this.keys.announce(id));
            if (!meta.text)
                continue;
            const job = (await this.queue.getJob(`ann-${id}`));
            const jobState = job ? await job.getState() : undefined;
            const state = meta.state === 'revoked' || meta.state === 'done' || meta.state === 'cancelled' ? meta.state : (jobState ?? meta.state ?? 'unknown');
            const progress = await this.redis.hgetall(this.keys.announceGroups(id));
            const groups = (job?.data.targets ?? []).map((t) => {
                const s = progress[t.room];
                if (s === 'sent')
                    return { topic: t.topic, state: 'sent' };
                if (s === 'sending')
                    return { topic: t.topic, state: (state === 'active' || state === 'sending' ? 'pending' : 'uncertain') };
                if (s?.startsWith('failed:'))
                    return { topic: t.topic, state: 'failed', why: s.slice(7) };
                return { topic: t.topic, state: (state === 'done' || state === 'cancelled' || state === 'revoked' ? 'skipped' : 'pending') };
            });
            out.push({
                id,
                text: meta.text,
                state,
                stateName: STATE_NAMES[state] ?? state,
                ...(meta.createdAt ? { createdAt: formatZoned(Number(meta.createdAt), this.config.STATS_TIMEZONE) } : {}),
                ...(meta.sendAt ? { sendAt: formatZoned(Number(meta.sendAt), this.config.STATS_TIMEZONE) } : {}),
                ...(meta.by ? { by: meta.by } : {}),
                groups,
                sent: groups.filter((g) => g.state === 'sent').length,
                failed: groups.filter((g) => g.state === 'failed').length,
                pending: groups.filter((g) => g.state === 'pending').length,
            });
        }
        return out;
    }
    /** Revoke a queued or scheduled announcement; stop one being sent after its current group (as `#撤销`). */
    async revoke(id) {
        if (!/^\d+$/.test(id))
            throw new PufaError('PUFA_ERR_INPUT', '公告编号无效');
        const job = await this.queue.getJob(`ann-${id}`);
        if (!job)
            throw new PufaError('PUFA_ERR_INPUT', `没有找到公告 #${id}`);
        const state = await job.getState();
        if (state === 'completed' || state === 'failed')
            return `公告 #${id} 已发送完毕，无法撤销。`;
        if (state === 'active') {
            await this.redis.hset(this.keys.announce(id), 'cancel', '1');
            return `公告 #${id} 正在发送：已发出的群无法撤回，其余的群不再发送。`;
        }
        try {
            await job.remove();
        }
        catch {
            await this.redis.hset(this.keys.announce(id), 'cancel', '1');
            return `公告 #${id} 刚开始发送：其余的群不再发送。`;
        }
        await this.redis.hset(this.keys.announce(id), 'state', 'revoked');
        return `公告 #${id} 已撤销，不会发送。`;
    }
    /** Waiting + delayed + active announcement jobs (for /metrics). */
    async queued() {
        const c = await this.queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
        return Object.values(c).reduce((a, b) => a + b, 0);
    }
    async close() {
        await this.queue.close().catch(() => undefined);
        const c = this.connection;
        try {
            if (c.status !== 'end')
                await c.quit?.();
        }
        catch {
            c.disconnect?.();
        }
    }
}
//# sourceMappingURL=announce.js.map