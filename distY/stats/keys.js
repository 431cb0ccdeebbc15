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
export const STATS_HASH_TAG = '{stats}';
function family(start) {
    return {
        day: (d) => `${start}day:${d}`,
        room: (d) => `${start}room:${d}`,
        hour: (d) => `${start}hour:${d}`,
        usersDay: (d) => `${start}hll:d:${d}`,
        usersMonth: (m) => `${start}hll:m:${m}`,
        usersYear: (y) => `${start}hll:y:${y}`,
        events: (d) => `${start}ev:${d}`,
        secondary: (d) => `${start}sec:${d}`,
        feedback: (d) => `${start}fb:${d}`,
        examples: (m) => `${start}ex:${m}`,
        dimension: (hash, d) => `${start}${hash}:${d}`,
    };
}
/** Channels whose test data is kept apart (every channel can carry test data). */
export const TEST_CHANNELS = ['console', 'private', 'room'];
export function statsKeys(prefix = 'pufa:') {
    const base = `${prefix}${STATS_HASH_TAG}:`;
    const tests = new Map();
    return Object.freeze({
        prefix,
        base,
        ...family(base),
        seen: (d) => `${base}seen:${d}`,
        review: `${base}review`,
        roomNames: `${base}rooms`,
        names: (key) => `${base}${key}`,
        dropped: `${base}dropped`,
        clarification: (id) => `${base}cl:${id}`,
        feedbackAsked: (d, u) => `${base}fbask:${d}:${u}`,
        test: (channel) => {
            const ch = channel.replace(/[^a-z_]/g, '_');
            let f = tests.get(ch);
            if (!f) {
                f = Object.freeze(family(`${base}t:${ch}:`));
                tests.set(ch, f);
            }
            return f;
        },
    });
}
/** Separator inside hash fields; stripped from the parts. */
export const FIELD_SEP = '|';
/** Bucket for small talk in the room/hour hashes (exports leave it out). */
export const CHITCHAT_BUCKET = 'chitchat';
export function fieldPart(s) {
    return s.replaceAll(FIELD_SEP, '/');
}
//# sourceMappingURL=keys.js.map