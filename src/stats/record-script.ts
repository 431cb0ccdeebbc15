/**
 * The Lua script that records one consultation atomically and idempotently.
 *
 * It first adds the consultation id to the day's `seen` set; if the id was already there
 * (a batch retried after a timeout, or replayed after a Redis restart) it does nothing
 * and returns 0. Otherwise it writes the raw event, bumps every aggregate and returns 1.
 * Scripts run atomically and are persisted/replicated as one unit, so either everything
 * of a consultation is counted or nothing is.
 *
 * KEYS: 1 seen:<day>  2 ev:<day>  3 day:<day>  4 room:<day>  5 hour:<day>
 *       6 hll:d:<day> 7 hll:m:<month> 8 hll:y:<year> 9 review 10 rooms
 * ARGV: 1 id  2 seen-expire-at (unix s)  3 event-expire-at (unix s, "" = do not keep)
 *       4 day field  5 room field ("" = none)  6 hour field  7 user hash ("" = not counted)
 *       8 event JSON  9 review max length  10 room hash  11 room name ("" = none)
 *       12… review entry field/value pairs (none = not review-worthy)
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
redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
if ARGV[5] ~= '' then
  redis.call('HINCRBY', KEYS[4], ARGV[5], 1)
end
redis.call('HINCRBY', KEYS[5], ARGV[6], 1)
if ARGV[7] ~= '' then
  redis.call('PFADD', KEYS[6], ARGV[7])
  redis.call('PFADD', KEYS[7], ARGV[7])
  redis.call('PFADD', KEYS[8], ARGV[7])
end
if ARGV[11] ~= '' then
  redis.call('HSET', KEYS[10], ARGV[10], ARGV[11])
end
if #ARGV > 11 then
  redis.call('XADD', KEYS[9], 'MAXLEN', ARGV[9], '*', unpack(ARGV, 12))
end
return 1
`;

export const RECORD_SCRIPT_KEYS = 10;

/** Name under which the script is registered on an ioredis client (defineCommand). */
export const RECORD_COMMAND = 'pufaStatsRecord';
