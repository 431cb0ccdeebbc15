/**
 * Every Redis key of the outreach statistics, in one place.
 *
 * All keys share the prefix (REDIS_PREFIX, default `pufa:`) and the hash tag `{stats}`, so
 * on a Redis Cluster they live in one slot: the recording script may touch all of them
 * atomically and PFCOUNT may merge many day HyperLogLogs in one call. A year of figures is
 * a few megabytes, far below what one shard holds.
 *
 * | key                          | type   | content                                          | expires             |
 * |------------------------------|--------|--------------------------------------------------|---------------------|
 * | `day:<YYYY-MM-DD>`           | HASH   | `<topic>|<action>|<channel>` → count             | never               |
 * | `room:<YYYY-MM-DD>`          | HASH   | `<roomHash>|<bucket>` → count                    | never               |
 * | `hour:<YYYY-MM-DD>`          | HASH   | `<0-23>|<bucket>` → count                        | never               |
 * | `hll:d:<YYYY-MM-DD>`         | HLL    | distinct citizens of the day                     | never               |
 * | `hll:m:<YYYY-MM>`            | HLL    | distinct citizens of the month                   | never               |
 * | `hll:y:<YYYY>`               | HLL    | distinct citizens of the year                    | never               |
 * | `ev:<YYYY-MM-DD>`            | STREAM | raw consultation events of the day               | retention after day |
 * | `seen:<YYYY-MM-DD>`          | SET    | consultation ids already counted (idempotency)   | same as `ev:`       |
 * | `review`                     | STREAM | clarify / out_of_scope questions, redacted       | capped (MAXLEN)     |
 * | `rooms`                      | HASH   | `<roomHash>` → room name                         | never               |
 * | `dropped`                    | HASH   | `<YYYY-MM-DD>` → consultations lost (buffer full)| never               |
 *
 * `<bucket>` is the action (`answer` / `clarify` / `out_of_scope`) or `chitchat`.
 */
export const STATS_HASH_TAG = '{stats}';

export interface StatsKeys {
  readonly prefix: string;
  /** Common start of every statistics key, e.g. `pufa:{stats}:`; SCAN with `${base}*`. */
  readonly base: string;
  day(day: string): string;
  room(day: string): string;
  hour(day: string): string;
  usersDay(day: string): string;
  usersMonth(month: string): string;
  usersYear(year: string): string;
  events(day: string): string;
  seen(day: string): string;
  readonly review: string;
  readonly roomNames: string;
  readonly dropped: string;
}

export function statsKeys(prefix = 'pufa:'): StatsKeys {
  const base = `${prefix}${STATS_HASH_TAG}:`;
  return Object.freeze({
    prefix,
    base,
    day: (d: string) => `${base}day:${d}`,
    room: (d: string) => `${base}room:${d}`,
    hour: (d: string) => `${base}hour:${d}`,
    usersDay: (d: string) => `${base}hll:d:${d}`,
    usersMonth: (m: string) => `${base}hll:m:${m}`,
    usersYear: (y: string) => `${base}hll:y:${y}`,
    events: (d: string) => `${base}ev:${d}`,
    seen: (d: string) => `${base}seen:${d}`,
    review: `${base}review`,
    roomNames: `${base}rooms`,
    dropped: `${base}dropped`,
  });
}

/** Separator inside hash fields; stripped from the parts. */
export const FIELD_SEP = '|';

/** Bucket for small talk in the room/hour hashes (exports leave it out). */
export const CHITCHAT_BUCKET = 'chitchat';

export function fieldPart(s: string): string {
  return s.replaceAll(FIELD_SEP, '/');
}
