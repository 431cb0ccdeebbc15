import type { Channel } from '../core/types.js';
import { FIELD_SEP } from './keys.js';
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
  readonly names?: { readonly key: string; readonly of: (facts: ConsultationFacts) => string };
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

export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = { private: '私聊', room: '群聊', console: '终端' };

function pad2(n: number | string): string {
  return String(n).padStart(2, '0');
}

/** `08:00-08:59` */
export function hourLabel(hour: number | string): string {
  return `${pad2(hour)}:00-${pad2(hour)}:59`;
}

export const TOPIC: Dimension = {
  name: 'topic',
  column: '话题',
  detail: true,
  value: (f) => f.topic,
  label: (v, ctx) => ctx.topicName(v),
};

export const CHANNEL: Dimension = {
  name: 'channel',
  column: '渠道',
  detail: true,
  value: (f) => f.channel,
  label: (v) => CHANNEL_NAMES[v as Channel] ?? v,
};

export const ROOM: Dimension = {
  name: 'room',
  column: '群',
  detail: true,
  hash: 'room',
  sheet: '按群',
  value: (f) => f.room,
  names: { key: 'rooms', of: (f) => f.roomName },
  label: (v, ctx) => ctx.storedNames('room')[v] ?? `群 ${v.slice(0, 6)}`,
};

export const HOUR: Dimension = {
  name: 'hour',
  column: '时段',
  hash: 'hour',
  value: (f) => String(f.when.hour),
  label: (v) => hourLabel(v),
};

/** The dimensions the report has named tables for. */
export const BUILTIN_DIMENSIONS = ['topic', 'channel', 'room', 'hour'] as const;

/** Key names (after `{stats}:` or `t:<channel>:`) a dimension's hash may not take. */
const RESERVED_KEYS = new Set(['day', 'sec', 'fb', 'ev', 'ex', 'seen', 'cl', 'hll', 'review', 'rooms', 'dropped', 'fbask', 't']);

/** Check a list of dimensions and index it. Throws on a schema that could not be stored or read back. */
export function defineSchema(dimensions: readonly Dimension[]): StatsSchema {
  const names = new Set<string>();
  const hashes = new Set<string>();
  for (const d of dimensions) {
    if (!/^[a-z][a-z0-9_]*$/.test(d.name)) throw new Error(`statistics schema: dimension name ${JSON.stringify(d.name)} must be lower-case ascii`);
    if (names.has(d.name)) throw new Error(`statistics schema: dimension ${d.name} is listed twice`);
    names.add(d.name);
    if (!d.detail && !d.hash) throw new Error(`statistics schema: dimension ${d.name} is stored nowhere (set detail or hash)`);
    if (d.hash !== undefined) {
      if (!/^[a-z][a-z0-9_]*$/.test(d.hash) || RESERVED_KEYS.has(d.hash)) throw new Error(`statistics schema: dimension ${d.name}: hash name ${JSON.stringify(d.hash)} is not allowed`);
      if (hashes.has(d.hash)) throw new Error(`statistics schema: two dimensions share the hash ${d.hash}`);
      hashes.add(d.hash);
    }
    if (d.sheet && !d.hash) throw new Error(`statistics schema: dimension ${d.name} has a sheet but no hash to fill it`);
    if (d.names && (!/^[a-z][a-z0-9_]*$/.test(d.names.key) || (RESERVED_KEYS.has(d.names.key) && !(d.name === 'room' && d.names.key === 'rooms')))) {
      throw new Error(`statistics schema: dimension ${d.name}: names key ${JSON.stringify(d.names.key)} is not allowed`);
    }
  }
  const detail = dimensions.filter((d) => d.detail);
  if (detail[0]?.name !== 'topic') throw new Error('statistics schema: the first detail dimension must be topic (field layout <topic>|<action>|…)');
  const byName = new Map(dimensions.map((d) => [d.name, d]));
  return Object.freeze({
    dimensions: Object.freeze([...dimensions]),
    detail: Object.freeze(detail),
    hashed: Object.freeze(dimensions.filter((d) => d.hash !== undefined)),
    byName: (name: string) => byName.get(name),
  });
}

/** The schema the bot records with and every tool reads. Add a dimension here (and its tests). */
export const STATS_SCHEMA: StatsSchema = defineSchema([TOPIC, CHANNEL, ROOM, HOUR]);

/** The `day:` cross-tab field: `<topic>|<action>|<other detail values>`, trailing empty parts left out. */
export function detailField(schema: StatsSchema, action: string, values: ReadonlyMap<string, string>): string {
  const parts = [values.get('topic') ?? '', action, ...schema.detail.slice(1).map((d) => values.get(d.name) ?? '')];
  while (parts.length > 2 && parts[parts.length - 1] === '') parts.pop();
  return parts.join(FIELD_SEP);
}

/** Split a `day:` field back into the action and the detail values by name (missing parts are ''). */
export function parseDetailField(schema: StatsSchema, field: string): { action: string; values: Map<string, string> } {
  const [topic = '', action = '', ...rest] = field.split(FIELD_SEP);
  const values = new Map<string, string>([['topic', topic]]);
  schema.detail.slice(1).forEach((d, i) => values.set(d.name, rest[i] ?? ''));
  return { action, values };
}
