/**
 * The Lua scripts that record one consultation (and one 👍 / 👎) atomically and idempotently.
 *
 * RECORD_SCRIPT first adds the consultation id to the day's `seen` set; if the id was already
 * there (a batch retried after a timeout, or replayed after a Redis restart) it does nothing
 * and returns 0. Otherwise it writes the raw event, bumps every aggregate and returns 1.
 * Scripts run atomically and are persisted/replicated as one unit, so either everything
 * of a consultation is counted or nothing is.
 *
 * One question, one consultation: a clarification stores the (key, field) pairs it
 * incremented in `cl:<id>`; the citizen's reply (`replaces` = that id) decrements them
 * before counting itself, so the question ends up once, under the topic and outcome finally
 * given. Without `cl:<id>` (expired, or the clarification was never stored) the reply simply
 * counts as a new consultation.
 *
 * Arguments are passed BY NAME, not by position: ARGV[1] is one JSON object (`RecordCall`
 * below, built by `recordCall()` in redis-recorder.ts from the statistics schema) and the
 * KEYS are named by its `k` list, so the script reads `K.seen`, `a.id`, `a.bumps` … A new
 * dimension of the schema only adds entries to `bumps` (and a key); the script does not
 * change.
 */
export interface RecordCall {
    /** Names of KEYS[1..n], in order (the script looks keys up by these names). */
    k: string[];
    id: string;
    /** Unix seconds the `seen` set expires at. */
    seenAt: string;
    /** The raw event (JSON) and when its stream expires (absent: the event is not kept). */
    event?: string;
    eventAt?: string;
    /** Resolve the clarification whose pairs are in key `clReplaced` (one question, one consultation). */
    resolves?: boolean;
    /** HINCRBY <key named k> <field> 1, each remembered for a clarification. */
    bumps: [key: string, field: string][];
    /** Citizen hash for the HyperLogLogs (absent: not counted as reached). */
    user?: string;
    /** Also the month and year HyperLogLogs (official data). */
    allTime?: boolean;
    /** HSET <key named k> <value> <label>: display names (group names). */
    names: [key: string, value: string, label: string][];
    /** Seconds to keep `clThis` (a clarification: what it counted, for the citizen's reply). */
    keepCl?: string;
    /** An example question for the summary (XADD to `examples`, capped). */
    example?: {
        topic: string;
        text: string;
        at: string;
    };
    /** Review-list entry, field/value pairs (XADD to `review`, MAXLEN reviewMax). */
    review?: string[];
    reviewMax: string;
}
export declare const RECORD_SCRIPT = "\nlocal a = cjson.decode(ARGV[1])\nlocal K = {}\nfor i, name in ipairs(a.k) do\n  K[name] = KEYS[i]\nend\nif redis.call('SADD', K.seen, a.id) == 0 then\n  return 0\nend\nredis.call('EXPIREAT', K.seen, a.seenAt)\nif a.event then\n  redis.call('XADD', K.events, '*', 'e', a.event)\n  redis.call('EXPIREAT', K.events, a.eventAt)\nend\nif a.resolves then\n  local old = redis.call('LRANGE', K.clReplaced, 0, -1)\n  for i = 1, #old - 1, 2 do\n    if redis.call('HINCRBY', old[i], old[i + 1], -1) <= 0 then\n      redis.call('HDEL', old[i], old[i + 1])\n    end\n  end\n  redis.call('DEL', K.clReplaced)\nend\nlocal undo = {}\nfor _, b in ipairs(a.bumps) do\n  local key = K[b[1]]\n  redis.call('HINCRBY', key, b[2], 1)\n  undo[#undo + 1] = key\n  undo[#undo + 1] = b[2]\nend\nif a.user then\n  redis.call('PFADD', K.usersDay, a.user)\n  if a.allTime then\n    redis.call('PFADD', K.usersMonth, a.user)\n    redis.call('PFADD', K.usersYear, a.user)\n  end\nend\nfor _, n in ipairs(a.names) do\n  redis.call('HSET', K[n[1]], n[2], n[3])\nend\nif a.keepCl and #undo > 0 then\n  redis.call('RPUSH', K.clThis, unpack(undo))\n  redis.call('EXPIRE', K.clThis, a.keepCl)\nend\nif a.example then\n  redis.call('XADD', K.examples, 'MAXLEN', '~', '1000', '*', 'topic', a.example.topic, 'text', a.example.text, 'at', a.example.at)\nend\nif a.review then\n  redis.call('XADD', K.review, 'MAXLEN', a.reviewMax, '*', unpack(a.review))\nend\nreturn 1\n";
export declare const RECORD_COMMAND = "pufaStatsRecord";
/**
 * One 👍 / 👎: counted once per answered consultation (the `seen` set of the vote's day
 * holds `fb:<consultation id>`); a 👎 also puts the question in the review list.
 *
 * KEYS: 1 seen:<day>  2 fb:<day> (of the family)  3 review
 * ARGV: 1 vote id  2 seen-expire-at  3 fb field  4 review max length  5… review pairs
 */
export declare const FEEDBACK_SCRIPT = "\nif redis.call('SADD', KEYS[1], ARGV[1]) == 0 then\n  return 0\nend\nredis.call('EXPIREAT', KEYS[1], ARGV[2])\nredis.call('HINCRBY', KEYS[2], ARGV[3], 1)\nif #ARGV > 4 then\n  redis.call('XADD', KEYS[3], 'MAXLEN', ARGV[4], '*', unpack(ARGV, 5))\nend\nreturn 1\n";
export declare const FEEDBACK_SCRIPT_KEYS = 3;
export declare const FEEDBACK_COMMAND = "pufaStatsFeedback";
