import type { BotStep } from '../context.js';

export const RATE_NOTICE = '您的提问有点频繁，请稍等一分钟再问。紧急情况请直接拨打城管热线 12319。';

/**
 * At most BOT_USER_RATE_PER_MIN answers per citizen and BOT_ROOM_RATE_PER_MIN per group
 * in each clock minute, counted in Redis so several processes share the limits. Over the
 * limit the message is dropped; in private chat the citizen is told once per minute. If
 * Redis is unreachable the limits are not applied (the paced sender still caps output).
 */
export const rateLimit: BotStep = async (ctx, next) => {
  const { redis, keys, config, logger } = ctx.bot;
  const minute = Math.floor(Date.now() / 60_000);
  const userKey = keys.userRate(ctx.user, minute);
  let userCount = 0;
  let roomCount = 0;
  try {
    const tx = redis.multi().incr(userKey).expire(userKey, 120);
    if (ctx.room) {
      const roomKey = keys.roomRate(ctx.room, minute);
      tx.incr(roomKey).expire(roomKey, 120);
    }
    const res = (await tx.exec()) ?? [];
    userCount = Number(res[0]?.[1] ?? 0);
    roomCount = Number(res[2]?.[1] ?? 0);
  } catch (err) {
    logger.warn({ err }, 'rate limits unavailable (Redis); answering without them');
  }
  if (userCount > config.BOT_USER_RATE_PER_MIN) {
    logger.info({ user: ctx.user, room: ctx.room, count: userCount }, 'citizen rate limit reached; message dropped');
    if (!ctx.msg.room && userCount === config.BOT_USER_RATE_PER_MIN + 1) ctx.replies.push({ text: RATE_NOTICE });
    return;
  }
  if (ctx.room && roomCount > config.BOT_ROOM_RATE_PER_MIN) {
    logger.info({ room: ctx.room, count: roomCount }, 'group rate limit reached; message dropped');
    return;
  }
  await next();
};
