import type { Channel } from '../core/types.js';
import type { ZonedBucket } from './time.js';
import type { Consultation } from './types.js';
/**
 * The dimensions of a consultation, by name, in one place. The recorder (the arguments of
 * the Lua script), the query (which hashes it reads and how it splits their fields) and the
 * exports (columns and sheets) are all derived from this list, so a new dimension is one
 * entry here plus its tests (see README "Statistics schema: adding a dimension").
 *
 * Each consultation is counted by outcome (`answer` / `clarify` / `out_of_scope`; small talk
 * in the bucket `chitchat`) under the values of its dimensions. A dimension is stored in
 * one or both of two ways:
 *
 * - `detail: true` — a part of the cross-tab field of the `day:<day>` hash. The field is
 *   `<topic>|<action>|<the other detail dimensions, in schema order>`, trailing empty parts
 *   left out: with the built-in schema `noise|answer|room|<roomHash>` or
 *   `noise|answer|private` — the layout the project has always written, so existing data
 *   reads unchanged. `topic` must be the first detail dimension. Every detail dimension is
 *   a column of the CSV and of the 明细 sheet.
 * - `hash: 'xyz'` — its own per-day hash `xyz:<day>` (of the consultation's family: official
 *   or the test data of a channel) with fields `<value>|<bucket>`: a table per value (and per
 *   period) in the report, and an xlsx sheet when `sheet` is set.
 *
 * An empty value ('') means "none" (a private chat has no group): the consultation is not
 * counted in that dimension's hash, and its detail part is empty.
 *
 * The built-in dimensions (topic, channel, room, hour) keep their named tables in the
 * report (`byTopic`, `byChannel`, `byRoom`, `byHour` …) that the exports, WeChat `#统计` and
 * the console read; any further dimension appears in `StatsReport.dimensions[name]`, as a
 * column of the detail rows (`DetailRow.dims`) when `detail`, and as its own xlsx sheet.
 */
/** What the recorder knows about a consultation when it derives the dimension values. */
export interface ConsultationFacts {
    /** The consultation as the pipeline gave it. */
    readonly consultation: Consultation;
    /** Topic id, safe as a field part. */
    readonly topic: string;
    readonly action: string;
    readonly channel: string;
    /** Salted hash of the group ('' outside groups). */
    readonly room: string;
    /** The group's name, redacted ('' when unknown). */
    readonly roomName: string;
    /** When it happened, in the bureau's calendar (STATS_TIMEZONE). */
    readonly when: ZonedBucket;
}
/** Names the query knows when it labels a value for staff. */
export interface LabelContext {
    /** Topic name from knowledge/topics.yaml (the id when unknown). */
    topicName(id: string): string;
    /** Display names a dimension stored with `names` (e.g. group names), by value. */
    storedNames(dimension: string): Readonly<Record<string, string>>;
}
export interface Dimension {
    /** Name in code and in the report (`StatsReport.dimensions[name]`, `DetailRow.dims[name]`): lower-case ascii. */
    readonly name: string;
    /** Column header in exports, in Chinese as staff use it. */
    readonly column: string;
    /** The value of one consultation ('' = none). `|` is replaced by `/`. */
    readonly value: (facts: ConsultationFacts) => string;
    /** A part of the `day:` cross-tab field (detail rows, CSV columns). */
    readonly detail?: boolean;
    /** Own per-day hash `<hash>:<day>`, fields `<value>|<bucket>`. */
    readonly hash?: string;
    /** xlsx sheet with the per-period table of this dimension (needs `hash`). */
    readonly sheet?: string;
    /** Keep a display name per value in the hash `<names.key>` (e.g. the group's name for its hash). */
    readonly names?: {
        readonly key: string;
        readonly of: (facts: ConsultationFacts) => string;
    };
    /** The label staff read for a value (default: the value). */
    readonly label?: (value: string, ctx: LabelContext) => string;
}
export interface StatsSchema {
    readonly dimensions: readonly Dimension[];
    /** Detail dimensions in field order (topic first). */
    readonly detail: readonly Dimension[];
    /** Dimensions with their own hash. */
    readonly hashed: readonly Dimension[];
    byName(name: string): Dimension | undefined;
}
export declare const CHANNEL_NAMES: Readonly<Record<Channel, string>>;
/** `08:00-08:59` */
export declare function hourLabel(hour: number | string): string;
export declare const TOPIC: Dimension;
export declare const CHANNEL: Dimension;
export declare const ROOM: Dimension;
export declare const HOUR: Dimension;
/** The dimensions the report has named tables for. */
export declare const BUILTIN_DIMENSIONS: readonly ["topic", "channel", "room", "hour"];
/** Check a list of dimensions and index it. Throws on a schema that could not be stored or read back. */
export declare function defineSchema(dimensions: readonly Dimension[]): StatsSchema;
/** The schema the bot records with and every tool reads. Add a dimension here (and its tests). */
export declare const STATS_SCHEMA: StatsSchema;
/** The `day:` cross-tab field: `<topic>|<action>|<other detail values>`, trailing empty parts left out. */
export declare function detailField(schema: StatsSchema, action: string, values: ReadonlyMap<string, string>): string;
/** Split a `day:` field back into the action and the detail values by name (missing parts are ''). */
export declare function parseDetailField(schema: StatsSchema, field: string): {
    action: string;
    values: Map<string, string>;
};
