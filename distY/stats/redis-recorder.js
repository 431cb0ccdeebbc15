import { randomBytes, randomUUID } from 'node:crypto';
import { hashId, redactPii } from '../core/privacy.js';
import { closeRedis } from '../redis/connection.js';
import { CHITCHAT_BUCKET, FIELD_SEP, fieldPart, statsKeys } from './keys.js';
import { isConsultation, isExample, reviewReason, secondaryTopicsOf } from './definitions.js';
import { FEEDBACK_COMMAND, FEEDBACK_SCRIPT, FEEDBACK_SCRIPT_KEYS, RECORD_COMMAND, RECORD_SCRIPT } from './record-script.js';
import { detailField, STATS_SCHEMA } from './schema.js';
import { addDays, createBucketer, parseDateTime } from './time.js';
/** Looks like our salted hash (hashId: 16 hex chars) or another hex digest. */
const HASHED = /^[0-9a-f]{16,64}$/;
/** Longest review text kept. */
const REVIEW_MAX_CHARS = 500;
/** How long a clarification can still be resolved by the citizen's reply (longer than any BOT_CLARIFY_TTL_SEC). */
const CLARIFICATION_KEEP_SEC = 2 * 86_400;
/** Server replies worth retrying (transient states); any other error reply drops the item. */
const TRANSIENT_REPLY = /^(?:LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY|NOSCRIPT|OOM|MOVED|ASK|NOREPLICAS)/;
/** Builds one named call of RECORD_SCRIPT: the keys it uses, by name, and the JSON argument. */
class CallBuilder {
    keys = {};
    call;
    constructor(seenKey, id, reviewMax) {
        this.keys.seen = seenKey;
        this.call = { k: [], id, seenAt: '', bumps: [], names: [], reviewMax };
    }
    key(name, key) {
        this.keys[name] ??= key;
        return name;
    }
    set(field, value) {
        this.call[field] = value;
    }
    bump(name, key, field) {
        this.call.bumps.push([this.key(name, key), field]);
    }
    name(name, key, value, label) {
        this.call.names.push([this.key(name, key), value, label]);
    }
    /** numkeys, the keys, the JSON argument. */
    args() {
        this.call.k = Object.keys(this.keys);
        return [String(this.call.k.length), ...Object.values(this.keys), JSON.stringify(this.call)];
    }
}
export class RedisStatsRecorder {
    keys;
    schema;
    redis;
    logger;
    salt;
    bucket;
    timeZone;
    lowScore;
    retentionMs;
    reviewMax;
    capacity;
    batchSize;
    flushIntervalMs;
    minBackoffMs;
    maxBackoffMs;
    replayWindowMs;
    replayMax;
    closeTimeoutMs;
    ownsRedis;
    dropLogIntervalMs;
    health;
    queue = [];
    replayQueue = [];
    recent = [];
    inflight = 0;
    writing = false;
    timer;
    retryTimer;
    immediate;
    backoffMs = 0;
    healthy = true;
    closed = false;
    seq = 0;
    waiters = [];
    pendingDrops = new Map();
    counters = { stored: 0, duplicates: 0, dropped: 0, restored: 0, failedBatches: 0 };
    lastDropLog = 0;
    dropsSinceLog = 0;
    dropLogTimer;
    warnedUnhashed = false;
    onClose = () => this.connectionLost();
    onReady = () => this.connectionBack();
    constructor(options) {
        const { config } = options;
        this.redis = options.redis;
        this.logger = options.logger;
        this.keys = statsKeys(config.REDIS_PREFIX);
        this.schema = options.schema ?? STATS_SCHEMA;
        // No public fallback: an unhashed id with no salt configured gets a per-process random one.
        this.salt = options.salt ?? config.HASH_SALT ?? randomBytes(24).toString('base64url');
        this.bucket = createBucketer(config.STATS_TIMEZONE);
        this.timeZone = config.STATS_TIMEZONE;
        this.lowScore = config.STATS_REVIEW_LOW_SCORE ?? 0.5;
        this.retentionMs = config.STATS_RETENTION_DAYS * 86_400_000;
        this.reviewMax = String(config.STATS_REVIEW_MAX);
        this.capacity = Math.max(1, config.STATS_BUFFER_MAX);
        this.batchSize = options.batchSize ?? 500;
        this.flushIntervalMs = options.flushIntervalMs ?? 5;
        this.minBackoffMs = options.minBackoffMs ?? 100;
        this.maxBackoffMs = options.maxBackoffMs ?? 5000;
        this.replayWindowMs = options.replayWindowMs ?? 5000;
        this.replayMax = options.replayMax ?? 20_000;
        this.closeTimeoutMs = options.closeTimeoutMs ?? 3000;
        this.ownsRedis = options.ownsRedis ?? false;
        this.dropLogIntervalMs = options.dropLogIntervalMs ?? 10_000;
        this.health = options.health;
        if (typeof this.redis[RECORD_COMMAND] !== 'function') {
            // No fixed number of keys: each call names the keys it uses (the first argument counts them).
            this.redis.defineCommand(RECORD_COMMAND, { lua: RECORD_SCRIPT });
        }
        if (typeof this.redis[FEEDBACK_COMMAND] !== 'function') {
            this.redis.defineCommand(FEEDBACK_COMMAND, { numberOfKeys: FEEDBACK_SCRIPT_KEYS, lua: FEEDBACK_SCRIPT });
        }
        this.redis.on('close', this.onClose);
        this.redis.on('ready', this.onReady);
    }
    /** Queue one consultation. Never throws, never waits. */
    record(consultation) {
        try {
            const job = this.prepare(consultation);
            if (this.closed || this.queue.length + this.inflight >= this.capacity) {
                this.drop(job.day, 1);
                return;
            }
            this.queue.push(job);
            this.schedule();
        }
        catch (err) {
            this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'could not record a consultation');
        }
    }
    /** Wait until everything recorded so far is written, or until one write attempt fails (then it stays buffered). */
    flush() {
        if (this.pendingCount() === 0 && !this.writing)
            return Promise.resolve();
        return new Promise((resolve) => {
            this.waiters.push({ seq: this.seq, resolve });
            this.kick(true);
        });
    }
    /**
     * Wait until everything recorded so far is written, retrying through outages, for at
     * most `timeoutMs`. True when all of it is stored.
     */
    async waitUntilStored(timeoutMs = 10_000) {
        const target = this.seq;
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const first = this.queue[0];
            const done = (first === undefined || first.seq > target) && this.inflight === 0 && this.replayQueue.length === 0;
            if (done && !this.writing)
                return true;
            if (Date.now() > deadline)
                return false;
            this.kick();
            await new Promise((r) => setTimeout(r, 10));
        }
    }
    /** True when record() would queue rather than drop (the buffer has room). */
    hasRoom() {
        return !this.closed && this.queue.length + this.inflight < this.capacity;
    }
    /**
     * For batch writers (`pufa simulate`): wait until the buffer has room again — Redis is
     * back and took what was buffered — for at most `timeoutMs`. True when there is room.
     * The bot never waits (it answers first); a batch has no one waiting for an answer.
     */
    async waitForRoom(timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        while (!this.hasRoom()) {
            if (this.closed || Date.now() > deadline)
                return false;
            this.kick();
            await new Promise((r) => setTimeout(r, 20));
        }
        return true;
    }
    /** Counters; `restored` counts consultations Redis lost in a crash and the replay wrote again. */
    status() {
        return {
            pending: this.pendingCount(),
            stored: this.counters.stored,
            duplicates: this.counters.duplicates,
            dropped: this.counters.dropped,
            healthy: this.healthy,
            restored: this.counters.restored,
            failedBatches: this.counters.failedBatches,
        };
    }
    /** Write what is queued (trying for up to closeTimeoutMs), then stop. What could not be written is counted as dropped. */
    async close() {
        if (this.closed)
            return;
        const deadline = Date.now() + this.closeTimeoutMs;
        while ((this.pendingCount() > 0 || this.replayQueue.length > 0) && Date.now() < deadline) {
            this.kick();
            await new Promise((r) => setTimeout(r, 10));
        }
        while (this.writing && Date.now() < deadline + 1000)
            await new Promise((r) => setTimeout(r, 5));
        this.closed = true;
        this.clearTimers();
        this.redis.off('close', this.onClose);
        this.redis.off('ready', this.onReady);
        const lost = this.queue.length;
        if (lost > 0) {
            this.counters.dropped += lost;
            this.logger.warn({ lost, dropped: this.counters.dropped }, 'statistics recorder closed with consultations not yet written to Redis; they are lost');
        }
        this.logDrops();
        this.queue = [];
        this.replayQueue = [];
        this.recent = [];
        for (const w of this.waiters.splice(0))
            w.resolve();
        if (this.ownsRedis)
            await closeRedis(this.redis);
    }
    // ---------------------------------------------------------------------------------
    pendingCount() {
        return this.queue.length + this.inflight;
    }
    pseudonym(id) {
        if (HASHED.test(id))
            return id;
        if (!this.warnedUnhashed) {
            this.warnedUnhashed = true;
            this.logger.warn('the statistics recorder received an id that is not hashed; hashing it (the pipeline should pass salted hashes)');
        }
        return hashId(this.salt, id);
    }
    /** One consultation → one call of the recording script (arguments by name, derived from the schema). */
    prepare(c) {
        const n = this.normalize(c);
        const call = new CallBuilder(this.keys.seen(n.when.day), n.id, this.reviewMax);
        this.addEvent(call, c, n);
        this.addCounts(call, c, n);
        this.addLists(call, c, n);
        return { seq: ++this.seq, day: n.when.day, cmd: RECORD_COMMAND, args: call.args(), ackedAt: 0, replay: false };
    }
    /** The consultation's parts as they are stored: safe as field parts, ids hashed, texts redacted. */
    normalize(c) {
        const at = c.at instanceof Date && !Number.isNaN(c.at.getTime()) ? c.at : new Date();
        const channel = fieldPart(c.channel);
        const chitchat = !isConsultation(c);
        const room = c.room ? this.pseudonym(c.room) : '';
        const test = c.test === true;
        return {
            at,
            when: this.bucket(at),
            id: c.id ? fieldPart(c.id) : randomUUID(),
            topic: fieldPart(c.topic || 'unknown'),
            action: fieldPart(c.action),
            channel,
            chitchat,
            bucket: chitchat ? CHITCHAT_BUCKET : fieldPart(c.action),
            user: c.user ? this.pseudonym(c.user) : '',
            room,
            roomName: room && c.roomName ? redactPii(c.roomName).slice(0, 100) : '',
            test,
            family: test ? this.keys.test(channel) : this.keys,
            text: c.text ? redactPii(c.text).slice(0, REVIEW_MAX_CHARS) : '',
            score: Math.round(c.score * 1000) / 1000,
            replaces: c.replaces && !chitchat ? fieldPart(c.replaces) : '',
        };
    }
    /** The raw event and how long it and the id are kept. */
    addEvent(call, c, n) {
        const now = Date.now();
        const eventExpireMs = n.at.getTime() + this.retentionMs;
        // The id must outlive any retry; back-filled events older than the retention are
        // counted but their raw event is not kept.
        call.set('seenAt', String(Math.ceil(Math.max(eventExpireMs, now + 86_400_000) / 1000)));
        if (eventExpireMs <= now)
            return;
        const event = { id: n.id, at: n.at.toISOString(), topic: c.topic, intent: c.intent, action: c.action, channel: c.channel, user: n.user, score: n.score };
        if (n.room)
            event.room = n.room;
        if (n.test)
            event.test = true;
        if (c.replaces)
            event.replaces = c.replaces;
        const secondary = n.chitchat ? [] : secondaryTopicsOf(c);
        if (secondary.length > 0)
            event.secondary = secondary;
        call.set('event', JSON.stringify(event));
        call.set('eventAt', String(Math.ceil(eventExpireMs / 1000)));
        call.key('events', n.family.events(n.when.day));
    }
    /** The counters: every dimension of the schema, by name; secondary topics; distinct citizens; display names. */
    addCounts(call, c, n) {
        const { family: fam, when } = n;
        if (n.replaces) {
            call.set('resolves', true);
            call.key('clReplaced', this.keys.clarification(n.replaces));
        }
        const facts = { consultation: c, topic: n.topic, action: n.action, channel: n.channel, room: n.room, roomName: n.roomName, when };
        const values = new Map(this.schema.dimensions.map((d) => [d.name, fieldPart(d.value(facts))]));
        call.bump('day', fam.day(when.day), detailField(this.schema, n.action, values));
        for (const d of this.schema.hashed) {
            const v = values.get(d.name);
            if (v)
                call.bump(`dim:${d.hash}`, fam.dimension(d.hash, when.day), `${v}${FIELD_SEP}${n.bucket}`);
        }
        if (!n.chitchat)
            for (const t of secondaryTopicsOf(c))
                call.bump('sec', fam.secondary(when.day), `${fieldPart(t)}${FIELD_SEP}${n.channel}`);
        // Small talk is not a consultation: it does not count as a citizen reached.
        if (n.user && !n.chitchat) {
            call.set('user', n.user);
            call.key('usersDay', fam.usersDay(when.day));
            if (!n.test) {
                call.set('allTime', true);
                call.key('usersMonth', fam.usersMonth(when.month));
                call.key('usersYear', fam.usersYear(when.year));
            }
        }
        for (const d of this.schema.dimensions) {
            const v = values.get(d.name);
            const label = d.names && v ? d.names.of(facts) : '';
            if (d.names && v && label)
                call.name(`names:${d.names.key}`, this.keys.names(d.names.key), v, label);
        }
        // A clarification remembers what it counted, so the citizen's reply can take its place.
        if (c.action === 'clarify' && !n.chitchat) {
            call.set('keepCl', String(CLARIFICATION_KEEP_SEC));
            call.key('clThis', this.keys.clarification(n.id));
        }
    }
    /** The example questions of the summary and the staff review list. */
    addLists(call, c, n) {
        if (isExample({ ...c, text: n.text })) {
            call.set('example', { topic: n.topic, text: n.text, at: n.at.toISOString() });
            call.key('examples', n.family.examples(n.when.month));
        }
        const reason = reviewReason(c, this.lowScore);
        if (!reason || !n.text)
            return;
        const review = ['at', n.at.toISOString(), 'id', n.id, 'topic', c.topic, 'intent', c.intent ?? '', 'action', c.action, 'reason', reason, 'channel', c.channel, 'score', String(n.score), 'text', n.text];
        if (c.choices && c.choices.length > 0)
            review.push('choices', c.choices.map((l) => l.replaceAll('\n', ' ').slice(0, 60)).join('\n'));
        if (n.room)
            review.push('room', n.room);
        if (n.test)
            review.push('test', '1');
        call.set('review', review);
        call.key('review', this.keys.review);
    }
    /** Queue one 👍 / 👎. Never throws. */
    recordFeedback(f) {
        try {
            const at = f.at instanceof Date && !Number.isNaN(f.at.getTime()) ? f.at : new Date();
            const b = this.bucket(at);
            const channel = fieldPart(f.channel);
            const fam = f.test ? this.keys.test(channel) : this.keys;
            const seenExpire = Math.ceil(Math.max(at.getTime() + this.retentionMs, Date.now() + 86_400_000) / 1000);
            const field = [fieldPart(f.topic || 'unknown'), fieldPart(f.intent ?? ''), f.helpful ? 'up' : 'down'].join(FIELD_SEP);
            const args = [this.keys.seen(b.day), fam.feedback(b.day), this.keys.review, `fb:${fieldPart(f.consultationId)}`, String(seenExpire), field, this.reviewMax];
            const text = f.text ? redactPii(f.text).slice(0, REVIEW_MAX_CHARS) : '';
            if (!f.helpful && text) {
                args.push('at', at.toISOString(), 'id', f.consultationId, 'topic', f.topic, 'intent', f.intent ?? '', 'action', 'answer', 'reason', 'not_helpful', 'channel', f.channel, 'score', String(Math.round((f.score ?? 0) * 1000) / 1000), 'text', text);
                if (f.test)
                    args.push('test', '1');
            }
            const job = { seq: ++this.seq, day: b.day, cmd: FEEDBACK_COMMAND, args, ackedAt: 0, replay: false };
            if (this.closed || this.queue.length + this.inflight >= this.capacity)
                return;
            this.queue.push(job);
            this.schedule();
        }
        catch (err) {
            this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'could not record feedback');
        }
    }
    /**
     * "Was it helpful?" state in Redis: `fbask:<day>:<user>`, set once per citizen and day
     * (SET NX); kept until the end of the next day, so a late vote after midnight still counts.
     */
    feedback = {
        offer: async (user, asked, at) => {
            try {
                const day = this.bucket(at).day;
                const endOfNextDay = parseDateTime(addDays(day, 2), this.timeZone)?.getTime() ?? at.getTime() + 2 * 86_400_000;
                const ok = await this.redis.set(this.keys.feedbackAsked(day, this.pseudonym(user)), JSON.stringify(asked), 'PXAT', Math.max(endOfNextDay, Date.now() + 600_000), 'NX');
                return ok === 'OK';
            }
            catch (err) {
                this.logger.debug({ err: err instanceof Error ? err.message : String(err) }, 'feedback question skipped (Redis unavailable)');
                return false;
            }
        },
        pending: async (user, at) => {
            try {
                const day = this.bucket(at).day;
                const u = this.pseudonym(user);
                const [today, yesterday] = await this.redis.mget(this.keys.feedbackAsked(day, u), this.keys.feedbackAsked(addDays(day, -1), u));
                const raw = today ?? yesterday;
                return raw ? JSON.parse(raw) : undefined;
            }
            catch {
                return undefined;
            }
        },
    };
    drop(day, n) {
        this.counters.dropped += n;
        this.dropsSinceLog += n;
        this.pendingDrops.set(day, (this.pendingDrops.get(day) ?? 0) + n);
        // The first drop is logged at once; later ones are summed up once per interval.
        if (Date.now() - this.lastDropLog >= this.dropLogIntervalMs)
            this.logDrops();
        else if (!this.dropLogTimer) {
            this.dropLogTimer = setTimeout(() => this.logDrops(), this.dropLogIntervalMs - (Date.now() - this.lastDropLog));
            this.dropLogTimer.unref();
        }
    }
    logDrops() {
        if (this.dropLogTimer)
            clearTimeout(this.dropLogTimer);
        this.dropLogTimer = undefined;
        if (this.dropsSinceLog === 0)
            return;
        this.logger.warn({ dropped: this.dropsSinceLog, droppedTotal: this.counters.dropped, buffered: this.pendingCount(), bufferMax: this.capacity }, 'statistics buffer full (Redis down or too slow): consultations dropped');
        this.lastDropLog = Date.now();
        this.dropsSinceLog = 0;
    }
    schedule() {
        if (this.writing || this.retryTimer || this.closed)
            return;
        if (this.queue.length >= this.batchSize) {
            if (!this.immediate) {
                this.immediate = setImmediate(() => {
                    this.immediate = undefined;
                    void this.drain();
                });
            }
        }
        else if (!this.timer) {
            this.timer = setTimeout(() => {
                this.timer = undefined;
                void this.drain();
            }, this.flushIntervalMs);
            this.timer.unref();
        }
    }
    /** Write now. While backing off after a failure, only `force` cuts the wait short. */
    kick(force = false) {
        if (this.retryTimer) {
            if (!force)
                return;
            clearTimeout(this.retryTimer);
            this.retryTimer = undefined;
        }
        if (this.timer) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
        void this.drain();
    }
    clearTimers() {
        if (this.timer)
            clearTimeout(this.timer);
        if (this.retryTimer)
            clearTimeout(this.retryTimer);
        if (this.immediate)
            clearImmediate(this.immediate);
        this.timer = undefined;
        this.retryTimer = undefined;
        this.immediate = undefined;
    }
    async drain() {
        if (this.writing || this.closed)
            return;
        this.writing = true;
        try {
            while (!this.closed && (this.replayQueue.length > 0 || this.queue.length > 0 || this.pendingDrops.size > 0)) {
                const replays = this.replayQueue.splice(0, this.batchSize);
                const fresh = this.queue.splice(0, this.batchSize - replays.length);
                this.inflight = fresh.length;
                const failed = await this.write([...replays, ...fresh]);
                this.inflight = 0;
                if (failed) {
                    for (const j of failed)
                        j.sent = true;
                    this.replayQueue.unshift(...failed.filter((j) => j.replay));
                    this.queue.unshift(...failed.filter((j) => !j.replay));
                    this.healthy = false;
                    this.counters.failedBatches += 1;
                    this.backoffMs = this.backoffMs === 0 ? this.minBackoffMs : Math.min(this.backoffMs * 2, this.maxBackoffMs);
                    this.retryTimer = setTimeout(() => {
                        this.retryTimer = undefined;
                        void this.drain();
                    }, this.backoffMs);
                    this.retryTimer.unref();
                    for (const w of this.waiters.splice(0))
                        w.resolve();
                    return;
                }
                if (!this.healthy)
                    this.logger[this.health ? 'debug' : 'info']({ buffered: this.pendingCount() }, 'Redis is back; writing buffered statistics');
                this.healthy = true;
                this.health?.ok();
                this.backoffMs = 0;
                this.resolveWaiters();
            }
            this.resolveWaiters();
        }
        finally {
            this.writing = false;
        }
    }
    resolveWaiters() {
        if (this.waiters.length === 0)
            return;
        const firstPending = this.queue[0]?.seq ?? Number.POSITIVE_INFINITY;
        const keep = [];
        for (const w of this.waiters) {
            if (w.seq < firstPending)
                w.resolve();
            else
                keep.push(w);
        }
        this.waiters = keep;
    }
    /** Send one batch. Returns the jobs to retry, or undefined when all are done. */
    async write(batch) {
        if (this.redis.status === 'end')
            this.redis.connect().catch(() => undefined);
        const pipeline = this.redis.pipeline();
        for (const job of batch)
            pipeline[job.cmd](...job.args);
        const drops = [...this.pendingDrops];
        for (const [day, n] of drops)
            pipeline.hincrby(this.keys.dropped, day, n);
        let results;
        try {
            results = await pipeline.exec();
        }
        catch (err) {
            this.logWriteError(err, batch.length);
            return batch;
        }
        if (!results)
            return batch;
        const retry = [];
        const now = Date.now();
        let firstError;
        batch.forEach((job, i) => {
            const [err, reply] = results[i] ?? [new Error('no reply'), null];
            if (err) {
                if (isReplyError(err) && !TRANSIENT_REPLY.test(err.message)) {
                    // A reply error that retrying cannot fix (e.g. a key of the wrong type): drop it.
                    this.logger.error({ err: err.message }, 'Redis rejected a consultation; dropped');
                    this.counters.dropped += 1;
                    return;
                }
                firstError ??= err;
                retry.push(job);
                return;
            }
            const counted = reply === 1 || reply === '1';
            if (job.replay) {
                // Written before, lost by the server (crash/failover), written again now.
                if (counted)
                    this.counters.restored += 1;
            }
            else if (counted || job.sent) {
                // Not counted now but sent before with its reply lost: that first attempt stored it.
                this.counters.stored += 1;
            }
            else {
                this.counters.duplicates += 1;
            }
            job.ackedAt = now;
            job.replay = false;
            this.recent.push(job);
        });
        this.trimRecent(now);
        const dropReplies = results.slice(batch.length);
        if (dropReplies.every(([err]) => !err)) {
            for (const [day, n] of drops) {
                const left = (this.pendingDrops.get(day) ?? 0) - n;
                if (left > 0)
                    this.pendingDrops.set(day, left);
                else
                    this.pendingDrops.delete(day);
            }
        }
        else {
            firstError ??= dropReplies.find(([err]) => err)?.[0];
        }
        if (firstError !== undefined) {
            this.logWriteError(firstError, retry.length);
            return retry.length > 0 ? retry : [];
        }
        return undefined;
    }
    /** Forget written consultations older than the replay window (once per batch). */
    trimRecent(now) {
        const horizon = now - this.replayWindowMs;
        let cut = Math.max(0, this.recent.length - this.replayMax);
        while (cut < this.recent.length && this.recent[cut].ackedAt < horizon)
            cut += 1;
        if (cut > 0)
            this.recent.splice(0, cut);
    }
    logWriteError(err, n) {
        // With a health object, it gives the one warning per state change.
        const reported = this.health?.observe(err) !== undefined;
        const level = this.healthy && !reported ? 'warn' : 'debug';
        this.logger[level]({ err: err instanceof Error ? err.message : String(err), buffered: this.pendingCount() + n }, 'could not write statistics to Redis; buffering and retrying');
    }
    /** The connection dropped: what was written lately may be lost if Redis went down hard; write it again. */
    connectionLost() {
        if (this.closed || this.recent.length === 0)
            return;
        const horizon = Date.now() - this.replayWindowMs;
        const again = this.recent.filter((j) => j.ackedAt >= horizon);
        this.recent = [];
        for (const j of again)
            j.replay = true;
        this.replayQueue.unshift(...again);
    }
    connectionBack() {
        if (this.closed)
            return;
        if (this.retryTimer || this.queue.length > 0 || this.replayQueue.length > 0 || this.pendingDrops.size > 0)
            this.kick(true);
    }
}
function isReplyError(err) {
    return err instanceof Error && err.name === 'ReplyError';
}
//# sourceMappingURL=redis-recorder.js.map