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
 * | `sec:<YYYY-MM-DD>`           | HASH   | `<topic>|<channel>` → secondary-topic mentions   | never               |
 * | `fb:<YYYY-MM-DD>`            | HASH   | `<topic>|<intent>|up or down` → 👍 / 👎          | never               |
 * | `ex:<YYYY-MM>`               | STREAM | short answered questions (redacted), examples    | capped (MAXLEN 500) |
 * | `cl:<consultation id>`       | LIST   | counters a clarification added (key, field …)    | 2 days              |
 * | `fbask:<YYYY-MM-DD>:<user>`  | STRING | the answer a 👍/👎 question was asked for (JSON) | end of the next day |
 *
 * `<bucket>` is the action (`answer` / `clarify` / `out_of_scope`) or `chitchat`.
 *
 * Test data (terminal chat, `pufa simulate`) goes to the same key names under
 * `t:<channel>:` (e.g. `t:console:day:2026-03-01`): official figures never read them, and
 * `pufa stats purge` deletes them per channel and day. Their distinct citizens are counted
 * with day HyperLogLogs only.
 */
export declare const STATS_HASH_TAG = "{stats}";
/** The keys of one family of figures: the official one, or the test data of one channel. */
export interface FamilyKeys {
    day(day: string): string;
    room(day: string): string;
    hour(day: string): string;
    usersDay(day: string): string;
    usersMonth(month: string): string;
    usersYear(year: string): string;
    events(day: string): string;
    /** Secondary-topic mentions of the day. */
    secondary(day: string): string;
    /** 👍 / 👎 of the day. */
    feedback(day: string): string;
    /** Example questions of the month. */
    examples(month: string): string;
    /** The per-day hash of a dimension of the statistics schema (src/stats/schema.ts): `<hash>:<day>`. */
    dimension(hash: string, day: string): string;
}
export interface StatsKeys extends FamilyKeys {
    readonly prefix: string;
    /** Common start of every statistics key, e.g. `pufa:{stats}:`; SCAN with `${base}*`. */
    readonly base: string;
    seen(day: string): string;
    readonly review: string;
    readonly roomNames: string;
    /** A hash of display names a schema dimension keeps (`rooms` for the group names). */
    names(key: string): string;
    readonly dropped: string;
    /** What a clarification counted, so its "回复 1" can move the count (one consultation). */
    clarification(id: string): string;
    /** The answer a "有帮助吗" was asked for on a day (per citizen hash; kept until the end of the next day). */
    feedbackAsked(day: string, user: string): string;
    /** Test data of a channel (terminal chat, simulate). */
    test(channel: string): FamilyKeys;
}
/** Channels whose test data is kept apart (every channel can carry test data). */
export declare const TEST_CHANNELS: readonly ["console", "private", "room"];
export declare function statsKeys(prefix?: string): StatsKeys;
/** Separator inside hash fields; stripped from the parts. */
export declare const FIELD_SEP = "|";
/** Bucket for small talk in the room/hour hashes (exports leave it out). */
export declare const CHITCHAT_BUCKET = "chitchat";
export declare function fieldPart(s: string): string;
