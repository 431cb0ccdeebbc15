import type { ChainableCommander } from 'ioredis';
import type { Action, Channel } from '../core/types.js';
import { CHITCHAT_TOPIC } from '../core/types.js';
import type { StatsRedis } from '../redis/connection.js';
import { addCounts, addOutcome, answeredShare, emptyCounts, OUTCOME_KEYS, REVIEW_REASON_NAMES, type Counts, type ReviewReason } from './definitions.js';
import { CHITCHAT_BUCKET, FIELD_SEP, statsKeys, TEST_CHANNELS, type FamilyKeys, type StatsKeys } from './keys.js';
import { BUILTIN_DIMENSIONS, CHANNEL_NAMES, hourLabel, parseDetailField, STATS_SCHEMA, type LabelContext, type StatsSchema } from './schema.js';
import { assertRange, coverRange, createBucketer, daysBetween, splitPeriods, type DayString, type Granularity, type Period } from './time.js';
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
  /** Labels of the schema's further detail dimensions, by name (absent with the built-in schema). */
  dims?: Record<string, string>;
}

/** One row of a further dimension's table (`StatsReport.dimensions`). */
export interface DimensionRow extends Counts {
  /** The period, or 合计 in `totals`. */
  period: string;
  value: string;
  label: string;
}

/** The table of a dimension beyond the built-in ones (src/stats/schema.ts). */
export interface DimensionTable {
  /** Export column header. */
  column: string;
  /** xlsx sheet, when the schema gives one. */
  sheet?: string;
  /** Also a column of the detail rows (`DetailRow.dims[name]`, CSV, 明细). */
  detail: boolean;
  /** One row per period × value that had consultations. */
  byPeriod: DimensionRow[];
  /** Per value over the whole range. */
  totals: DimensionRow[];
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
  /** Tables of the schema's dimensions beyond topic, channel, room and hour, by name (absent with the built-in schema). */
  dimensions?: Record<string, DimensionTable>;
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
  /** The dimensions to read (default STATS_SCHEMA): the schema the recorder wrote with. */
  schema?: StatsSchema;
}

export { CHANNEL_NAMES };

type Hash = Record<string, string>;

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** Monday = 0 … Sunday = 6. */
function weekdayIndex(day: DayString): number {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return (wd + 6) % 7;
}

/**
 * One pipelined round trip of reads. Each read returns a getter for its own reply, so the
 * code that uses the replies names what it reads instead of counting positions.
 */
class ReadBatch {
  private readonly pipeline: ChainableCommander;
  private replies: [Error | null, unknown][] | undefined;
  private size = 0;

  constructor(redis: StatsRedis) {
    this.pipeline = redis.pipeline();
  }

  hash(key: string): () => Hash {
    this.pipeline.hgetall(key);
    return this.slot((v) => (v ?? {}) as Hash);
  }

  distinct(keys: string[]): () => number {
    this.pipeline.pfcount(...keys);
    return this.slot((v) => Number(v));
  }

  fields(key: string, fields: string[]): () => (string | null)[] {
    if (fields.length === 0) return () => [];
    this.pipeline.hmget(key, ...fields);
    return this.slot((v) => (v ?? []) as (string | null)[]);
  }

  async run(): Promise<void> {
    const replies = await this.pipeline.exec();
    if (!replies) throw new Error('Redis pipeline was discarded');
    this.replies = replies;
  }

  private slot<T>(read: (value: unknown) => T): () => T {
    const i = this.size++;
    return () => {
      const r = this.replies?.[i];
      if (!r) throw new Error(`missing reply ${i}`);
      if (r[0]) throw r[0];
      return read(r[1]);
    };
  }
}

// ---- step 1: what to read ----------------------------------------------------------------

interface QueryPlan {
  from: DayString;
  to: DayString;
  by: Granularity;
  timezone: string;
  includeTest: boolean;
  schema: StatsSchema;
  keys: StatsKeys;
  periods: Period[];
  /** Families whose figures count: official, plus every channel's test data with includeTest. */
  families: FamilyKeys[];
  /** Test families left out (only counted, so staff see that test data exists). */
  leftOut: FamilyKeys[];
  topics: readonly TopicInfo[];
}

function planQuery(options: QueryOptions): QueryPlan {
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
function hllKeys(plan: QueryPlan, from: DayString, to: DayString): string[] {
  const { keys } = plan;
  const c = coverRange(from, to);
  const official = [...c.years.map(keys.usersYear), ...c.months.map(keys.usersMonth), ...c.days.map(keys.usersDay)];
  const tests = plan.families.filter((f) => f !== keys);
  if (tests.length === 0) return official;
  const days = daysBetween(from, to);
  return [...official, ...tests.flatMap((f) => days.map(f.usersDay))];
}

// ---- step 2: read it (one round trip) ----------------------------------------------------

interface FamilyDay {
  /** `day:` cross-tab: `<topic>|<action>|<detail…>` → count. */
  detail: () => Hash;
  /** Per hashed dimension (by name): `<value>|<bucket>` → count. */
  dims: Map<string, () => Hash>;
  secondary: () => Hash;
  feedback: () => Hash;
}

interface DayReads {
  day: DayString;
  families: FamilyDay[];
  /** `day:` hashes of the test families left out. */
  leftOut: (() => Hash)[];
}

interface Reads {
  periods: { period: Period; days: DayReads[]; citizens: () => number }[];
  citizens: () => number;
  /** Stored display names per dimension name (group names). */
  names: Map<string, () => Hash>;
  dropped: () => (string | null)[];
}

async function readAggregates(redis: StatsRedis, plan: QueryPlan): Promise<Reads> {
  const batch = new ReadBatch(redis);
  const readDay = (day: DayString): DayReads => ({
    day,
    families: plan.families.map((f) => ({
      detail: batch.hash(f.day(day)),
      dims: new Map(plan.schema.hashed.map((d) => [d.name, batch.hash(f.dimension(d.hash!, day))])),
      secondary: batch.hash(f.secondary(day)),
      feedback: batch.hash(f.feedback(day)),
    })),
    leftOut: plan.leftOut.map((f) => batch.hash(f.day(day))),
  });
  const periods = plan.periods.map((period) => ({ period, days: period.days.map(readDay), citizens: batch.distinct(hllKeys(plan, period.from, period.to)) }));
  const citizens = batch.distinct(hllKeys(plan, plan.from, plan.to));
  const names = new Map(plan.schema.dimensions.filter((d) => d.names).map((d) => [d.name, batch.hash(plan.keys.names(d.names!.key))]));
  const dropped = batch.fields(plan.keys.dropped, plan.periods.flatMap((p) => p.days));
  await batch.run();
  return { periods, citizens, names, dropped };
}

// ---- step 3: add the counts up -------------------------------------------------------------

interface PeriodCounts {
  /** Detail values joined with `|` (schema detail order) → counts. */
  detail: Map<string, Counts>;
  /** Hashed dimension name → value → counts. */
  dims: Map<string, Map<string, Counts>>;
  /** Secondary-topic mentions per topic. */
  secondary: Map<string, number>;
}

interface Tallies {
  periods: PeriodCounts[];
  weekdayHour: number[][];
  feedback: Map<string, { topic: string; intent: string; helpful: number; notHelpful: number }>;
  chitchat: number;
  testLeftOut: number;
  seenTopics: Set<string>;
  seenChannels: Set<string>;
}

function tallyPeriods(plan: QueryPlan, reads: Reads): Tallies {
  const t: Tallies = {
    periods: [],
    weekdayHour: Array.from({ length: 7 }, () => Array<number>(24).fill(0)),
    feedback: new Map(),
    chitchat: 0,
    testLeftOut: 0,
    seenTopics: new Set(),
    seenChannels: new Set(['private', 'room']),
  };
  for (const p of reads.periods) {
    const counts: PeriodCounts = { detail: new Map(), dims: new Map(plan.schema.hashed.map((d) => [d.name, new Map()])), secondary: new Map() };
    for (const day of p.days) {
      for (const fam of day.families) tallyFamilyDay(plan, t, counts, day.day, fam);
      for (const leftOut of day.leftOut) {
        for (const [field, value] of Object.entries(leftOut())) if (!field.startsWith(`${CHITCHAT_TOPIC}${FIELD_SEP}`)) t.testLeftOut += Number(value);
      }
    }
    t.periods.push(counts);
  }
  return t;
}

function tallyFamilyDay(plan: QueryPlan, t: Tallies, counts: PeriodCounts, day: DayString, fam: FamilyDay): void {
  for (const [field, value] of Object.entries(fam.detail())) {
    const n = Number(value);
    if (!n) continue;
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
    const table = counts.dims.get(name)!;
    for (const [field, value] of Object.entries(read())) {
      const sep = field.lastIndexOf(FIELD_SEP);
      const v = field.slice(0, sep);
      const bucket = field.slice(sep + 1);
      if (sep < 0 || bucket === CHITCHAT_BUCKET) continue;
      const n = Number(value);
      if (name === 'hour') {
        const h = Number(v);
        if (!(h >= 0 && h < 24) || !OUTCOME_KEYS[bucket as Action]) continue;
        t.weekdayHour[wd]![h]! += n;
      }
      addOutcome(getOr(table, v, emptyCounts), bucket, n);
    }
  }
  for (const [field, value] of Object.entries(fam.secondary())) {
    const [topic = ''] = field.split(FIELD_SEP);
    const n = Number(value);
    if (!n) continue;
    t.seenTopics.add(topic);
    counts.secondary.set(topic, (counts.secondary.get(topic) ?? 0) + n);
  }
  for (const [field, value] of Object.entries(fam.feedback())) {
    const [topic = '', intent = '', vote = ''] = field.split(FIELD_SEP);
    const row = getOr(t.feedback, `${topic}${FIELD_SEP}${intent}`, () => ({ topic, intent, helpful: 0, notHelpful: 0 }));
    if (vote === 'up') row.helpful += Number(value);
    else if (vote === 'down') row.notHelpful += Number(value);
  }
}

// ---- step 4: the tables --------------------------------------------------------------------

/** Names and orders the tables use. */
interface Labels {
  topics: string[];
  channels: string[];
  topicName(topic: string): string;
  channelName(channel: string): string;
  roomName(room: string): string;
  label(dimension: string, value: string): string;
}

function labelsOf(plan: QueryPlan, reads: Reads, t: Tallies): Labels {
  const topicOrder = plan.topics.filter((x) => !x.chitchat).map((x) => x.id);
  const topicNames = new Map(plan.topics.map((x) => [x.id, x.name]));
  const channelOrder = ['private', 'room', 'console'].filter((c) => t.seenChannels.has(c));
  const stored = new Map([...reads.names].map(([name, read]) => [name, read()]));
  const ctx: LabelContext = { topicName: (id) => topicNames.get(id) ?? id, storedNames: (name) => stored.get(name) ?? {} };
  const label = (dimension: string, value: string): string => {
    const d = plan.schema.byName(dimension);
    return d?.label ? d.label(value, ctx) : value;
  };
  return {
    topics: [...topicOrder, ...[...t.seenTopics].filter((x) => !topicOrder.includes(x)).sort()],
    channels: [...channelOrder, ...[...t.seenChannels].filter((c) => !channelOrder.includes(c)).sort()],
    topicName: ctx.topicName,
    channelName: (c) => CHANNEL_NAMES[c as Channel] ?? c,
    roomName: (r) => label('room', r),
    label,
  };
}

/** Counts of one detail dimension, summed over the cross-tab of a period. */
function detailTable(plan: QueryPlan, counts: PeriodCounts, dimension: string): Map<string, Counts> {
  const at = plan.schema.detail.findIndex((d) => d.name === dimension);
  const out = new Map<string, Counts>();
  for (const [key, c] of counts.detail) addCounts(getOr(out, key.split(FIELD_SEP)[at] ?? '', emptyCounts), c);
  return out;
}

/** Counts per value of a dimension in a period: its own hash when it has one, else the cross-tab. */
function dimensionTable(plan: QueryPlan, counts: PeriodCounts, dimension: string): Map<string, Counts> {
  return counts.dims.get(dimension) ?? detailTable(plan, counts, dimension);
}

function emptyReport(plan: QueryPlan, reads: Reads, t: Tallies, l: Labels): StatsReport {
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

function byTotalThenLabel(counts: ReadonlyMap<string, Counts>, label: (v: string) => string): (a: string, b: string) => number {
  return (a, b) => counts.get(b)!.total - counts.get(a)!.total || label(a).localeCompare(label(b), 'zh');
}

function addTopicRows(report: StatsReport, plan: QueryPlan, counts: PeriodCounts, l: Labels, period: string, row: PeriodRow): void {
  const table = dimensionTable(plan, counts, 'topic');
  l.topics.forEach((topic, i) => {
    const c = table.get(topic) ?? emptyCounts();
    const secondary = counts.secondary.get(topic) ?? 0;
    report.byTopic.push({ period, topic, topicName: l.topicName(topic), ...c, secondary });
    addCounts(report.topicTotals[i]!, c);
    report.topicTotals[i]!.secondary += secondary;
    addCounts(row, c);
  });
}

function addChannelRows(report: StatsReport, plan: QueryPlan, counts: PeriodCounts, l: Labels, period: string): void {
  const table = dimensionTable(plan, counts, 'channel');
  l.channels.forEach((channel, i) => {
    const c = table.get(channel) ?? emptyCounts();
    report.byChannel.push({ period, channel, channelName: l.channelName(channel), ...c });
    addCounts(report.channelTotals[i]!, c);
  });
}

function addRoomRows(report: StatsReport, plan: QueryPlan, counts: PeriodCounts, l: Labels, period: string, totals: Map<string, Counts>): void {
  const table = dimensionTable(plan, counts, 'room');
  const rooms = [...table.keys()].filter((r) => r !== '' && table.get(r)!.total > 0).sort(byTotalThenLabel(table, l.roomName));
  for (const room of rooms) {
    const c = table.get(room)!;
    report.byRoom.push({ period, room, roomName: l.roomName(room), ...c });
    addCounts(getOr(totals, room, emptyCounts), c);
  }
}

function addDetailRows(report: StatsReport, plan: QueryPlan, counts: PeriodCounts, l: Labels, period: string): void {
  const at = new Map(plan.schema.detail.map((d, i) => [d.name, i]));
  const extra = plan.schema.detail.filter((d) => !(BUILTIN_DIMENSIONS as readonly string[]).includes(d.name));
  const rows = [...counts.detail.entries()]
    .filter(([, c]) => c.total > 0)
    .map(([key, c]): DetailRow => {
      const parts = key.split(FIELD_SEP);
      const part = (name: string): string => (at.has(name) ? (parts[at.get(name)!] ?? '') : '');
      const [topic, channel, room] = [part('topic'), part('channel'), part('room')];
      const row: DetailRow = { period, topic, topicName: l.topicName(topic), channel, channelName: l.channelName(channel), room, roomName: room ? l.roomName(room) : '', ...c };
      if (extra.length > 0) row.dims = Object.fromEntries(extra.map((d) => [d.name, part(d.name) ? l.label(d.name, part(d.name)) : '']));
      return row;
    })
    .sort((a, b) => l.topics.indexOf(a.topic) - l.topics.indexOf(b.topic) || l.channels.indexOf(a.channel) - l.channels.indexOf(b.channel) || b.total - a.total || a.roomName.localeCompare(b.roomName, 'zh'));
  report.byDetail.push(...rows);
}

/** Tables of the dimensions beyond the built-in ones. */
function extraDimensions(plan: QueryPlan, t: Tallies, l: Labels): Record<string, DimensionTable> | undefined {
  const extra = plan.schema.dimensions.filter((d) => !(BUILTIN_DIMENSIONS as readonly string[]).includes(d.name));
  if (extra.length === 0) return undefined;
  const out: Record<string, DimensionTable> = {};
  for (const d of extra) {
    const label = (v: string): string => l.label(d.name, v);
    const table: DimensionTable = { column: d.column, ...(d.sheet ? { sheet: d.sheet } : {}), detail: d.detail === true, byPeriod: [], totals: [] };
    const totals = new Map<string, Counts>();
    plan.periods.forEach((p, k) => {
      const counts = dimensionTable(plan, t.periods[k]!, d.name);
      const values = [...counts.keys()].filter((v) => v !== '' && counts.get(v)!.total > 0).sort(byTotalThenLabel(counts, label));
      for (const value of values) {
        table.byPeriod.push({ period: p.period, value, label: label(value), ...counts.get(value)! });
        addCounts(getOr(totals, value, emptyCounts), counts.get(value)!);
      }
    });
    table.totals = [...totals.keys()].sort(byTotalThenLabel(totals, label)).map((value) => ({ period: TOTAL, value, label: label(value), ...totals.get(value)! }));
    out[d.name] = table;
  }
  return out;
}

function buildReport(plan: QueryPlan, reads: Reads, t: Tallies): StatsReport {
  const l = labelsOf(plan, reads, t);
  const report = emptyReport(plan, reads, t, l);
  const roomTotals = new Map<string, Counts>();
  plan.periods.forEach((p, k) => {
    const counts = t.periods[k]!;
    const row: PeriodRow = { period: p.period, from: p.from, to: p.to, citizens: reads.periods[k]!.citizens(), ...emptyCounts(), pushes: 0, groupsReached: 0 };
    addTopicRows(report, plan, counts, l, p.period, row);
    addChannelRows(report, plan, counts, l, p.period);
    addRoomRows(report, plan, counts, l, p.period, roomTotals);
    addDetailRows(report, plan, counts, l, p.period);
    const hours = counts.dims.get('hour');
    if (hours) for (const [h, c] of hours) if (report.byHour[Number(h)]) addCounts(report.byHour[Number(h)]!, c);
    addCounts(report.totals, row);
    report.periods.push(row);
  });
  report.roomTotals = [...roomTotals.keys()].sort(byTotalThenLabel(roomTotals, l.roomName)).map((room) => ({ period: TOTAL, room, roomName: l.roomName(room), ...roomTotals.get(room)! }));
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
  if (dims) report.dimensions = dims;
  return report;
}

/**
 * Read the report for [from, to], in four steps: plan what to read (`planQuery`), read it in
 * one pipelined round trip (`readAggregates`), add the counts up per period
 * (`tallyPeriods`), and build the tables (`buildReport`). What is read and how each hash
 * field splits comes from the statistics schema (src/stats/schema.ts).
 */
export async function queryStats(redis: StatsRedis, options: QueryOptions): Promise<StatsReport> {
  const plan = planQuery(options);
  const reads = await readAggregates(redis, plan);
  return buildReport(plan, reads, tallyPeriods(plan, reads));
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
