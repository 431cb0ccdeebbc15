import type { StatsRedis } from '../redis/connection.js';
import { type Counts, type ReviewReason } from './definitions.js';
import { CHANNEL_NAMES, type StatsSchema } from './schema.js';
import { type DayString, type Granularity } from './time.js';
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
    totals: Counts & {
        citizens: number;
    };
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
    feedback: {
        helpful: number;
        notHelpful: number;
        rows: FeedbackRow[];
    };
    /** Announcements: pushes sent and groups reached over the range (filled by statsReport). */
    announcements: {
        pushes: number;
        groupsReached: number;
    };
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
    totals: Counts & {
        citizens: number;
    };
    answeredShare: number | null;
    announcements: {
        pushes: number;
        groupsReached: number;
    };
    /** Relative changes (0.125 = +12.5 %; null when the previous figure is 0). */
    change: {
        total: number | null;
        answered: number | null;
        citizens: number | null;
        pushes: number | null;
    };
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
/**
 * Read the report for [from, to], in four steps: plan what to read (`planQuery`), read it in
 * one pipelined round trip (`readAggregates`), add the counts up per period
 * (`tallyPeriods`), and build the tables (`buildReport`). What is read and how each hash
 * field splits comes from the statistics schema (src/stats/schema.ts).
 */
export declare function queryStats(redis: StatsRedis, options: QueryOptions): Promise<StatsReport>;
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
/**
 * The staff review list for a period: questions the bot asked back on, declined, answered
 * with low confidence, or that got a 👎 — newest first; with `merge`, identical questions
 * merged into one item with a count. Reads the capped review stream (STATS_REVIEW_MAX entries) and orders by the time
 * the question was asked (back-filled questions included).
 */
export declare function readReview(redis: StatsRedis, options?: ReviewOptions): Promise<ReviewItem[]>;
