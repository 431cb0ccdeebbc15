import type { Action, Channel } from '../core/types.js';
import { CHITCHAT_TOPIC } from '../core/types.js';
import type { StatsRedis } from '../redis/connection.js';
import { CHITCHAT_BUCKET, FIELD_SEP, statsKeys, type StatsKeys } from './keys.js';
import { assertRange, coverRange, splitPeriods, type DayString, type Granularity } from './time.js';
import type { TopicInfo } from './topics.js';

/**
 * Reading the aggregates back for a date range, grouped by day / week / month / year.
 * One pipelined round trip: three HGETALLs per day, one PFCOUNT per period and one for
 * the whole range. Small talk (`chitchat`) is counted apart and left out of every table.
 */

/** Outcome counts of one row. `total` = answered + clarified + outOfScope. */
export interface Counts {
  /** 解答: the bot answered. */
  answered: number;
  /** 追问澄清: the bot asked which of a few topics was meant. */
  clarified: number;
  /** 非城管事项: not the bureau's business; the bot said where to go. */
  outOfScope: number;
  total: number;
}

export interface PeriodRow extends Counts {
  period: string;
  from: DayString;
  to: DayString;
  /** Distinct citizens (HyperLogLog estimate, standard error 0.81%). */
  citizens: number;
}

export interface TopicRow extends Counts {
  period: string;
  topic: string;
  topicName: string;
}

export interface ChannelRow extends Counts {
  period: string;
  channel: string;
  channelName: string;
}

export interface RoomRow extends Counts {
  period: string;
  /** Salted hash of the room id. */
  room: string;
  roomName: string;
}

export interface HourRow extends Counts {
  /** 0–23, in STATS_TIMEZONE. */
  hour: number;
  /** `08:00-08:59` */
  label: string;
}

export interface StatsReport {
  from: DayString;
  to: DayString;
  by: Granularity;
  timezone: string;
  /** Whole range; `citizens` = distinct citizens over the range. */
  totals: Counts & { citizens: number };
  /** Small-talk messages (not in the tables). */
  chitchat: number;
  /** Consultations lost while Redis was unreachable and the buffer was full. */
  dropped: number;
  periods: PeriodRow[];
  /** One row per period × topic (every known topic, zeros included). */
  byTopic: TopicRow[];
  /** Per topic over the whole range. */
  topicTotals: TopicRow[];
  /** One row per period × channel. */
  byChannel: ChannelRow[];
  channelTotals: ChannelRow[];
  /** One row per period × room that had consultations. */
  byRoom: RoomRow[];
  roomTotals: RoomRow[];
  /** Hour of day over the whole range (24 rows). */
  byHour: HourRow[];
}

export interface QueryOptions {
  from: DayString;
  to: DayString;
  by?: Granularity;
  /** REDIS_PREFIX (default `pufa:`). */
  prefix?: string;
  /** Topic order and names (topics.yaml). */
  topics: readonly TopicInfo[];
  timezone: string;
}

export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = { private: '私聊', room: '群聊', console: '终端' };

const ACTION_KEYS: Readonly<Record<Action, keyof Omit<Counts, 'total'>>> = {
  answer: 'answered',
  clarify: 'clarified',
  out_of_scope: 'outOfScope',
};

export function emptyCounts(): Counts {
  return { answered: 0, clarified: 0, outOfScope: 0, total: 0 };
}

function add(target: Counts, action: string, n: number): void {
  const k = ACTION_KEYS[action as Action];
  if (!k) return;
  target[k] += n;
  target.total += n;
}

function addCounts(target: Counts, src: Counts): void {
  target.answered += src.answered;
  target.clarified += src.clarified;
  target.outOfScope += src.outOfScope;
  target.total += src.total;
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

function hllKeys(keys: StatsKeys, from: DayString, to: DayString): string[] {
  const c = coverRange(from, to);
  return [...c.years.map(keys.usersYear), ...c.months.map(keys.usersMonth), ...c.days.map(keys.usersDay)];
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Read the report for [from, to]. */
export async function queryStats(redis: StatsRedis, options: QueryOptions): Promise<StatsReport> {
  const { from, to, topics, timezone } = options;
  const by = options.by ?? 'month';
  assertRange(from, to);
  const keys = statsKeys(options.prefix ?? 'pufa:');
  const periods = splitPeriods(from, to, by);
  const days = periods.flatMap((p) => p.days);

  const pipeline = redis.pipeline();
  for (const d of days) {
    pipeline.hgetall(keys.day(d));
    pipeline.hgetall(keys.room(d));
    pipeline.hgetall(keys.hour(d));
  }
  for (const p of periods) pipeline.pfcount(...hllKeys(keys, p.from, p.to));
  pipeline.pfcount(...hllKeys(keys, from, to));
  pipeline.hgetall(keys.roomNames);
  pipeline.hmget(keys.dropped, ...days);
  const replies = await pipeline.exec();
  if (!replies) throw new Error('Redis pipeline was discarded');
  const reply = (i: number): unknown => {
    const r = replies[i];
    if (!r) throw new Error(`missing reply ${i}`);
    if (r[0]) throw r[0];
    return r[1];
  };

  const topicOrder = topics.filter((t) => !t.chitchat).map((t) => t.id);
  const topicNames = new Map(topics.map((t) => [t.id, t.name]));
  const seenTopics = new Set<string>();
  const seenChannels = new Set<string>(['private', 'room']);

  // period → topic/channel/room → counts
  const topicCounts = new Map<string, Map<string, Counts>>();
  const channelCounts = new Map<string, Map<string, Counts>>();
  const roomCounts = new Map<string, Map<string, Counts>>();
  const hourCounts = Array.from({ length: 24 }, () => emptyCounts());
  let chitchat = 0;

  let i = 0;
  for (const p of periods) {
    const tMap = getOr(topicCounts, p.period, () => new Map<string, Counts>());
    const cMap = getOr(channelCounts, p.period, () => new Map<string, Counts>());
    const rMap = getOr(roomCounts, p.period, () => new Map<string, Counts>());
    for (let j = 0; j < p.days.length; j += 1) {
      const dayHash = (reply(i++) ?? {}) as Record<string, string>;
      const roomHash = (reply(i++) ?? {}) as Record<string, string>;
      const hourHash = (reply(i++) ?? {}) as Record<string, string>;
      for (const [field, value] of Object.entries(dayHash)) {
        const [topic = '', action = '', channel = ''] = field.split(FIELD_SEP);
        const n = Number(value);
        if (topic === CHITCHAT_TOPIC) {
          chitchat += n;
          continue;
        }
        seenTopics.add(topic);
        seenChannels.add(channel);
        add(getOr(tMap, topic, emptyCounts), action, n);
        add(getOr(cMap, channel, emptyCounts), action, n);
      }
      for (const [field, value] of Object.entries(roomHash)) {
        const [room = '', bucket = ''] = field.split(FIELD_SEP);
        if (bucket === CHITCHAT_BUCKET) continue;
        add(getOr(rMap, room, emptyCounts), bucket, Number(value));
      }
      for (const [field, value] of Object.entries(hourHash)) {
        const [hour = '', bucket = ''] = field.split(FIELD_SEP);
        const h = Number(hour);
        if (bucket === CHITCHAT_BUCKET || !(h >= 0 && h < 24)) continue;
        add(hourCounts[h]!, bucket, Number(value));
      }
    }
  }
  const periodCitizens = periods.map(() => Number(reply(i++)));
  const rangeCitizens = Number(reply(i++));
  const roomNames = (reply(i++) ?? {}) as Record<string, string>;
  const dropped = ((reply(i++) ?? []) as (string | null)[]).reduce((n, v) => n + (v ? Number(v) : 0), 0);

  const allTopics = [...topicOrder, ...[...seenTopics].filter((t) => !topicOrder.includes(t)).sort()];
  const channelOrder = (['private', 'room', 'console'] as string[]).filter((c) => seenChannels.has(c));
  const allChannels = [...channelOrder, ...[...seenChannels].filter((c) => !channelOrder.includes(c)).sort()];
  const roomName = (room: string): string => roomNames[room] ?? `群 ${room.slice(0, 6)}`;

  const report: StatsReport = {
    from,
    to,
    by,
    timezone,
    totals: { ...emptyCounts(), citizens: rangeCitizens },
    chitchat,
    dropped,
    periods: [],
    byTopic: [],
    topicTotals: allTopics.map((topic) => ({ period: '合计', topic, topicName: topicNames.get(topic) ?? topic, ...emptyCounts() })),
    byChannel: [],
    channelTotals: allChannels.map((channel) => ({ period: '合计', channel, channelName: CHANNEL_NAMES[channel as Channel] ?? channel, ...emptyCounts() })),
    byRoom: [],
    roomTotals: [],
    byHour: hourCounts.map((c, hour) => ({ hour, label: `${pad2(hour)}:00-${pad2(hour)}:59`, ...c })),
  };
  const roomTotals = new Map<string, Counts>();

  periods.forEach((p, k) => {
    const row: PeriodRow = { period: p.period, from: p.from, to: p.to, citizens: periodCitizens[k] ?? 0, ...emptyCounts() };
    const tMap = topicCounts.get(p.period)!;
    allTopics.forEach((topic, t) => {
      const c = tMap.get(topic) ?? emptyCounts();
      report.byTopic.push({ period: p.period, topic, topicName: topicNames.get(topic) ?? topic, ...c });
      addCounts(report.topicTotals[t]!, c);
      addCounts(row, c);
    });
    const cMap = channelCounts.get(p.period)!;
    allChannels.forEach((channel, t) => {
      const c = cMap.get(channel) ?? emptyCounts();
      report.byChannel.push({ period: p.period, channel, channelName: CHANNEL_NAMES[channel as Channel] ?? channel, ...c });
      addCounts(report.channelTotals[t]!, c);
    });
    const rMap = roomCounts.get(p.period)!;
    const rooms = [...rMap.keys()].sort((a, b) => rMap.get(b)!.total - rMap.get(a)!.total || roomName(a).localeCompare(roomName(b), 'zh'));
    for (const room of rooms) {
      const c = rMap.get(room)!;
      report.byRoom.push({ period: p.period, room, roomName: roomName(room), ...c });
      addCounts(getOr(roomTotals, room, emptyCounts), c);
    }
    addCounts(report.totals, row);
    report.periods.push(row);
  });
  report.roomTotals = [...roomTotals.entries()]
    .sort((a, b) => b[1].total - a[1].total || roomName(a[0]).localeCompare(roomName(b[0]), 'zh'))
    .map(([room, c]) => ({ period: '合计', room, roomName: roomName(room), ...c }));
  return report;
}

/** One entry of the staff review list. */
export interface ReviewItem {
  id: string;
  at: string;
  topic: string;
  intent: string;
  action: string;
  channel: string;
  score: number;
  text: string;
}

/** The newest `count` clarify / out_of_scope questions (already redacted), newest first. */
export async function readReview(redis: StatsRedis, options: { prefix?: string; count?: number } = {}): Promise<ReviewItem[]> {
  const keys = statsKeys(options.prefix ?? 'pufa:');
  const entries = (await redis.xrevrange(keys.review, '+', '-', 'COUNT', options.count ?? 20)) as [string, string[]][];
  return entries.map(([id, flat]) => {
    const f: Record<string, string> = {};
    for (let k = 0; k + 1 < flat.length; k += 2) f[flat[k]!] = flat[k + 1]!;
    return { id, at: f.at ?? '', topic: f.topic ?? '', intent: f.intent ?? '', action: f.action ?? '', channel: f.channel ?? '', score: Number(f.score ?? 0), text: f.text ?? '' };
  });
}
