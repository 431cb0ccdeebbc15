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
  example?: { topic: string; text: string; at: string };
  /** Review-list entry, field/value pairs (XADD to `review`, MAXLEN reviewMax). */
  review?: string[];
  reviewMax: string;
}

export const RECORD_SCRIPT = `
local a = cjson.decode(ARGV[1])
local K = {}
for i, name in ipairs(a.k) do
  K[name] = KEYS[i]
end
if redis.call('SADD', K.seen, a.id) == 0 then
  return 0
end
redis.call('EXPIREAT', K.seen, a.seenAt)
if a.event then
  redis.call('XADD', K.events, '*', 'e', a.event)
  redis.call('EXPIREAT', K.events, a.eventAt)
end
if a.resolves then
  local old = redis.call('LRANGE', K.clReplaced, 0, -1)
  for i = 1, #old - 1, 2 do
    if redis.call('HINCRBY', old[i], old[i + 1], -1) <= 0 then
      redis.call('HDEL', old[i], old[i + 1])
    end
  end
  redis.call('DEL', K.clReplaced)
end
local undo = {}
for _, b in ipairs(a.bumps) do
  local key = K[b[1]]
  redis.call('HINCRBY', key, b[2], 1)
  undo[#undo + 1] = key
  undo[#undo + 1] = b[2]
end
if a.user then
  redis.call('PFADD', K.usersDay, a.user)
  if a.allTime then
    redis.call('PFADD', K.usersMonth, a.user)
    redis.call('PFADD', K.usersYear, a.user)
  end
end
for _, n in ipairs(a.names) do
  redis.call('HSET', K[n[1]], n[2], n[3])
end
if a.keepCl and #undo > 0 then
  redis.call('RPUSH', K.clThis, unpack(undo))
  redis.call('EXPIRE', K.clThis, a.keepCl)
end
if a.example then
  redis.call('XADD', K.examples, 'MAXLEN', '~', '1000', '*', 'topic', a.example.topic, 'text', a.example.text, 'at', a.example.at)
end
if a.review then
  redis.call('XADD', K.review, 'MAXLEN', a.reviewMax, '*', unpack(a.review))
end
return 1
`;

export const RECORD_COMMAND = 'pufaStatsRecord';

/**
 * One 👍 / 👎: counted once per answered consultation (the `seen` set of the vote's day
 * holds `fb:<consultation id>`); a 👎 also puts the question in the review list.
 *
 * KEYS: 1 seen:<day>  2 fb:<day> (of the family)  3 review
 * ARGV: 1 vote id  2 seen-expire-at  3 fb field  4 review max length  5… review pairs
 */
export const FEEDBACK_SCRIPT = `
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('EXPIREAT', KEYS[1], ARGV[2])
redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
if #ARGV > 4 then
  redis.call('XADD', KEYS[3], 'MAXLEN', ARGV[4], '*', unpack(ARGV, 5))
end
return 1
`;

export const FEEDBACK_SCRIPT_KEYS = 3;

export const FEEDBACK_COMMAND = 'pufaStatsFeedback';
