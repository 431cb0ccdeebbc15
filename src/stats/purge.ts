import type { StatsRedis } from '../redis/connection.js';
import { CHITCHAT_TOPIC } from '../core/types.js';
import { FIELD_SEP, statsKeys, TEST_CHANNELS } from './keys.js';
import { STATS_SCHEMA, type StatsSchema } from './schema.js';
import { createBucketer, daysBetween, type DayString } from './time.js';

/**
 * Removing test data (terminal chat, `pufa simulate`): every key of the test families of
 * the chosen channels for each day of [from, to], and their entries in the review list.
 * Official figures are never touched.
 */
export interface PurgeOptions {
  prefix: string;
  from: DayString;
  to: DayString;
  /** Channels whose test data goes; default all (console, private, room). */
  channels?: readonly string[];
  timezone: string;
  /** The dimensions recorded (default STATS_SCHEMA): their per-day hashes go too. */
  schema?: StatsSchema;
}

export interface PurgeCount {
  /** Test consultations that will be / were removed (small talk not included). */
  consultations: number;
  /** Test small-talk messages. */
  chitchat: number;
  /** Review-list entries. */
  reviewEntries: number;
  /** Keys. */
  keys: number;
}

function channelsOf(options: PurgeOptions): string[] {
  return options.channels && options.channels.length > 0 ? [...options.channels] : [...TEST_CHANNELS];
}

async function plan(redis: StatsRedis, options: PurgeOptions): Promise<{ count: PurgeCount; keys: string[]; reviewIds: string[] }> {
  const keys = statsKeys(options.prefix);
  const channels = channelsOf(options);
  const days = daysBetween(options.from, options.to);
  const hashed = (options.schema ?? STATS_SCHEMA).hashed;
  const all: string[] = [];
  const dayKeys: string[] = [];
  for (const ch of channels) {
    const f = keys.test(ch);
    for (const d of days) {
      dayKeys.push(f.day(d));
      all.push(f.day(d), ...hashed.map((dim) => f.dimension(dim.hash!, d)), f.usersDay(d), f.events(d), f.secondary(d), f.feedback(d));
    }
  }
  const count: PurgeCount = { consultations: 0, chitchat: 0, reviewEntries: 0, keys: 0 };
  const p = redis.pipeline();
  for (const k of dayKeys) p.hgetall(k);
  for (const k of all) p.exists(k);
  const res = (await p.exec()) ?? [];
  res.forEach(([err, value], i) => {
    if (err) throw err;
    if (i < dayKeys.length) {
      for (const [field, n] of Object.entries((value ?? {}) as Record<string, string>)) {
        if (field.startsWith(`${CHITCHAT_TOPIC}${FIELD_SEP}`)) count.chitchat += Number(n);
        else count.consultations += Number(n);
      }
    } else if (Number(value) > 0) count.keys += 1;
  });
  const bucket = createBucketer(options.timezone);
  const reviewIds: string[] = [];
  const entries = (await redis.xrange(keys.review, '-', '+')) as [string, string[]][];
  for (const [id, flat] of entries) {
    const f: Record<string, string> = {};
    for (let k = 0; k + 1 < flat.length; k += 2) f[flat[k]!] = flat[k + 1]!;
    if (f.test !== '1' || !channels.includes(f.channel ?? '')) continue;
    const t = Date.parse(f.at ?? '');
    if (Number.isNaN(t)) continue;
    const day = bucket(new Date(t)).day;
    if (day >= options.from && day <= options.to) reviewIds.push(id);
  }
  count.reviewEntries = reviewIds.length;
  return { count, keys: all, reviewIds };
}

/** What a purge would remove (nothing is deleted). */
export async function countTestData(redis: StatsRedis, options: PurgeOptions): Promise<PurgeCount> {
  return (await plan(redis, options)).count;
}

/** Delete the test data of the channels and days; returns what was removed. */
export async function purgeTestData(redis: StatsRedis, options: PurgeOptions): Promise<PurgeCount> {
  const { count, keys, reviewIds } = await plan(redis, options);
  const review = statsKeys(options.prefix).review;
  const p = redis.pipeline();
  for (let i = 0; i < keys.length; i += 500) p.unlink(...keys.slice(i, i + 500));
  for (let i = 0; i < reviewIds.length; i += 500) p.xdel(review, ...reviewIds.slice(i, i + 500));
  const res = (await p.exec()) ?? [];
  for (const [err] of res) if (err) throw err;
  return count;
}
