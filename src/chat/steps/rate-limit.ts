import { normalizeText } from '../../core/normalize.js';
import { isEmergency } from '../../nlu/safety.js';
import { serviceNotices } from '../../render/notices.js';
import type { ChatServices, Step } from '../context.js';
import { WindowCounters } from '../store.js';

const fallback = new WeakMap<ChatServices, WindowCounters>();

/** The counters of this process the limits fall back to when the store cannot count (fail closed). */
function localCounters(services: ChatServices): WindowCounters {
  let c = fallback.get(services);
  if (!c) {
    c = new WindowCounters();
    fallback.set(services, c);
  }
  return c;
}

/** The rate limits' window: it begins with a citizen's (or group's) first message. */
export const RATE_WINDOW_SEC = 60;

/**
 * At most BOT_USER_RATE_PER_MIN answers per citizen and BOT_ROOM_RATE_PER_MIN per group
 * in a minute that begins with their first message, counted in the store (Redis: shared
 * by every process). Over the limit the message is dropped; in private chat the citizen
 * is told once per window.
 * If the store cannot count, the same limits are counted in this process (fail closed).
 * A message reporting an emergency (a gas leak, danger to a person) is never held back by a limit, nor is the
 * terminal chat (channel console: one person trying the bot out on their own machine).
 */
export const rateLimit: Step = async (ctx, next) => {
  const { store, config, logger, health } = ctx.services;
  if (ctx.channel === 'console' || isEmergency(normalizeText(ctx.text, { maxChars: config.PUFA_MAX_INPUT_CHARS }).text)) {
    await next();
    return;
  }
  let userCount = 0;
  let roomCount = 0;
  try {
    ({ user: userCount, room: roomCount } = await store.countMessage(ctx.user, ctx.room, RATE_WINDOW_SEC));
    health?.ok();
  } catch (err) {
    if (!health?.observe(err)) logger.debug({ err }, 'rate limits not counted in the store; counting in this process');
    const local = localCounters(ctx.services);
    userCount = local.incr(`u:${ctx.user}`, RATE_WINDOW_SEC);
    if (ctx.room) roomCount = local.incr(`r:${ctx.room}`, RATE_WINDOW_SEC);
  }
  if (userCount > config.BOT_USER_RATE_PER_MIN) {
    logger.info({ user: ctx.user, room: ctx.room, count: userCount }, 'citizen rate limit reached; message dropped');
    if (!ctx.room && userCount === config.BOT_USER_RATE_PER_MIN + 1) ctx.replies.push({ text: serviceNotices(ctx.services.brain.brain.kb.common).rateLimited });
    return;
  }
  if (ctx.room && roomCount > config.BOT_ROOM_RATE_PER_MIN) {
    logger.info({ room: ctx.room, count: roomCount }, 'group rate limit reached; message dropped');
    return;
  }
  await next();
};
