import { PufaError } from '../core/errors.js';
import { redactPii } from '../core/privacy.js';
import { statsKeys } from '../stats/keys.js';
import { readReview } from '../stats/query.js';
import { loadTopics } from '../stats/topics.js';
import { appendUtterance, cleanUtterance } from './intents-file.js';
import { consoleKeys } from './keys.js';
export const REVIEW_STATUSES = ['assigned', 'out_of_scope', 'dismissed'];
/** Extra redaction and bidi/format-control stripping before anything is shown to staff. */
export function forStaff(text) {
    return redactPii(text.replace(/[\p{Cc}\p{Cf}]/gu, ' ')).replace(/\s+/g, ' ').trim();
}
export class ReviewQueue {
    config;
    redis;
    logger;
    keys;
    constructor(config, redis, logger) {
        this.config = config;
        this.redis = redis;
        this.logger = logger;
        this.keys = consoleKeys(config.REDIS_PREFIX);
    }
    /** Open questions, newest first, identical ones merged; within [from, to] (YYYY-MM-DD, STATS_TIMEZONE days) when given. */
    async open(options = {}) {
        const items = await readReview(this.redis, {
            prefix: this.config.REDIS_PREFIX,
            count: this.config.STATS_REVIEW_MAX,
            timezone: this.config.STATS_TIMEZONE,
            topics: loadTopics(this.config.PUFA_KNOWLEDGE_DIR),
            includeTest: options.includeTest === true,
            ...(options.from ? { from: options.from } : {}),
            ...(options.to ? { to: options.to } : {}),
        });
        const done = await this.redis.hgetall(this.keys.reviewDone);
        const rows = new Map();
        // readReview keeps the period (days in STATS_TIMEZONE) and the newest-first order.
        for (const it of items) {
            const text = forStaff(it.text);
            if (!text)
                continue;
            // Resolved questions stay away until the bot fails on them again after the resolution.
            const resolved = done[text] ? JSON.parse(done[text]).at : undefined;
            if (resolved && it.at <= resolved)
                continue;
            const n = typeof it.count === 'number' && it.count > 0 ? it.count : 1;
            const row = rows.get(text);
            if (row) {
                row.ids.push(it.id);
                row.count += n;
                continue;
            }
            rows.set(text, {
                ids: [it.id],
                text,
                count: n,
                at: it.at,
                action: it.action,
                topic: it.topic,
                intent: it.intent,
                score: it.score,
                channel: it.channel,
                reason: it.reason,
                reasonName: it.reasonName,
                topicName: it.topicName,
                choices: it.choices.map(forStaff),
            });
        }
        return [...rows.values()].slice(0, options.limit ?? 200);
    }
    /** Resolve questions; for `assigned`, add the (redacted) text to the intent's utterances. */
    async resolve(req, by) {
        const ids = req.ids.filter((id) => /^\d+-\d+$/.test(id));
        if (ids.length === 0)
            throw new PufaError('PUFA_ERR_INPUT', '没有选中问题');
        const entries = (await this.redis.xrange(statsKeys(this.config.REDIS_PREFIX).review, ids[0], ids[0]));
        const flat = entries[0]?.[1] ?? [];
        const f = {};
        for (let k = 0; k + 1 < flat.length; k += 2)
            f[flat[k]] = flat[k + 1];
        const text = cleanUtterance(forStaff(f.text ?? ''));
        if (!text)
            throw new PufaError('PUFA_ERR_INPUT', '没有找到这条问题（可能已过期），请刷新页面');
        let result = { text };
        if (req.status === 'assigned') {
            if (!req.intent)
                throw new PufaError('PUFA_ERR_INPUT', '请选择正确的意图');
            const r = appendUtterance(this.config.PUFA_INTENTS_DIR, req.intent, text);
            result = { ...r, text };
            await this.redis.hset(this.keys.reviewAssigned, ids[0], JSON.stringify({ intent: req.intent, text }));
        }
        // Keyed by the (redacted) question: every occurrence of it is resolved at once.
        const value = JSON.stringify({ status: req.status, ...(req.intent ? { intent: req.intent } : {}), by, at: new Date().toISOString() });
        await this.redis.hset(this.keys.reviewDone, text || ids[0], value);
        this.logger.info({ by, status: req.status, intent: req.intent, n: ids.length }, 'review questions resolved');
        return result;
    }
    /** Questions staff assigned to an intent (checked after every retrain). */
    async assigned() {
        const all = await this.redis.hgetall(this.keys.reviewAssigned);
        return Object.entries(all)
            .map(([id, v]) => ({ id, ...JSON.parse(v) }))
            .sort((a, b) => (a.id < b.id ? 1 : -1));
    }
}
//# sourceMappingURL=review.js.map