import { CHITCHAT_TOPIC } from '../core/types.js';
import { FIELD_SEP, statsKeys, TEST_CHANNELS } from './keys.js';
import { STATS_SCHEMA } from './schema.js';
import { createBucketer, daysBetween } from './time.js';
function channelsOf(options) {
    return options.channels && options.channels.length > 0 ? [...options.channels] : [...TEST_CHANNELS];
}
async function plan(redis, options) {
    const keys = statsKeys(options.prefix);
    const channels = channelsOf(options);
    const days = daysBetween(options.from, options.to);
    const hashed = (options.schema ?? STATS_SCHEMA).hashed;
    const all = [];
    const dayKeys = [];
    for (const ch of channels) {
        const f = keys.test(ch);
        for (const d of days) {
            dayKeys.push(f.day(d));
            all.push(f.day(d), ...hashed.map((dim) => f.dimension(dim.hash, d)), f.usersDay(d), f.events(d), f.secondary(d), f.feedback(d));
        }
    }
    const count = { consultations: 0, chitchat: 0, reviewEntries: 0, keys: 0 };
    const p = redis.pipeline();
    for (const k of dayKeys)
        p.hgetall(k);
    for (const k of all)
        p.exists(k);
    const res = (await p.exec()) ?? [];
    res.forEach(([err, value], i) => {
        if (err)
            throw err;
        if (i < dayKeys.length) {
            for (const [field, n] of Object.entries((value ?? {}))) {
                if (field.startsWith(`${CHITCHAT_TOPIC}${FIELD_SEP}`))
                    count.chitchat += Number(n);
                else
                    count.consultations += Number(n);
            }
        }
        else if (Number(value) > 0)
            count.keys += 1;
    });
    const bucket = createBucketer(options.timezone);
    const reviewIds = [];
    const entries = (await redis.xrange(keys.review, '-', '+'));
    for (const [id, flat] of entries) {
        const f = {};
        for (let k = 0; k + 1 < flat.length; k += 2)
            f[flat[k]] = flat[k + 1];
        if (f.test !== '1' || !channels.includes(f.channel ?? ''))
            continue;
        const t = Date.parse(f.at ?? '');
        if (Number.isNaN(t))
            continue;
        const day = bucket(new Date(t)).day;
        if (day >= options.from && day <= options.to)
            reviewIds.push(id);
    }
    count.reviewEntries = reviewIds.length;
    return { count, keys: all, reviewIds };
}
/** What a purge would remove (nothing is deleted). */
export async function countTestData(redis, options) {
    return (await plan(redis, options)).count;
}
/** Delete the test data of the channels and days; returns what was removed. */
export async function purgeTestData(redis, options) {
    const { count, keys, reviewIds } = await plan(redis, options);
    const review = statsKeys(options.prefix).review;
    const p = redis.pipeline();
    for (let i = 0; i < keys.length; i += 500)
        p.unlink(...keys.slice(i, i + 500));
    for (let i = 0; i < reviewIds.length; i += 500)
        p.xdel(review, ...reviewIds.slice(i, i + 500));
    const res = (await p.exec()) ?? [];
    for (const [err] of res)
        if (err)
            throw err;
    return count;
}
//# sourceMappingURL=purge.js.map