import { CHITCHAT_TOPIC } from '../core/types.js';
import { addCounts, addOutcome, answeredShare, emptyCounts, OUTCOME_KEYS, REVIEW_REASON_NAMES } from './definitions.js';
import { CHITCHAT_BUCKET, FIELD_SEP, statsKeys, TEST_CHANNELS } from './keys.js';
import { BUILTIN_DIMENSIONS, CHANNEL_NAMES, hourLabel, parseDetailField, STATS_SCHEMA } from './schema.js';
import { assertRange, coverRange, createBucketer, daysBetween, splitPeriods } from './time.js';
export { emptyCounts } from './definitions.js';
export { CHANNEL_NAMES };
function getOr(map, key, make) {
    let v = map.get(key);
    if (v === undefined) {
        v = make();
        map.set(key, v);
    }
    return v;
}
/** Monday = 0 … Sunday = 6. */
function weekdayIndex(day) {
    const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
    return (wd + 6) % 7;
}
/**
 * One pipelined round trip of reads. Each read returns a getter for its own reply, so the
 * code that uses the replies names what it reads instead of counting positions.
 */
class ReadBatch {
    pipeline;
    replies;
    size = 0;
    constructor(redis) {
        this.pipeline = redis.pipeline();
    }
    hash(key) {
        this.pipeline.hgetall(key);
        return this.slot((v) => (v ?? {}));
    }
    distinct(keys) {
        this.pipeline.pfcount(...keys);
        return this.slot((v) => Number(v));
    }
    fields(key, fields) {
        if (fields.length === 0)
            return () => [];
        this.pipeline.hmget(key, ...fields);
        return this.slot((v) => (v ?? []));
    }
    async run() {
        const replies = await this.pipeline.exec();
        if (!replies)
            throw new Error('Redis pipeline was discarded');
        this.replies = replies;
    }
    slot(read) {
        const i = this.size++;
        return () => {
            const r = this.replies?.[i];
            if (!r)
                throw new Error(`missing reply ${i}`);
            if (r[0])
                throw r[0];
            return read(r[1]);
        };
    }
}
function planQuery(options) {
    const { from, to, timezone } = options;
    assertRange(from, to);
    const by = options.by ?? 'month';
    const includeTest = options.includeTest === true;
    const keys = statsKeys(options.prefix ?? 'pufa:');
    const tests = TEST_CHANNELS.map((ch) => keys.test(ch));
    return {
        from,
        to,
        by,
        timezone,
        includeTest,
        schema: options.schema ?? STATS_SCHEMA,
        keys,
        periods: splitPeriods(from, to, by),
        families: includeTest ? [keys, ...tests] : [keys],
        leftOut: includeTest ? [] : tests,
        topics: options.topics,
    };
}
/** Distinct-citizen HyperLogLogs of a range: official year/month/day ones, and the day ones of test families counted. */
function hllKeys(plan, from, to) {
    const { keys } = plan;
    const c = coverRange(from, to);
    const official = [...c.years.map(keys.usersYear), ...c.months.map(keys.usersMonth), ...c.days.map(keys.usersDay)];
    const tests = plan.families.filter((f) => f !== keys);
    if (tests.length === 0)
        return official;
    const days = daysBetween(from, to);
    return [...official, ...tests.flatMap((f) => days.map(f.usersDay))];
}
async function readAggregates(redis, plan) {
    const batch = new ReadBatch(redis);
    const readDay = (day) => ({
        day,
        families: plan.families.map((f) => ({
            detail: batch.hash(f.day(day)),
            dims: new Map(plan.schema.hashed.map((d) => [d.name, batch.hash(f.dimension(d.hash, day))])),
            secondary: batch.hash(f.secondary(day)),
            feedback: batch.hash(f.feedback(day)),
        })),
        leftOut: plan.leftOut.map((f) => batch.hash(f.day(day))),
    });
    const periods = plan.periods.map((period) => ({ period, days: period.days.map(readDay), citizens: batch.distinct(hllKeys(plan, period.from, period.to)) }));
    const citizens = batch.distinct(hllKeys(plan, plan.from, plan.to));
    const names = new Map(plan.schema.dimensions.filter((d) => d.names).map((d) => [d.name, batch.hash(plan.keys.names(d.names.key))]));
    const dropped = batch.fields(plan.keys.dropped, plan.periods.flatMap((p) => p.days));
    await batch.run();
    return { periods, citizens, names, dropped };
}
function tallyPeriods(plan, reads) {
    const t = {
        periods: [],
        weekdayHour: Array.from({ length: 7 }, () => Array(24).fill(0)),
        feedback: new Map(),
        chitchat: 0,
        testLeftOut: 0,
        seenTopics: new Set(),
        seenChannels: new Set(['private', 'room']),
    };
    for (const p of reads.periods) {
        const counts = { detail: new Map(), dims: new Map(plan.schema.hashed.map((d) => [d.name, new Map()])), secondary: new Map() };
        for (const day of p.days) {
            for (const fam of day.families)
                tallyFamilyDay(plan, t, counts, day.day, fam);
            for (const leftOut of day.leftOut) {
                for (const [field, value] of Object.entries(leftOut()))
                    if (!field.startsWith(`${CHITCHAT_TOPIC}${FIELD_SEP}`))
                        t.testLeftOut += Number(value);
            }
        }
        t.periods.push(counts);
    }
    return t;
}
function tallyFamilyDay(plan, t, counts, day, fam) {
    for (const [field, value] of Object.entries(fam.detail())) {
        const n = Number(value);
        if (!n)
            continue;
        const { action, values } = parseDetailField(plan.schema, field);
        const topic = values.get('topic') ?? '';
        if (topic === CHITCHAT_TOPIC) {
            t.chitchat += n;
            continue;
        }
        t.seenTopics.add(topic);
        t.seenChannels.add(values.get('channel') ?? '');
        addOutcome(getOr(counts.detail, plan.schema.detail.map((d) => values.get(d.name) ?? '').join(FIELD_SEP), emptyCounts), action, n);
    }
    const wd = weekdayIndex(day);
    for (const [name, read] of fam.dims) {
        const table = counts.dims.get(name);
        for (const [field, value] of Object.entries(read())) {
            const sep = field.lastIndexOf(FIELD_SEP);
            const v = field.slice(0, sep);
            const bucket = field.slice(sep + 1);
            if (sep < 0 || bucket === CHITCHAT_BUCKET)
                continue;
            const n = Number(value);
            if (name === 'hour') {
                const h = Number(v);
                if (!(h >= 0 && h < 24) || !OUTCOME_KEYS[bucket])
                    continue;
                t.weekdayHour[wd][h] += n;
            }
            addOutcome(getOr(table, v, emptyCounts), bucket, n);
        }
    }
    for (const [field, value] of Object.entries(fam.secondary())) {
        const [topic = ''] = field.split(FIELD_SEP);
        const n = Number(value);
        if (!n)
            continue;
        t.seenTopics.add(topic);
        counts.secondary.set(topic, (counts.secondary.get(topic) ?? 0) + n);
    }
    for (const [field, value] of Object.entries(fam.feedback())) {
        const [topic = '', intent = '', vote = ''] = field.split(FIELD_SEP);
        const row = getOr(t.feedback, `${topic}${FIELD_SEP}${intent}`, () => ({ topic, intent, helpful: 0, notHelpful: 0 }));
        if (vote === 'up')
            row.helpful += Number(value);
        else if (vote === 'down')
            row.notHelpful += Number(value);
    }
}
function labelsOf(plan, reads, t) {
    const topicOrder = plan.topics.filter((x) => !x.chitchat).map((x) => x.id);
    const topicNames = new Map(plan.topics.map((x) => [x.id, x.name]));
    const channelOrder = ['private', 'room', 'console'].filter((c) => t.seenChannels.has(c));
    const stored = new Map([...reads.names].map(([name, read]) => [name, read()]));
    const ctx = { topicName: (id) => topicNames.get(id) ?? id, storedNames: (name) => stored.get(name) ?? {} };
    const label = (dimension, value) => {
        const d = plan.schema.byName(dimension);
        return d?.label ? d.label(value, ctx) : value;
    };
    return {
        topics: [...topicOrder, ...[...t.seenTopics].filter((x) => !topicOrder.includes(x)).sort()],
        channels: [...channelOrder, ...[...t.seenChannels].filter((c) => !channelOrder.includes(c)).sort()],
        topicName: ctx.topicName,
        channelName: (c) => CHANNEL_NAMES[c] ?? c,
        roomName: (r) => label('room', r),
        label,
    };
}
/** Counts of one detail dimension, summed over the cross-tab of a period. */
function detailTable(plan, counts, dimension) {
    const at = plan.schema.detail.findIndex((d) => d.name === dimension);
    const out = new Map();
    for (const [key, c] of counts.detail)
        addCounts(getOr(out, key.split(FIELD_SEP)[at] ?? '', emptyCounts), c);
    return out;
}
/** Counts per value of a dimension in a period: its own hash when it has one, else the cross-tab. */
function dimensionTable(plan, counts, dimension) {
    return counts.dims.get(dimension) ?? detailTable(plan, counts, dimension);
}
function emptyReport(plan, reads, t, l) {
    return {
        from: plan.from,
        to: plan.to,
        by: plan.by,
        timezone: plan.timezone,
        includeTest: plan.includeTest,
        totals: { ...emptyCounts(), citizens: reads.citizens() },
        answeredShare: null,
        chitchat: t.chitchat,
        testLeftOut: t.testLeftOut,
        dropped: reads.dropped().reduce((n, v) => n + (v ? Number(v) : 0), 0),
        periods: [],
        byTopic: [],
        topicTotals: l.topics.map((topic) => ({ period: TOTAL, topic, topicName: l.topicName(topic), ...emptyCounts(), secondary: 0 })),
        byChannel: [],
        channelTotals: l.channels.map((channel) => ({ period: TOTAL, channel, channelName: l.channelName(channel), ...emptyCounts() })),
        byRoom: [],
        roomTotals: [],
        byDetail: [],
        byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, label: hourLabel(hour), ...emptyCounts() })),
        weekdayHour: t.weekdayHour,
        feedback: { helpful: 0, notHelpful: 0, rows: [] },
        announcements: { pushes: 0, groupsReached: 0 },
        previous: null,
        examples: [],
    };
}
const TOTAL = '合计';
function byTotalThenLabel(counts, label) {
    return (a, b) => counts.get(b).total - counts.get(a).total || label(a).localeCompare(label(b), 'zh');
}
function addTopicRows(report, plan, counts, l, period, row) {
    const table = dimensionTable(plan, counts, 'topic');
    l.topics.forEach((topic, i) => {
        const c = table.get(topic) ?? emptyCounts();
        const secondary = counts.secondary.get(topic) ?? 0;
        report.byTopic.push({ period, topic, topicName: l.topicName(topic), ...c, secondary });
        addCounts(report.topicTotals[i], c);
        report.topicTotals[i].secondary += secondary;
        addCounts(row, c);
    });
}
function addChannelRows(report, plan, counts, l, period) {
    const table = dimensionTable(plan, counts, 'channel');
    l.channels.forEach((channel, i) => {
        const c = table.get(channel) ?? emptyCounts();
        report.byChannel.push({ period, channel, channelName: l.channelName(channel), ...c });
        addCounts(report.channelTotals[i], c);
    });
}
function addRoomRows(report, plan, counts, l, period, totals) {
    const table = dimensionTable(plan, counts, 'room');
    const rooms = [...table.keys()].filter((r) => r !== '' && table.get(r).total > 0).sort(byTotalThenLabel(table, l.roomName));
    for (const room of rooms) {
        const c = table.get(room);
        report.byRoom.push({ period, room, roomName: l.roomName(room), ...c });
        addCounts(getOr(totals, room, emptyCounts), c);
    }
}
function addDetailRows(report, plan, counts, l, period) {
    const at = new Map(plan.schema.detail.map((d, i) => [d.name, i]));
    const extra = plan.schema.detail.filter((d) => !BUILTIN_DIMENSIONS.includes(d.name));
    const rows = [...counts.detail.entries()]
        .filter(([, c]) => c.total > 0)
        .map(([key, c]) => {
        const parts = key.split(FIELD_SEP);
        const part = (name) => (at.has(name) ? (parts[at.get(name)] ?? '') : '');
        const [topic, channel, room] = [part('topic'), part('channel'), part('room')];
        const row = { period, topic, topicName: l.topicName(topic), channel, channelName: l.channelName(channel), room, roomName: room ? l.roomName(room) : '', ...c };
        if (extra.length > 0)
            row.dims = Object.fromEntries(extra.map((d) => [d.name, part(d.name) ? l.label(d.name, part(d.name)) : '']));
        return row;
    })
        .sort((a, b) => l.topics.indexOf(a.topic) - l.topics.indexOf(b.topic) || l.channels.indexOf(a.channel) - l.channels.indexOf(b.channel) || b.total - a.total || a.roomName.localeCompare(b.roomName, 'zh'));
    report.byDetail.push(...rows);
}
/** Tables of the dimensions beyond the built-in ones. */
function extraDimensions(plan, t, l) {
    const extra = plan.schema.dimensions.filter((d) => !BUILTIN_DIMENSIONS.includes(d.name));
    if (extra.length === 0)
        return undefined;
    const out = {};
    for (const d of extra) {
        const label = (v) => l.label(d.name, v);
        const table = { column: d.column, ...(d.sheet ? { sheet: d.sheet } : {}), detail: d.detail === true, byPeriod: [], totals: [] };
        const totals = new Map();
        plan.periods.forEach((p, k) => {
            const counts = dimensionTable(plan, t.periods[k], d.name);
            const values = [...counts.keys()].filter((v) => v !== '' && counts.get(v).total > 0).sort(byTotalThenLabel(counts, label));
            for (const value of values) {
                table.byPeriod.push({ period: p.period, value, label: label(value), ...counts.get(value) });
                addCounts(getOr(totals, value, emptyCounts), counts.get(value));
            }
        });
        table.totals = [...totals.keys()].sort(byTotalThenLabel(totals, label)).map((value) => ({ period: TOTAL, value, label: label(value), ...totals.get(value) }));
        out[d.name] = table;
    }
    return out;
}
function buildReport(plan, reads, t) {
    const l = labelsOf(plan, reads, t);
    const report = emptyReport(plan, reads, t, l);
    const roomTotals = new Map();
    plan.periods.forEach((p, k) => {
        const counts = t.periods[k];
        const row = { period: p.period, from: p.from, to: p.to, citizens: reads.periods[k].citizens(), ...emptyCounts(), pushes: 0, groupsReached: 0 };
        addTopicRows(report, plan, counts, l, p.period, row);
        addChannelRows(report, plan, counts, l, p.period);
        addRoomRows(report, plan, counts, l, p.period, roomTotals);
        addDetailRows(report, plan, counts, l, p.period);
        const hours = counts.dims.get('hour');
        if (hours)
            for (const [h, c] of hours)
                if (report.byHour[Number(h)])
                    addCounts(report.byHour[Number(h)], c);
        addCounts(report.totals, row);
        report.periods.push(row);
    });
    report.roomTotals = [...roomTotals.keys()].sort(byTotalThenLabel(roomTotals, l.roomName)).map((room) => ({ period: TOTAL, room, roomName: l.roomName(room), ...roomTotals.get(room) }));
    report.answeredShare = answeredShare(report.totals);
    report.feedback.rows = [...t.feedback.values()]
        .filter((r) => r.helpful + r.notHelpful > 0)
        .map((r) => ({ topic: r.topic, topicName: l.topicName(r.topic), intent: r.intent, helpful: r.helpful, notHelpful: r.notHelpful }))
        .sort((a, b) => l.topics.indexOf(a.topic) - l.topics.indexOf(b.topic) || a.intent.localeCompare(b.intent));
    for (const r of report.feedback.rows) {
        report.feedback.helpful += r.helpful;
        report.feedback.notHelpful += r.notHelpful;
    }
    const dims = extraDimensions(plan, t, l);
    if (dims)
        report.dimensions = dims;
    return report;
}
/**
 * Read the report for [from, to], in four steps: plan what to read (`planQuery`), read it in
 * one pipelined round trip (`readAggregates`), add the counts up per period
 * (`tallyPeriods`), and build the tables (`buildReport`). What is read and how each hash
 * field splits comes from the statistics schema (src/stats/schema.ts).
 */
export async function queryStats(redis, options) {
    const plan = planQuery(options);
    const reads = await readAggregates(redis, plan);
    return buildReport(plan, reads, tallyPeriods(plan, reads));
}
function normalizeQuestion(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/**
 * The staff review list for a period: questions the bot asked back on, declined, answered
 * with low confidence, or that got a 👎 — newest first; with `merge`, identical questions
 * merged into one item with a count. Reads the capped review stream (STATS_REVIEW_MAX entries) and orders by the time
 * the question was asked (back-filled questions included).
 */
export async function readReview(redis, options = {}) {
    const keys = statsKeys(options.prefix ?? 'pufa:');
    const entries = (await redis.xrevrange(keys.review, '+', '-'));
    const bucket = createBucketer(options.timezone ?? 'Asia/Shanghai');
    const names = new Map((options.topics ?? []).map((t) => [t.id, t.name]));
    const merged = new Map();
    for (const [id, flat] of entries) {
        const f = {};
        for (let k = 0; k + 1 < flat.length; k += 2)
            f[flat[k]] = flat[k + 1];
        const test = f.test === '1';
        if (test && !options.includeTest)
            continue;
        const t = Date.parse(f.at ?? '');
        if (options.from || options.to) {
            if (Number.isNaN(t))
                continue;
            const day = bucket(new Date(t)).day;
            if ((options.from && day < options.from) || (options.to && day > options.to))
                continue;
        }
        const text = normalizeQuestion(f.text ?? '');
        if (!text)
            continue;
        const action = f.action ?? '';
        const reason = (f.reason ?? (action === 'clarify' ? 'clarify' : 'out_of_scope'));
        const at = f.at ?? '';
        const item = merged.get(options.merge ? text : id);
        if (item) {
            item.count += 1;
            item.ids.push(id);
            if (!item.reasons.includes(reason))
                item.reasons.push(reason);
            if (at > item.at) {
                Object.assign(item, { id, consultationId: f.id ?? '', at, topic: f.topic ?? '', topicName: names.get(f.topic ?? '') ?? f.topic ?? '', intent: f.intent ?? '', action, reason, reasonName: REVIEW_REASON_NAMES[reason] ?? reason, channel: f.channel ?? '', score: Number(f.score ?? 0), choices: f.choices ? f.choices.split('\n') : item.choices, test });
            }
            if (at && at < item.firstAt)
                item.firstAt = at;
            continue;
        }
        merged.set(options.merge ? text : id, {
            id,
            ids: [id],
            consultationId: f.id ?? '',
            at,
            firstAt: at,
            count: 1,
            topic: f.topic ?? '',
            topicName: names.get(f.topic ?? '') ?? f.topic ?? '',
            intent: f.intent ?? '',
            action,
            reason,
            reasons: [reason],
            reasonName: REVIEW_REASON_NAMES[reason] ?? reason,
            channel: f.channel ?? '',
            score: Number(f.score ?? 0),
            text,
            choices: f.choices ? f.choices.split('\n') : [],
            test,
        });
    }
    return [...merged.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, options.count ?? 20);
}
//# sourceMappingURL=query.js.map