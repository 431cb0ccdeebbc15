import { botKeys } from '../redis/bot-keys.js';
import { PufaError } from '../core/errors.js';
import { openStatsRedis } from '../redis/connection.js';
import { answeredShare, change } from './definitions.js';
import { statsKeys } from './keys.js';
import { STATS_SCHEMA } from './schema.js';
import { queryStats, readReview } from './query.js';
import { assertRange, assertTimeZone, createBucketer, daysBetween, defaultGranularity, GRANULARITIES, parseDay, previousPeriod, spanDays } from './time.js';
import { loadTopics } from './topics.js';
/** Longest range one report may cover (ten years and a bit). */
export const MAX_DAYS = 3700;
export function parseGranularity(value) {
    const v = value.trim().toLowerCase();
    if (GRANULARITIES.includes(v))
        return v;
    throw new PufaError('PUFA_ERR_INPUT', `--by 只能是 ${GRANULARITIES.join('|')} / --by must be one of ${GRANULARITIES.join(', ')} (got ${JSON.stringify(value)})`);
}
/** Days in [from, to] (the same as `spanDays` of ./time.ts). */
export const rangeDays = spanDays;
/** Validate a range and its grouping; throws PUFA_ERR_INPUT. */
export function resolveRange(options) {
    const from = parseDay(options.from, '--from');
    const to = parseDay(options.to, '--to');
    assertRange(from, to);
    const days = spanDays(from, to);
    if (days > MAX_DAYS)
        throw new PufaError('PUFA_ERR_INPUT', `日期范围过长 / range too long: ${days} days (at most ${MAX_DAYS})`);
    const by = options.by ? parseGranularity(options.by) : defaultGranularity(from, to);
    return { from, to, by };
}
/** Announcements per day (written by the bot's announcement jobs): pushes sent, groups reached. */
async function readAnnouncements(redis, prefix, days) {
    const out = new Map();
    if (days.length === 0)
        return out;
    const keys = botKeys(prefix);
    // Separate pipeline: the bot's keys live in another Cluster slot ({bot}).
    const p = redis.pipeline();
    for (const d of days)
        p.hmget(keys.announceStats(d), 'pushes', 'groups');
    const res = (await p.exec()) ?? [];
    res.forEach(([err, value], i) => {
        if (err)
            throw err;
        const [pushes, groups] = value ?? [];
        if (pushes || groups)
            out.set(days[i], { pushes: Number(pushes ?? 0), groups: Number(groups ?? 0) });
    });
    return out;
}
/** The most asked short answered questions of the busiest topics (official data only). */
async function readExamples(redis, prefix, report, topics, wanted) {
    if (wanted <= 0 || report.totals.answered === 0)
        return [];
    const keys = statsKeys(prefix);
    const months = [...new Set(daysBetween(report.from, report.to).map((d) => d.slice(0, 7)))];
    const p = redis.pipeline();
    for (const m of months)
        p.xrange(keys.examples(m), '-', '+');
    const res = (await p.exec()) ?? [];
    const bucket = createBucketer(report.timezone);
    // topic → text → count
    const byTopic = new Map();
    for (const [err, value] of res) {
        if (err)
            throw err;
        for (const [, flat] of value ?? []) {
            const f = {};
            for (let k = 0; k + 1 < flat.length; k += 2)
                f[flat[k]] = flat[k + 1];
            const t = Date.parse(f.at ?? '');
            if (Number.isNaN(t) || !f.topic || !f.text)
                continue;
            const day = bucket(new Date(t)).day;
            if (day < report.from || day > report.to)
                continue;
            const texts = byTopic.get(f.topic) ?? new Map();
            texts.set(f.text, (texts.get(f.text) ?? 0) + 1);
            byTopic.set(f.topic, texts);
        }
    }
    const names = new Map(topics.map((t) => [t.id, t.name]));
    const busiest = [...report.topicTotals].filter((r) => r.answered > 0 && byTopic.has(r.topic)).sort((a, b) => b.answered - a.answered);
    const out = [];
    for (const row of busiest) {
        if (out.length >= wanted)
            break;
        const [text, count] = [...byTopic.get(row.topic).entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0], 'zh'))[0];
        out.push({ topic: row.topic, topicName: names.get(row.topic) ?? row.topic, text, count });
    }
    return out;
}
/**
 * The figures of a period, by the definitions of src/stats/definitions.ts: what
 * `pufa export --format json` prints, what `pufa stats`, the other export formats, WeChat
 * `#统计` and the web console show. Official figures unless `includeTest`; with the
 * previous period of the same length for comparison, announcements (pushes sent, groups
 * reached) per period and in total, and a few example questions (redacted, official data).
 *
 * Throws PUFA_ERR_INPUT for a bad range (before connecting) and PUFA_ERR_REDIS when the
 * statistics cannot be read.
 *
 * @example
 *   const report = await statsReport({ config, logger, from: '2026-01-01', to: '2026-12-31', by: 'month' });
 *   report.totals.total; report.answeredShare; report.previous?.change.total
 */
export async function statsReport(options) {
    const { config, logger } = options;
    const { from, to, by } = resolveRange(options);
    assertTimeZone(config.STATS_TIMEZONE);
    const topics = loadTopics(config.PUFA_KNOWLEDGE_DIR);
    const includeTest = options.includeTest === true;
    const store = options.redis ? undefined : await openStatsRedis(config, logger, { purpose: 'command', connectionName: 'pufa-report' });
    const redis = options.redis ?? store.redis;
    const prefix = config.REDIS_PREFIX;
    try {
        const schema = options.schema ?? STATS_SCHEMA;
        const report = await queryStats(redis, { from, to, by, prefix, topics, timezone: config.STATS_TIMEZONE, includeTest, schema });
        const { from: prevFrom, to: prevTo } = previousPeriod(from, to);
        const compare = options.compare !== false;
        const ann = await readAnnouncements(redis, prefix, daysBetween(compare ? prevFrom : from, to));
        for (const p of report.periods) {
            for (const d of daysBetween(p.from, p.to)) {
                const a = ann.get(d);
                if (!a)
                    continue;
                p.pushes += a.pushes;
                p.groupsReached += a.groups;
            }
            report.announcements.pushes += p.pushes;
            report.announcements.groupsReached += p.groupsReached;
        }
        if (compare) {
            const prev = await queryStats(redis, { from: prevFrom, to: prevTo, by: 'year', prefix, topics, timezone: config.STATS_TIMEZONE, includeTest, schema });
            const prevAnn = { pushes: 0, groupsReached: 0 };
            for (const d of daysBetween(prevFrom, prevTo)) {
                const a = ann.get(d);
                if (a) {
                    prevAnn.pushes += a.pushes;
                    prevAnn.groupsReached += a.groups;
                }
            }
            const share = answeredShare(prev.totals);
            report.previous = {
                from: prevFrom,
                to: prevTo,
                totals: prev.totals,
                answeredShare: share,
                announcements: prevAnn,
                change: {
                    total: change(report.totals.total, prev.totals.total),
                    answered: change(report.totals.answered, prev.totals.answered),
                    citizens: change(report.totals.citizens, prev.totals.citizens),
                    pushes: change(report.announcements.pushes, prevAnn.pushes),
                },
                answeredShareChange: share !== null && report.answeredShare !== null ? Math.round((report.answeredShare - share) * 1000) / 10 : null,
            };
        }
        report.examples = await readExamples(redis, prefix, report, topics, options.examples ?? 3);
        return report;
    }
    catch (err) {
        if (err instanceof PufaError)
            throw err;
        throw new PufaError('PUFA_ERR_REDIS', `读取统计失败 / could not read the statistics: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    finally {
        await store?.close();
    }
}
/**
 * The staff review list of a period (declined, asked-back, low-confidence and 👎 answers),
 * newest first, identical questions merged with a count, with topic, outcome and offered
 * choices. What `pufa stats --review` prints and the console's review queue shows.
 */
export async function reviewList(options) {
    const { config, logger } = options;
    const { from, to } = resolveRange(options);
    const store = options.redis ? undefined : await openStatsRedis(config, logger, { purpose: 'command', connectionName: 'pufa-review' });
    try {
        return await readReview(options.redis ?? store.redis, {
            prefix: config.REDIS_PREFIX,
            from,
            to,
            timezone: config.STATS_TIMEZONE,
            topics: loadTopics(config.PUFA_KNOWLEDGE_DIR),
            includeTest: options.includeTest === true,
            count: options.count ?? 20,
            merge: true,
        });
    }
    finally {
        await store?.close();
    }
}
//# sourceMappingURL=report.js.map