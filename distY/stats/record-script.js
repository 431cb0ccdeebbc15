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
//# sourceMappingURL=record-script.js.map