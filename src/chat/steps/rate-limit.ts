import { normalizeText } from '../../core/normalize.js';
import { urgentTopic } from '../../nlu/safety.js';
import { serviceNotices } from '../../render/notices.js';
import type { ChatServices, Step } from '../context.js';

/**
 * Per-minute counters kept in this process: what the rate limits fall back to when the
 * store cannot count (Redis down, full, refusing the password). The limits fail closed:
 * they never switch off, they are only counted per process until the store is back.
 */
export class LocalCounters {
  private minute = -1;
  private readonly counts = new Map<string, number>();

  incr(key: string, minute: number): number {
    if (minute !== this.minute) {
      this.minute = minute;
      this.counts.clear();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }
}

const fallback = new WeakMap<ChatServices, LocalCounters>();

function localCounters(services: ChatServices): LocalCounters {
  let c = fallback.get(services);
  if (!c) {
    c = new LocalCounters();
    fallback.set(services, c);
  }
  return c;
}

/**
 * At most BOT_USER_RATE_PER_MIN answers per citizen and BOT_ROOM_RATE_PER_MIN per group
 * in each clock minute, counted in the store (Redis: shared by every process). Over the
 * limit the message is dropped; in private chat the citizen is told once per minute.
 * If the store cannot count, the same limits are counted in this process (fail closed).
 * A message reporting an emergency (gas leak) is never held back by a limit, nor is the
 * terminal chat (channel console: one person trying the bot out on their own machine).
 */
export const rateLimit: Step = async (ctx, next) => {
  const { store, config, logger, health } = ctx.services;
  if (ctx.channel === 'console' || urgentTopic(normalizeText(ctx.text, { maxChars: config.PUFA_MAX_INPUT_CHARS }).text)) {
    await next();
    return;
  }
  const minute = Math.floor(Date.now() / 60_000);
  let userCount = 0;
  let roomCount = 0;
  try {
    ({ user: userCount, room: roomCount } = await store.countMessage(ctx.user, ctx.room, minute));
    health?.ok();
  } catch (err) {
    if (!health?.observe(err)) logger.debug({ err }, 'rate limits not counted in the store; counting in this process');
    const local = localCounters(ctx.services);
    userCount = local.incr(`u:${ctx.user}`, minute);
    if (ctx.room) roomCount = local.incr(`r:${ctx.room}`, minute);
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
