import { DelayedError, Queue, WaitingError, Worker } from 'bullmq';
import { PufaError } from '../../core/errors.js';
import { hashId } from '../../core/privacy.js';
import { todayIn } from '../../stats/time.js';
import { accountKey } from '../../redis/bot-keys.js';
import { servedRooms } from '../../chat/rooms.js';
import { SenderStoppedError, sleep } from '../sender.js';
import { formatZoned } from './schedule.js';
const DRAFT_TTL_SEC = 30 * 60;
const KEEP_DONE_SEC = 90 * 86_400;
const GROUP_STATE_SENT = 'sent';
const GROUP_STATE_SENDING = 'sending';
const FAILED = 'failed:';
export class Announcements {
    o;
    queueName;
    queue;
    worker;
    /** Set while the worker is being stopped: the job in progress pauses at the next group. */
    stopping = false;
    stoppingDone;
    closed = false;
    wakeStop = () => undefined;
    stopped = new Promise((resolve) => (this.wakeStop = resolve));
    connections = [];
    constructor(o) {
        this.o = o;
        this.queueName = `announce-${accountKey(o.account)}`;
        this.queue = new Queue(this.queueName, { connection: this.connect(), prefix: o.keys.bullPrefix });
        this.queue.on('error', (err) => this.onRedisError(err, 'announcement queue error'));
        o.health?.on('change', this.onHealthChange);
    }
    /** Errors of BullMQ's Redis connections: Redis trouble goes to the health object (one warning per state change), the rest is logged. */
    onRedisError(err, what) {
        if (this.o.health?.observe(err)) {
            this.suspend();
            return;
        }
        const now = Date.now();
        if (now - this.lastErrorLog < 60_000)
            return;
        this.lastErrorLog = now;
        this.o.logger.warn({ err: err.message }, what);
    }
    lastErrorLog = 0;
    suspended = false;
    /**
     * Redis is full, refusing the password or gone: BullMQ's fetch loop would retry at once
     * (an idle bot at 100 % CPU); pause it until the health probe sees Redis back.
     */
    suspend() {
        const worker = this.worker;
        if (!worker || this.suspended)
            return;
        this.suspended = true;
        void worker.pause(true).catch(() => undefined);
    }
    onHealthChange = (state) => {
        if (state !== 'up' || !this.suspended)
            return;
        this.suspended = false;
        const worker = this.worker;
        if (worker && !this.stopping && !this.closed)
            void worker.resume();
    };
    connect() {
        const c = this.o.connection();
        this.connections.push(c);
        return c;
    }
    /** Served groups, optionally only those whose name contains one of `keywords`. */
    async targets(keywords) {
        const rooms = servedRooms(await this.o.platform.rooms(), this.o.config.BOT_ROOMS);
        return keywords.length === 0 ? rooms : rooms.filter((r) => keywords.some((k) => r.topic.includes(k)));
    }
    /** Store a draft for this staff member and return the preview. */
    async draft(staff, text, keywords, sendAt, staffName) {
        const { redis, keys, salt, config } = this.o;
        const body = text.trim();
        if (!body)
            throw new PufaError('PUFA_ERR_INPUT', '公告内容为空。用法：#公告 [@群名关键词…] 公告内容');
        const length = [...body].length;
        if (length > config.ANNOUNCE_MAX_CHARS) {
            return `公告太长，未生成：共 ${length} 字，上限 ${config.ANNOUNCE_MAX_CHARS} 字（ANNOUNCE_MAX_CHARS）。请精简后重新发送，长文可发链接或分几条公告。`;
        }
        const rooms = await this.targets(keywords);
        if (rooms.length === 0) {
            return keywords.length > 0 ? `没有名称包含“${keywords.join('”或“')}”的服务群，公告未生成。发送 #群列表 查看服务群。` : '当前没有服务群（BOT_ROOMS 未配置或机器人不在这些群里），公告未生成。';
        }
        const draft = { text: body, targets: rooms.map((r) => ({ room: hashId(salt, r.id), topic: r.topic })), staff, ...(staffName ? { staffName } : {}), createdAt: Date.now(), ...(sendAt ? { sendAt } : {}) };
        await redis.set(keys.announceDraft(staff), JSON.stringify(draft), 'EX', DRAFT_TTL_SEC);
        const when = sendAt ? `定时发送：${formatZoned(sendAt, config.STATS_TIMEZONE)}` : '确认后立即开始发送';
        return [
            '【公告预览】',
            body,
            '——',
            `将发送到 ${rooms.length} 个群：`,
            ...rooms.map((r, i) => `${i + 1}. ${r.topic}`),
            `${when}，逐群发送，间隔约 ${Math.round(config.ANNOUNCE_GROUP_INTERVAL_MS / 1000)} 秒。`,
            '回复 #确认 发送，回复 #取消 放弃（30 分钟内有效）。',
        ].join('\n');
    }
    async cancelDraft(staff) {
        const n = await this.o.redis.del(this.o.keys.announceDraft(staff));
        return n > 0 ? '已取消，公告不会发送。' : '没有待确认的公告。';
    }
    /** Turn the staff member's draft into a job. */
    async confirm(staff) {
        const { redis, keys, config } = this.o;
        const draftKey = keys.announceDraft(staff);
        const raw = await redis.get(draftKey);
        if (!raw)
            return '没有待确认的公告（预览 30 分钟后失效）。请先发送 #公告 或 #定时。';
        // GETDEL-like: only one #确认 wins if it is sent twice.
        if ((await redis.del(draftKey)) === 0)
            return '这条公告已经确认过了。';
        const draft = JSON.parse(raw);
        const id = String(await redis.incr(keys.announceSeq));
        const data = { id, ...draft };
        const delay = draft.sendAt ? Math.max(0, draft.sendAt - Date.now()) : 0;
        await redis.hset(keys.announce(id), { state: delay > 0 ? 'scheduled' : 'queued', text: draft.text, total: String(draft.targets.length), createdAt: String(draft.createdAt), staff: draft.staff, ...(draft.staffName ? { staffName: draft.staffName } : {}), ...(draft.sendAt ? { sendAt: String(draft.sendAt) } : {}) });
        await this.queue.add('announce', data, {
            jobId: `ann-${id}`,
            delay,
            // The processor is idempotent (sent groups are skipped), so a retry after a Redis or
            // WeChat hiccup resumes the announcement rather than starting it again.
            attempts: 5,
            backoff: { type: 'exponential', delay: 10_000 },
            removeOnComplete: { age: KEEP_DONE_SEC, count: 200 },
            removeOnFail: { age: KEEP_DONE_SEC, count: 200 },
        });
        this.o.logger.info({ announcement: id, groups: draft.targets.length, delayMs: delay, staff }, 'announcement queued');
        return delay > 0
            ? `公告 #${id} 已定时，将于 ${formatZoned(draft.sendAt, config.STATS_TIMEZONE)} 发送到 ${draft.targets.length} 个群。撤销请发送 #撤销 ${id}。`
            : `公告 #${id} 已开始发送，共 ${draft.targets.length} 个群。发送完毕后我会把每个群的结果发给您。`;
    }
    /** `#公告列表`: queued, scheduled, running and recent announcements. */
    async list() {
        const jobs = await this.queue.getJobs(['active', 'waiting', 'delayed', 'prioritized', 'completed', 'failed'], 0, 19);
        if (jobs.length === 0)
            return '暂无公告。';
        const { redis, keys, config } = this.o;
        const lines = ['公告列表（最近 20 条）：'];
        const sorted = jobs.filter((j) => Boolean(j?.data?.id)).sort((a, b) => Number(b.data.id) - Number(a.data.id));
        for (const job of sorted) {
            const state = await job.getState();
            const groups = await redis.hgetall(keys.announceGroups(job.data.id));
            const sent = Object.values(groups).filter((v) => v === GROUP_STATE_SENT).length;
            const label = STATE_NAMES[state] ?? state;
            const when = job.data.sendAt ? ` · ${formatZoned(job.data.sendAt, config.STATS_TIMEZONE)}` : '';
            const preview = job.data.text.length > 20 ? `${job.data.text.slice(0, 20)}…` : job.data.text;
            lines.push(`#${job.data.id} ${label}${when} · 已发 ${sent}/${job.data.targets.length} 群 · ${preview}`);
        }
        return lines.join('\n');
    }
    /**
     * `#撤销 <id>`: remove a queued or scheduled announcement; stop one that is being sent.
     * Another staff member's announcement needs `#撤销 <id> 确认`, and is logged with both
     * names (their BOT_STAFF remarks).
     */
    async revoke(args, by) {
        const m = /^#?(\d+)\s*(确认|confirm)?$/iu.exec(args.trim());
        if (!m)
            return '用法：#撤销 <公告编号>，编号见 #公告列表。';
        const clean = m[1];
        const confirmed = Boolean(m[2]);
        const job = await this.queue.getJob(`ann-${clean}`);
        if (!job)
            return `没有找到公告 #${clean}。`;
        const state = await job.getState();
        const { redis, keys, logger } = this.o;
        const owner = job.data.staff;
        const ownerName = job.data.staffName ?? '另一位工作人员';
        const foreign = by !== undefined && owner !== by.staff;
        if (foreign && !confirmed && state !== 'completed' && state !== 'failed') {
            return `公告 #${clean} 是${ownerName === '另一位工作人员' ? ownerName : `“${ownerName}”`}提交的，不是您的。确认要撤销，请发送：#撤销 ${clean} 确认\n（撤销会记录在日志中，并注明您和提交人。）`;
        }
        if (foreign) {
            logger.warn({ announcement: clean, revokedBy: by.name ?? by.staff, submittedBy: job.data.staffName ?? owner, state }, "announcement of another staff member revoked (confirmed)");
        }
        if (state === 'active') {
            await redis.hset(keys.announce(clean), 'cancel', '1');
            return `公告 #${clean} 正在发送：已发出的群无法撤回，其余的群不再发送。`;
        }
        if (state === 'completed' || state === 'failed')
            return `公告 #${clean} 已发送完毕，无法撤销。`;
        try {
            await job.remove();
        }
        catch {
            // It became active in the meantime.
            await redis.hset(keys.announce(clean), 'cancel', '1');
            return `公告 #${clean} 刚开始发送：其余的群不再发送。`;
        }
        await redis.hset(keys.announce(clean), 'state', 'revoked');
        this.o.logger.info({ announcement: clean }, 'announcement revoked');
        return `公告 #${clean} 已撤销，不会发送。`;
    }
    /** Start sending (after login). Idempotent. */
    startWorker() {
        if (this.worker || this.closed)
            return;
        if (this.stoppingDone) {
            // A logout's stop is still finishing: start again right after it.
            const again = () => this.startWorker();
            void this.stoppingDone.then(again, again);
            return;
        }
        this.worker = new Worker(this.queueName, (job, token) => this.process(job, token), {
            connection: this.connect(),
            prefix: this.o.keys.bullPrefix,
            concurrency: 1,
            // The processor is idempotent: a job whose process died is simply resumed.
            maxStalledCount: 20,
            ...(this.o.worker?.lockDurationMs ? { lockDuration: this.o.worker.lockDurationMs } : {}),
            ...(this.o.worker?.stalledIntervalMs ? { stalledInterval: this.o.worker.stalledIntervalMs } : {}),
        });
        this.worker.on('error', (err) => this.onRedisError(err, 'announcement worker error'));
        // Started while Redis is in trouble: wait for the health probe to see it back.
        if (this.o.health && !this.o.health.up)
            this.suspend();
        this.worker.on('failed', (job, err) => this.o.logger.error({ announcement: job?.data.id, err: err.message }, 'announcement job failed'));
    }
    /**
     * Pause sending (logout): the job in progress finishes its group and goes back to the
     * queue. With `timeoutMs`, a close that does not finish in time (Redis down or refusing
     * the password: BullMQ waits for its connections) is forced: the connections are cut.
     */
    async stopWorker(timeoutMs) {
        const worker = this.worker;
        if (!worker) {
            await this.stoppingDone;
            return;
        }
        this.worker = undefined;
        this.stopping = true;
        this.suspended = false;
        this.wakeStop();
        const closing = worker.close();
        const bounded = timeoutMs === undefined ? closing : this.bounded(closing, timeoutMs, () => worker.close(true));
        this.stoppingDone = bounded.finally(() => {
            this.stopping = false;
            this.stopped = new Promise((resolve) => (this.wakeStop = resolve));
            this.stoppingDone = undefined;
        });
        await this.stoppingDone;
    }
    async close(timeoutMs) {
        this.closed = true;
        this.o.health?.off('change', this.onHealthChange);
        await this.stopWorker(timeoutMs);
        await (timeoutMs === undefined ? this.queue.close() : this.bounded(this.queue.close(), timeoutMs, async () => undefined));
        for (const c of this.connections) {
            const client = c;
            try {
                if (client.status === 'ready')
                    await this.bounded(client.quit?.() ?? Promise.resolve(), 1000, async () => client.disconnect?.());
                else if (client.status !== 'end')
                    client.disconnect?.();
            }
            catch {
                client.disconnect?.();
            }
        }
    }
    /** Wait for `p` at most `ms`; then run `force` and cut every BullMQ connection so that `p` settles. */
    async bounded(p, ms, force) {
        let timer;
        const timedOut = await Promise.race([p.then(() => false, () => false), new Promise((resolve) => (timer = setTimeout(() => resolve(true), ms)))]);
        if (timer)
            clearTimeout(timer);
        if (!timedOut)
            return;
        this.o.logger.warn({ afterMs: ms }, 'announcement queue did not close in time (Redis unavailable?); closing its connections');
        void force().catch(() => undefined);
        for (const c of this.connections)
            c.disconnect?.();
        await Promise.race([p.catch(() => undefined), sleep(1000)]);
    }
    async pause(job, token, why) {
        this.o.logger.info({ announcement: job.data.id, why }, 'announcement paused; it resumes where it stopped');
        await job.moveToWait(token);
        throw new WaitingError();
    }
    /** Wait until ANNOUNCE_GROUP_INTERVAL_MS after the previous group (also across restarts). */
    async waitInterval(lastAt) {
        const wait = lastAt + this.o.config.ANNOUNCE_GROUP_INTERVAL_MS - Date.now();
        if (wait > 0)
            await Promise.race([sleep(wait), this.stopped]);
    }
    async process(job, token) {
        const { redis, keys, salt, platform, sender, logger, config } = this.o;
        const data = job.data;
        const metaKey = keys.announce(data.id);
        const groupsKey = keys.announceGroups(data.id);
        if (!platform.isLoggedIn()) {
            await job.moveToDelayed(Date.now() + 10_000, token);
            throw new DelayedError();
        }
        await redis.hset(metaKey, 'state', 'sending');
        const rooms = await platform.rooms();
        const find = (t) => rooms.find((r) => hashId(salt, r.id) === t.room) ?? rooms.find((r) => r.topic === t.topic);
        for (const [index, target] of data.targets.entries()) {
            if (await redis.hexists(groupsKey, target.room))
                continue;
            if (await redis.hget(metaKey, 'cancel'))
                break;
            await this.waitInterval(Number((await redis.hget(metaKey, 'lastAt')) ?? 0));
            if (this.stopping)
                await this.pause(job, token, 'stopping');
            if (!platform.isLoggedIn())
                await this.pause(job, token, 'logged out');
            const room = find(target);
            if (!room) {
                await redis.hset(groupsKey, target.room, `${FAILED}机器人已不在该群`);
                continue;
            }
            await redis.hset(groupsKey, target.room, GROUP_STATE_SENDING);
            try {
                await sender.send({ kind: 'room', id: room.id }, { text: data.text });
            }
            catch (err) {
                if (err instanceof SenderStoppedError || !platform.isLoggedIn()) {
                    // Not sent (stopping, or logged out): clear the mark so the resumed job sends this group.
                    await redis.hdel(groupsKey, target.room);
                    await this.pause(job, token, err instanceof SenderStoppedError ? 'sender stopped' : 'logged out');
                }
                const why = err instanceof Error ? err.message : String(err);
                await redis.multi().hset(groupsKey, target.room, `${FAILED}${why.slice(0, 60)}`).hset(metaKey, 'lastAt', String(Date.now())).exec();
                logger.warn({ announcement: data.id, err: why }, 'announcement not delivered to a group');
                continue;
            }
            // Right after say() returned, in one step: the group is sent and counted.
            await redis
                .multi()
                .hset(groupsKey, target.room, GROUP_STATE_SENT)
                .hset(metaKey, 'lastAt', String(Date.now()))
                .hincrby(keys.announceStats(todayIn(config.STATS_TIMEZONE)), 'groups', 1)
                .exec();
            await job.updateProgress({ done: index + 1, total: data.targets.length }).catch(() => undefined);
        }
        return this.finish(data);
    }
    async finish(data) {
        const { redis, keys, config, logger, staff } = this.o;
        const metaKey = keys.announce(data.id);
        const groups = await redis.hgetall(keys.announceGroups(data.id));
        const cancelled = Boolean(await redis.hget(metaKey, 'cancel'));
        const lines = [];
        let sent = 0;
        let failed = 0;
        let uncertain = 0;
        for (const t of data.targets) {
            const state = groups[t.room];
            if (state === GROUP_STATE_SENT) {
                sent += 1;
                lines.push(`✔ ${t.topic}`);
            }
            else if (state === GROUP_STATE_SENDING) {
                uncertain += 1;
                lines.push(`？ ${t.topic}（发送时程序中断，是否送达不明，请人工确认）`);
            }
            else if (state?.startsWith(FAILED)) {
                failed += 1;
                lines.push(`✘ ${t.topic}（${state.slice(FAILED.length)}）`);
            }
            else {
                lines.push(`— ${t.topic}（已撤销，未发送）`);
            }
        }
        const tx = redis.multi().hset(metaKey, { state: cancelled ? 'cancelled' : 'done', sent: String(sent), failed: String(failed) }).expire(metaKey, KEEP_DONE_SEC).expire(keys.announceGroups(data.id), KEEP_DONE_SEC);
        await tx.exec();
        if (sent > 0 && (await redis.hsetnx(metaKey, 'counted', '1')) === 1) {
            await redis.hincrby(keys.announceStats(todayIn(config.STATS_TIMEZONE)), 'pushes', 1);
        }
        logger.info({ announcement: data.id, sent, failed, uncertain, cancelled }, 'announcement finished');
        if ((await redis.hsetnx(metaKey, 'reported', '1')) === 1) {
            const head = `公告 #${data.id} 发送结果：成功 ${sent} 个群${failed > 0 ? `，失败 ${failed} 个群` : ''}${uncertain > 0 ? `，${uncertain} 个群状态不明` : ''}${cancelled ? '（已撤销剩余的群）' : ''}。`;
            await staff.notify(data.staff, [head, ...lines].join('\n')).catch((err) => logger.warn({ err }, 'could not report the announcement to staff'));
        }
        return { sent, failed };
    }
}
/** Chinese names of BullMQ job states, as staff see them (WeChat #公告列表 and the console). */
export const STATE_NAMES = {
    active: '发送中',
    waiting: '排队中',
    prioritized: '排队中',
    delayed: '已定时',
    completed: '已完成',
    failed: '失败',
};
//# sourceMappingURL=announcements.js.map