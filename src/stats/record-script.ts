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
 * KEYS: 1 seen:<day>  2 ev:<day>  3 day:<day>  4 room:<day>  5 hour:<day>
 *       6 hll:d:<day> 7 hll:m:<month> 8 hll:y:<year> 9 review 10 rooms
 *       11 sec:<day>  12 ex:<month>  13 cl:<this id>  14 cl:<replaced id>
 *       (2–8, 11, 12: of the consultation's family — official, or the channel's test data)
 * ARGV: 1 id  2 seen-expire-at (unix s)  3 event-expire-at (unix s, "" = do not keep)
 *       4 day field  5 room field ("" = none)  6 hour field  7 user hash ("" = not counted)
 *       8 event JSON  9 review max length  10 room hash  11 room name ("" = none)
 *       12 "1" = also the month/year HyperLogLogs  13 secondary fields, "\n"-separated ("" = none)
 *       14 seconds to keep `cl:<this id>` ("" = not a clarification)  15 "1" = resolve KEYS[14]
 *       16 example topic  17 example text ("" = no example)  18 example time
 *       19… review entry field/value pairs (none = not review-worthy)
 */
export const RECORD_SCRIPT = `
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('EXPIREAT', KEYS[1], ARGV[2])
if ARGV[3] ~= '' then
  redis.call('XADD', KEYS[2], '*', 'e', ARGV[8])
  redis.call('EXPIREAT', KEYS[2], ARGV[3])
end
if ARGV[15] == '1' then
  local old = redis.call('LRANGE', KEYS[14], 0, -1)
  for i = 1, #old - 1, 2 do
    if redis.call('HINCRBY', old[i], old[i + 1], -1) <= 0 then
      redis.call('HDEL', old[i], old[i + 1])
    end
  end
  redis.call('DEL', KEYS[14])
end
local undo = {}
local function bump(key, field)
  redis.call('HINCRBY', key, field, 1)
  undo[#undo + 1] = key
  undo[#undo + 1] = field
end
bump(KEYS[3], ARGV[4])
if ARGV[5] ~= '' then
  bump(KEYS[4], ARGV[5])
end
bump(KEYS[5], ARGV[6])
if ARGV[13] ~= '' then
  for field in string.gmatch(ARGV[13], '[^\\n]+') do
    bump(KEYS[11], field)
  end
end
if ARGV[7] ~= '' then
  redis.call('PFADD', KEYS[6], ARGV[7])
  if ARGV[12] == '1' then
    redis.call('PFADD', KEYS[7], ARGV[7])
    redis.call('PFADD', KEYS[8], ARGV[7])
  end
end
if ARGV[11] ~= '' then
  redis.call('HSET', KEYS[10], ARGV[10], ARGV[11])
end
if ARGV[14] ~= '' then
  redis.call('RPUSH', KEYS[13], unpack(undo))
  redis.call('EXPIRE', KEYS[13], ARGV[14])
end
if ARGV[17] ~= '' then
  redis.call('XADD', KEYS[12], 'MAXLEN', '~', '1000', '*', 'topic', ARGV[16], 'text', ARGV[17], 'at', ARGV[18])
end
if #ARGV > 18 then
  redis.call('XADD', KEYS[9], 'MAXLEN', ARGV[9], '*', unpack(ARGV, 19))
end
return 1
`;

export const RECORD_SCRIPT_KEYS = 14;

/** Name under which the script is registered on an ioredis client (defineCommand). */
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
