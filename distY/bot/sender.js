import { PufaError } from '../core/errors.js';
import { todayIn } from '../stats/time.js';
import { splitMessage } from './split.js';
export class SenderQueueFullError extends PufaError {
    /** Logged by the sender once per episode: the chat steps do not log it again. */
    reported = true;
    constructor(max) {
        super('PUFA_ERR_WECHAT', `the send queue is full (${max} messages waiting, SEND_QUEUE_MAX); reply not sent`);
    }
}
export class DailyCapError extends PufaError {
    /** Logged by the sender once per episode: the chat steps do not log it again. */
    reported = true;
    constructor(cap) {
        super('PUFA_ERR_WECHAT', `daily send cap of ${cap} messages reached for today`);
    }
}
export class StaleReplyError extends PufaError {
    /** Logged by the sender once per episode: the chat steps do not log it again. */
    reported = true;
    constructor() {
        super('PUFA_ERR_WECHAT', 'the reply waited too long in the send queue (SEND_STALE_SEC); the citizen got one apology instead');
    }
}
export class SenderStoppedError extends PufaError {
    constructor() {
        super('PUFA_ERR_WECHAT', 'the sender was stopped before this message went out');
    }
}
export class PacedSender {
    options;
    queue = [];
    random;
    nextAllowedAt = 0;
    wake;
    loop;
    closed = false;
    capWarnedDay = '';
    /** Daily-cap fallback while Redis cannot count: the last count Redis gave, and sends since. */
    capKnown;
    capUncounted = new Map();
    queueFullWarned = false;
    /** Citizens (destination + mentions) who got a stale-reply apology, with when. */
    apologised = new Map();
    /** Messages actually sent by this process (all parts). */
    sent = 0;
    /** Replies refused because the queue was full, and stale replies replaced by an apology. */
    refused = 0;
    stale = 0;
    constructor(options) {
        this.options = options;
        this.random = options.random ?? Math.random;
    }
    /** Queue a message; long texts become several parts (mentions on the first). */
    enqueue(to, content, opts = {}) {
        const parts = 'file' in content
            ? [content]
            : splitMessage(content.text, this.options.maxChars).map((text, i) => (i === 0 && content.mentions?.length ? { text, mentions: [...content.mentions] } : { text }));
        let resolve;
        let reject;
        const done = new Promise((res, rej) => {
            resolve = res;
            reject = rej;
        });
        // Nobody may await a reply's promise: never let it become an unhandled rejection.
        done.catch(() => undefined);
        const urgent = opts.urgent === true;
        const item = { to, parts, notBefore: urgent ? 0 : (opts.notBefore ?? 0), enqueuedAt: Date.now(), urgent, citizen: opts.citizen === true, started: false, resolve, reject };
        if (this.closed) {
            reject(new SenderStoppedError());
        }
        else if (parts.length === 0) {
            resolve();
        }
        else if (!this.admit(item)) {
            reject(new SenderQueueFullError(this.options.maxQueue ?? 0));
        }
        else {
            if (urgent) {
                // Behind other urgent messages, ahead of everything else.
                const firstOrdinary = this.queue.findIndex((i) => !i.urgent);
                if (firstOrdinary < 0)
                    this.queue.push(item);
                else
                    this.queue.splice(firstOrdinary, 0, item);
            }
            else {
                this.queue.push(item);
            }
            this.kick();
        }
        return {
            done,
            get started() {
                return item.started;
            },
            addMentions(ids) {
                const first = item.parts[0];
                if (item.started || !first || 'file' in first || to.kind !== 'room')
                    return false;
                const merged = new Set([...(first.mentions ?? []), ...ids]);
                item.parts[0] = { text: first.text, mentions: [...merged] };
                return true;
            },
        };
    }
    /** Queue and wait until sent. */
    async send(to, content, opts = {}) {
        await this.enqueue(to, content, opts).done;
    }
    get pending() {
        return this.queue.length;
    }
    /** Room in the queue for this item? An urgent one evicts the newest ordinary citizen reply when full. */
    admit(item) {
        const max = this.options.maxQueue;
        if (max === undefined || this.queue.length < max) {
            if (this.queueFullWarned && (max === undefined || this.queue.length < max / 2)) {
                this.queueFullWarned = false;
                this.options.logger.info({ waiting: this.queue.length }, 'send queue has room again');
            }
            return true;
        }
        if (!this.queueFullWarned) {
            this.queueFullWarned = true;
            this.options.logger.warn({ max }, 'send queue full (SEND_QUEUE_MAX): new citizen replies are refused until it drains; urgent answers still go first');
        }
        if (item.urgent) {
            for (let i = this.queue.length - 1; i >= 0; i -= 1) {
                const victim = this.queue[i];
                if (!victim.urgent && !victim.started && victim.citizen) {
                    this.queue.splice(i, 1);
                    this.refused += 1;
                    victim.reject(new SenderQueueFullError(max));
                    return true;
                }
            }
            // Nothing to evict: an emergency answer still goes out.
            return true;
        }
        this.refused += 1;
        return false;
    }
    /**
     * Stop: keep sending what is queued for up to `drainMs`, then drop the rest (their
     * promises reject with SenderStoppedError).
     */
    async close(drainMs = 0) {
        const deadline = Date.now() + drainMs;
        while (this.queue.length > 0 && Date.now() < deadline)
            await sleep(Math.min(50, Math.max(1, deadline - Date.now())));
        this.closed = true;
        for (const item of this.queue.splice(0))
            item.reject(new SenderStoppedError());
        this.wake?.();
        await this.loop;
    }
    kick() {
        // The loop runs until close(); while it is busy sending it picks new items up itself.
        this.loop ??= this.run();
        this.wake?.();
    }
    pick(now) {
        const index = this.queue.findIndex((i) => i.notBefore <= now);
        if (index < 0)
            return undefined;
        return this.queue.splice(index, 1)[0];
    }
    /** Who a citizen reply is for: the destination plus its @-mentions. */
    static citizenKey(item) {
        const first = item.parts[0];
        const mentions = first && 'text' in first && first.mentions ? [...first.mentions].sort().join(',') : '';
        return `${item.to.kind}:${item.to.id}:${mentions}`;
    }
    /**
     * A citizen reply that waited too long: drop it and every other stale reply for the same
     * citizen; send one apology (unless they already got one recently). Returns the apology
     * to send instead, or undefined when nothing is to be sent.
     */
    replaceStale(item, now) {
        const staleMs = this.options.staleMs ?? Number.POSITIVE_INFINITY;
        const key = PacedSender.citizenKey(item);
        const pile = [item];
        for (let i = this.queue.length - 1; i >= 0; i -= 1) {
            const other = this.queue[i];
            if (other.citizen && !other.urgent && now - other.enqueuedAt > staleMs && PacedSender.citizenKey(other) === key)
                pile.push(...this.queue.splice(i, 1));
        }
        this.stale += pile.length;
        for (const p of pile)
            p.reject(new StaleReplyError());
        for (const [k, at] of this.apologised)
            if (now - at > staleMs)
                this.apologised.delete(k);
        this.options.logger.warn({ dropped: pile.length, waitedSec: Math.round((now - item.enqueuedAt) / 1000) }, 'replies waited too long in the send queue; one apology sent instead');
        if (this.apologised.has(key))
            return undefined;
        this.apologised.set(key, now);
        const first = item.parts[0];
        const mentions = first && 'text' in first ? first.mentions : undefined;
        const text = this.options.staleApology();
        return mentions?.length ? { text, mentions: [...mentions] } : { text };
    }
    async idle() {
        const earliest = Math.min(...this.queue.map((i) => i.notBefore));
        await new Promise((resolve) => {
            const timer = Number.isFinite(earliest) ? setTimeout(resolve, Math.max(1, earliest - Date.now())) : undefined;
            this.wake = () => {
                if (timer)
                    clearTimeout(timer);
                resolve();
            };
        });
        this.wake = undefined;
    }
    async run() {
        while (!this.closed) {
            // Pace before choosing: an urgent message arriving meanwhile is picked first.
            const wait = this.nextAllowedAt - Date.now();
            if (wait > 0 && this.queue.length > 0) {
                await sleep(wait);
                continue;
            }
            const item = this.pick(Date.now());
            if (!item) {
                await this.idle();
                continue;
            }
            const staleMs = this.options.staleMs;
            if (item.citizen && !item.urgent && staleMs !== undefined && Date.now() - item.enqueuedAt > staleMs) {
                const apology = this.replaceStale(item, Date.now());
                if (apology)
                    await this.paceAndSend(item.to, apology).catch((err) => this.options.logger.warn({ err }, 'apology for a late reply not sent'));
                continue;
            }
            item.started = true;
            try {
                for (const part of item.parts)
                    await this.paceAndSend(item.to, part);
                item.resolve();
            }
            catch (err) {
                item.reject(err);
            }
        }
    }
    async paceAndSend(to, part) {
        const wait = this.nextAllowedAt - Date.now();
        if (wait > 0)
            await sleep(wait);
        if (this.closed)
            throw new SenderStoppedError();
        await this.countAgainstCap();
        const gap = this.options.minIntervalMs + Math.floor(this.random() * (this.options.jitterMs + 1));
        // The interval runs from when the platform has the message, not from when it was asked to
        // send it: a send that takes a while (a busy machine, a slow puppet) must not bring the next
        // one closer to it than the interval.
        try {
            await this.options.platform.send(to, part);
        }
        finally {
            this.nextAllowedAt = Date.now() + gap;
        }
        this.sent += 1;
    }
    async countAgainstCap() {
        const { redis, keys, account, dailyCap, timeZone, logger, health } = this.options;
        const day = todayIn(timeZone);
        const key = keys.sendCount(account, day);
        let count;
        const uncounted = this.capUncounted.get(day) ?? 0;
        try {
            const res = await redis.multi().incrby(key, 1 + uncounted).expire(key, 2 * 86_400).exec();
            const [err, n] = res?.[0] ?? [new Error('no reply'), 0];
            if (err)
                throw err;
            count = Number(n);
            this.capUncounted.delete(day);
            this.capKnown = { day, count };
            health?.ok();
        }
        catch (err) {
            // Fail closed: count on locally from the last known figure; never send without a cap.
            if (!health?.observe(err))
                logger.debug({ err }, 'could not count the daily send cap in Redis; counting locally');
            this.capUncounted.set(day, uncounted + 1);
            for (const d of this.capUncounted.keys())
                if (d !== day)
                    this.capUncounted.delete(d);
            count = (this.capKnown?.day === day ? this.capKnown.count : 0) + uncounted + 1;
        }
        if (count > dailyCap) {
            if (this.capWarnedDay !== day) {
                this.capWarnedDay = day;
                logger.error({ account, cap: dailyCap, day }, 'daily send cap reached: no more messages today (SEND_DAILY_CAP)');
            }
            throw new DailyCapError(dailyCap);
        }
    }
}
export function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
//# sourceMappingURL=sender.js.map