import type { Channel } from '../core/types.js';
import { CHITCHAT_TOPIC } from '../core/types.js';
import type { StatsRedis } from '../redis/connection.js';
import { addCounts, addOutcome, answeredShare, emptyCounts, REVIEW_REASON_NAMES, type Counts, type ReviewReason } from './definitions.js';
import { CHITCHAT_BUCKET, FIELD_SEP, statsKeys, TEST_CHANNELS, type FamilyKeys, type StatsKeys } from './keys.js';
import { assertRange, coverRange, createBucketer, daysBetween, splitPeriods, type DayString, type Granularity } from './time.js';
import type { TopicInfo } from './topics.js';

/**
 * Reading the aggregates back for a date range, grouped by day / week / month / year.
 * One pipelined round trip: a few HGETALLs per day and family, one PFCOUNT per period and
 * one for the whole range. Small talk (`chitchat`) is counted apart and left out of every
 * table; test data (terminal chat, simulate) only with `includeTest`. The figures follow
 * the definitions of ./definitions.ts.
 */

export type { Counts } from './definitions.js';
export { emptyCounts } from './definitions.js';

export interface PeriodRow extends Counts {
  period: string;
  from: DayString;
  to: DayString;
  /** Distinct citizens (HyperLogLog estimate, standard error 0.81%). */
  citizens: number;
  /** Announcements sent to at least one group in the period (filled by statsReport). */
  pushes: number;
  /** Groups reached by announcements (one announcement in three groups = 3). */
  groupsReached: number;
}

export interface TopicRow extends Counts {
  period: string;
  topic: string;
  topicName: string;
  /** 兼涉: consultations about another topic that also raised this one (not in `total`). */
  secondary: number;
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

/** One row per period × topic × channel × group that had consultations (CSV, pivot tables). */
export interface DetailRow extends Counts {
  period: string;
  topic: string;
  topicName: string;
  channel: string;
  channelName: string;
  /** Room hash, '' outside groups. */
  room: string;
  roomName: string;
}

/** 👍 / 👎 per topic and intent. */
export interface FeedbackRow {
  topic: string;
  topicName: string;
  intent: string;
  helpful: number;
  notHelpful: number;
}

export interface StatsReport {
  from: DayString;
  to: DayString;
  by: Granularity;
  timezone: string;
  /** Test data (terminal chat, simulate) is in the figures. */
  includeTest: boolean;
  /** Whole range; `citizens` = distinct citizens over the range. */
  totals: Counts & { citizens: number };
  /** 解答率 = answered / total (null without consultations). */
  answeredShare: number | null;
  /** Small-talk messages (not consultations, not in the tables). */
  chitchat: number;
  /** Test consultations in the range that these figures leave out (0 with includeTest). */
  testLeftOut: number;
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
  /** Period × topic × channel × group, non-zero rows only. */
  byDetail: DetailRow[];
  /** Hour of day over the whole range (24 rows). */
  byHour: HourRow[];
  /** Consultations by weekday (0 = Monday … 6 = Sunday) × hour of day, for a heatmap. */
  weekdayHour: number[][];
  /** 👍 / 👎 per topic and intent, and their sums. */
  feedback: { helpful: number; notHelpful: number; rows: FeedbackRow[] };
  /** Announcements: pushes sent and groups reached over the range (filled by statsReport). */
  announcements: { pushes: number; groupsReached: number };
  /** The previous period of the same length, for comparison (filled by statsReport). */
  previous: PreviousPeriod | null;
  /** A few example questions of the busiest topics, redacted (filled by statsReport; official data only). */
  examples: ExampleQuestion[];
}

/** The period of the same length just before the report's, and the changes against it. */
export interface PreviousPeriod {
  from: DayString;
  to: DayString;
  totals: Counts & { citizens: number };
  answeredShare: number | null;
  announcements: { pushes: number; groupsReached: number };
  /** Relative changes (0.125 = +12.5 %; null when the previous figure is 0). */
  change: { total: number | null; answered: number | null; citizens: number | null; pushes: number | null };
  /** Change of the answered share in percentage points (null when either share is null). */
  answeredShareChange: number | null;
}

export interface ExampleQuestion {
  topic: string;
  topicName: string;
  text: string;
  /** How often this very question was asked in the period (among the kept examples). */
  count: number;
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
  /** Add test data (terminal chat, simulate). Default false: official figures. */
  includeTest?: boolean;
}

export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = { private: '私聊', room: '群聊', console: '终端' };

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

function hllKeys(keys: StatsKeys, from: DayString, to: DayString, testFamilies: readonly FamilyKeys[]): string[] {
  const c = coverRange(from, to);
  const official = [...c.years.map(keys.usersYear), ...c.months.map(keys.usersMonth), ...c.days.map(keys.usersDay)];
  if (testFamilies.length === 0) return official;
  const days = daysBetween(from, to);
  return [...official, ...testFamilies.flatMap((f) => days.map(f.usersDay))];
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Monday = 0 … Sunday = 6. */
function weekdayIndex(day: DayString): number {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return (wd + 6) % 7;
}

/** Read the report for [from, to]. */
export async function queryStats(redis: StatsRedis, options: QueryOptions): Promise<StatsReport> {
  const { from, to, topics, timezone } = options;
  const by = options.by ?? 'month';
  const includeTest = options.includeTest === true;
  assertRange(from, to);
  const keys = statsKeys(options.prefix ?? 'pufa:');
  const periods = splitPeriods(from, to, by);
  const days = periods.flatMap((p) => p.days);
  const testFamilies = TEST_CHANNELS.map((ch) => keys.test(ch));
  const families: FamilyKeys[] = includeTest ? [keys, ...testFamilies] : [keys];

  const pipeline = redis.pipeline();
  for (const d of days) {
    for (const f of families) {
      pipeline.hgetall(f.day(d));
      pipeline.hgetall(f.room(d));
      pipeline.hgetall(f.hour(d));
      pipeline.hgetall(f.secondary(d));
      pipeline.hgetall(f.feedback(d));
    }
    // Test data left out is still counted, so staff see that it exists.
    if (!includeTest) for (const f of testFamilies) pipeline.hgetall(f.day(d));
  }
  const tested = includeTest ? testFamilies : [];
  for (const p of periods) pipeline.pfcount(...hllKeys(keys, p.from, p.to, tested));
  pipeline.pfcount(...hllKeys(keys, from, to, tested));
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

  // period → topic/channel/room/detail → counts
  const topicCounts = new Map<string, Map<string, Counts>>();
  const secondaryCounts = new Map<string, Map<string, number>>();
  const channelCounts = new Map<string, Map<string, Counts>>();
  const roomCounts = new Map<string, Map<string, Counts>>();
  const detailCounts = new Map<string, Map<string, Counts>>();
  const hourCounts = Array.from({ length: 24 }, () => emptyCounts());
  const weekdayHour = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const feedback = new Map<string, FeedbackRow>();
  let chitchat = 0;
  let testLeftOut = 0;

  let i = 0;
  for (const p of periods) {
    const tMap = getOr(topicCounts, p.period, () => new Map<string, Counts>());
    const sMap = getOr(secondaryCounts, p.period, () => new Map<string, number>());
    const cMap = getOr(channelCounts, p.period, () => new Map<string, Counts>());
    const rMap = getOr(roomCounts, p.period, () => new Map<string, Counts>());
    const dMap = getOr(detailCounts, p.period, () => new Map<string, Counts>());
    for (const day of p.days) {
      const wd = weekdayIndex(day);
      for (let fi = 0; fi < families.length; fi += 1) {
        const dayHash = (reply(i++) ?? {}) as Record<string, string>;
        const roomHash = (reply(i++) ?? {}) as Record<string, string>;
        const hourHash = (reply(i++) ?? {}) as Record<string, string>;
        const secHash = (reply(i++) ?? {}) as Record<string, string>;
        const fbHash = (reply(i++) ?? {}) as Record<string, string>;
        for (const [field, value] of Object.entries(dayHash)) {
          const [topic = '', action = '', channel = '', room = ''] = field.split(FIELD_SEP);
          const n = Number(value);
          if (!n) continue;
          if (topic === CHITCHAT_TOPIC) {
            chitchat += n;
            continue;
          }
          seenTopics.add(topic);
          seenChannels.add(channel);
          addOutcome(getOr(tMap, topic, emptyCounts), action, n);
          addOutcome(getOr(cMap, channel, emptyCounts), action, n);
          addOutcome(getOr(dMap, [topic, channel, room].join(FIELD_SEP), emptyCounts), action, n);
        }
        for (const [field, value] of Object.entries(roomHash)) {
          const [room = '', bucket = ''] = field.split(FIELD_SEP);
          if (bucket === CHITCHAT_BUCKET) continue;
          addOutcome(getOr(rMap, room, emptyCounts), bucket, Number(value));
        }
        for (const [field, value] of Object.entries(hourHash)) {
          const [hour = '', bucket = ''] = field.split(FIELD_SEP);
          const h = Number(hour);
          if (bucket === CHITCHAT_BUCKET || !(h >= 0 && h < 24)) continue;
          const before = hourCounts[h]!.total;
          addOutcome(hourCounts[h]!, bucket, Number(value));
          weekdayHour[wd]![h]! += hourCounts[h]!.total - before;
        }
        for (const [field, value] of Object.entries(secHash)) {
          const [topic = ''] = field.split(FIELD_SEP);
          const n = Number(value);
          if (!n) continue;
          seenTopics.add(topic);
          sMap.set(topic, (sMap.get(topic) ?? 0) + n);
        }
        for (const [field, value] of Object.entries(fbHash)) {
          const [topic = '', intent = '', vote = ''] = field.split(FIELD_SEP);
          const row = getOr(feedback, `${topic}${FIELD_SEP}${intent}`, () => ({ topic, topicName: topicNames.get(topic) ?? topic, intent, helpful: 0, notHelpful: 0 }));
          if (vote === 'up') row.helpful += Number(value);
          else if (vote === 'down') row.notHelpful += Number(value);
        }
      }
      if (!includeTest) {
        for (let t = 0; t < testFamilies.length; t += 1) {
          const testDay = (reply(i++) ?? {}) as Record<string, string>;
          for (const [field, value] of Object.entries(testDay)) if (!field.startsWith(`${CHITCHAT_TOPIC}${FIELD_SEP}`)) testLeftOut += Number(value);
        }
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
  const channelName = (channel: string): string => CHANNEL_NAMES[channel as Channel] ?? channel;
  const topicName = (topic: string): string => topicNames.get(topic) ?? topic;

  const report: StatsReport = {
    from,
    to,
    by,
    timezone,
    includeTest,
    totals: { ...emptyCounts(), citizens: rangeCitizens },
    answeredShare: null,
    chitchat,
    testLeftOut,
    dropped,
    periods: [],
    byTopic: [],
    topicTotals: allTopics.map((topic) => ({ period: '合计', topic, topicName: topicName(topic), ...emptyCounts(), secondary: 0 })),
    byChannel: [],
    channelTotals: allChannels.map((channel) => ({ period: '合计', channel, channelName: channelName(channel), ...emptyCounts() })),
    byRoom: [],
    roomTotals: [],
    byDetail: [],
    byHour: hourCounts.map((c, hour) => ({ hour, label: `${pad2(hour)}:00-${pad2(hour)}:59`, ...c })),
    weekdayHour,
    feedback: { helpful: 0, notHelpful: 0, rows: [] },
    announcements: { pushes: 0, groupsReached: 0 },
    previous: null,
    examples: [],
  };
  const roomTotals = new Map<string, Counts>();

  periods.forEach((p, k) => {
    const row: PeriodRow = { period: p.period, from: p.from, to: p.to, citizens: periodCitizens[k] ?? 0, ...emptyCounts(), pushes: 0, groupsReached: 0 };
    const tMap = topicCounts.get(p.period)!;
    const sMap = secondaryCounts.get(p.period)!;
    allTopics.forEach((topic, t) => {
      const c = tMap.get(topic) ?? emptyCounts();
      const secondary = sMap.get(topic) ?? 0;
      report.byTopic.push({ period: p.period, topic, topicName: topicName(topic), ...c, secondary });
      addCounts(report.topicTotals[t]!, c);
      report.topicTotals[t]!.secondary += secondary;
      addCounts(row, c);
    });
    const cMap = channelCounts.get(p.period)!;
    allChannels.forEach((channel, t) => {
      const c = cMap.get(channel) ?? emptyCounts();
      report.byChannel.push({ period: p.period, channel, channelName: channelName(channel), ...c });
      addCounts(report.channelTotals[t]!, c);
    });
    const rMap = roomCounts.get(p.period)!;
    const rooms = [...rMap.keys()].filter((r) => rMap.get(r)!.total > 0).sort((a, b) => rMap.get(b)!.total - rMap.get(a)!.total || roomName(a).localeCompare(roomName(b), 'zh'));
    for (const room of rooms) {
      const c = rMap.get(room)!;
      report.byRoom.push({ period: p.period, room, roomName: roomName(room), ...c });
      addCounts(getOr(roomTotals, room, emptyCounts), c);
    }
    const dMap = detailCounts.get(p.period)!;
    const details = [...dMap.entries()]
      .filter(([, c]) => c.total > 0)
      .map(([key, c]) => {
        const [topic = '', channel = '', room = ''] = key.split(FIELD_SEP);
        return { period: p.period, topic, topicName: topicName(topic), channel, channelName: channelName(channel), room, roomName: room ? roomName(room) : '', ...c };
      })
      .sort((a, b) => allTopics.indexOf(a.topic) - allTopics.indexOf(b.topic) || allChannels.indexOf(a.channel) - allChannels.indexOf(b.channel) || b.total - a.total || a.roomName.localeCompare(b.roomName, 'zh'));
    report.byDetail.push(...details);
    addCounts(report.totals, row);
    report.periods.push(row);
  });
  report.roomTotals = [...roomTotals.entries()]
    .sort((a, b) => b[1].total - a[1].total || roomName(a[0]).localeCompare(roomName(b[0]), 'zh'))
    .map(([room, c]) => ({ period: '合计', room, roomName: roomName(room), ...c }));
  report.answeredShare = answeredShare(report.totals);
  report.feedback.rows = [...feedback.values()]
    .filter((r) => r.helpful + r.notHelpful > 0)
    .sort((a, b) => allTopics.indexOf(a.topic) - allTopics.indexOf(b.topic) || a.intent.localeCompare(b.intent));
  for (const r of report.feedback.rows) {
    report.feedback.helpful += r.helpful;
    report.feedback.notHelpful += r.notHelpful;
  }
  return report;
}

/** One entry of the staff review list: one question (identical ones merged), newest occurrence first. */
export interface ReviewItem {
  /** Stream id of the newest occurrence. */
  id: string;
  /** Stream ids of every occurrence merged into this item (one without `merge`). */
  ids: string[];
  /** Consultation id of the newest occurrence. */
  consultationId: string;
  /** Newest occurrence (ISO time). */
  at: string;
  /** Oldest occurrence within the period. */
  firstAt: string;
  /** How many times this question was listed in the period. */
  count: number;
  topic: string;
  topicName: string;
  intent: string;
  /** What the bot did: answer / clarify / out_of_scope. */
  action: string;
  /** Why it is listed (newest occurrence). */
  reason: ReviewReason;
  /** Every reason it was listed for. */
  reasons: ReviewReason[];
  /** 追问澄清 / 非城管事项 / 低置信度解答 / 群众点了👎 */
  reasonName: string;
  channel: string;
  score: number;
  /** The question, PII-redacted. */
  text: string;
  /** Choices offered when the bot asked back. */
  choices: string[];
  test: boolean;
}

export interface ReviewOptions {
  prefix?: string;
  /** At most this many (merged) questions. Default 20. */
  count?: number;
  /** Only questions asked in [from, to] (days in `timezone`). */
  from?: DayString;
  to?: DayString;
  timezone?: string;
  /** Topic names. */
  topics?: readonly TopicInfo[];
  /** Also test data. Default false. */
  includeTest?: boolean;
  /** Merge identical questions into one item with a count (reviewList, #待答). Default false: one item per entry. */
  merge?: boolean;
}

function normalizeQuestion(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The staff review list for a period: questions the bot asked back on, declined, answered
 * with low confidence, or that got a 👎 — newest first; with `merge`, identical questions
 * merged into one item with a count. Reads the capped review stream (STATS_REVIEW_MAX entries) and orders by the time
 * the question was asked (back-filled questions included).
 */
export async function readReview(redis: StatsRedis, options: ReviewOptions = {}): Promise<ReviewItem[]> {
  const keys = statsKeys(options.prefix ?? 'pufa:');
  const entries = (await redis.xrevrange(keys.review, '+', '-')) as [string, string[]][];
  const bucket = createBucketer(options.timezone ?? 'Asia/Shanghai');
  const names = new Map((options.topics ?? []).map((t) => [t.id, t.name]));
  const merged = new Map<string, ReviewItem>();
  for (const [id, flat] of entries) {
    const f: Record<string, string> = {};
    for (let k = 0; k + 1 < flat.length; k += 2) f[flat[k]!] = flat[k + 1]!;
    const test = f.test === '1';
    if (test && !options.includeTest) continue;
    const t = Date.parse(f.at ?? '');
    if (options.from || options.to) {
      if (Number.isNaN(t)) continue;
      const day = bucket(new Date(t)).day;
      if ((options.from && day < options.from) || (options.to && day > options.to)) continue;
    }
    const text = normalizeQuestion(f.text ?? '');
    if (!text) continue;
    const action = f.action ?? '';
    const reason = (f.reason ?? (action === 'clarify' ? 'clarify' : 'out_of_scope')) as ReviewReason;
    const at = f.at ?? '';
    const item = merged.get(options.merge ? text : id);
    if (item) {
      item.count += 1;
      item.ids.push(id);
      if (!item.reasons.includes(reason)) item.reasons.push(reason);
      if (at > item.at) {
        Object.assign(item, { id, consultationId: f.id ?? '', at, topic: f.topic ?? '', topicName: names.get(f.topic ?? '') ?? f.topic ?? '', intent: f.intent ?? '', action, reason, reasonName: REVIEW_REASON_NAMES[reason] ?? reason, channel: f.channel ?? '', score: Number(f.score ?? 0), choices: f.choices ? f.choices.split('\n') : item.choices, test });
      }
      if (at && at < item.firstAt) item.firstAt = at;
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
