import type { BotStep } from '../context.js';

/**
 * Voice, pictures, videos, files and stickers get one short hint to type the question
 * (the pipeline's guardNonText writes it), at most once per person per
 * BOT_NONTEXT_HINT_SEC — the mark is in Redis, so every process honours it. Other
 * message types (system notices, red packets, links…) are ignored.
 */
export const nonTextHint: BotStep = async (ctx, next) => {
  const { kind } = ctx.msg;
  if (kind === 'text') {
    await next();
    return;
  }
  if (kind === 'other') return;
  const { redis, keys, config, logger } = ctx.bot;
  const window = config.BOT_NONTEXT_HINT_SEC;
  if (window > 0) {
    try {
      const first = await redis.set(keys.hint(ctx.user), '1', 'EX', window, 'NX');
      if (first === null) return;
    } catch (err) {
      // Without Redis we cannot tell whether the hint was given: stay quiet rather than repeat it.
      logger.warn({ err }, 'could not check the non-text hint mark; no hint sent');
      return;
    }
  }
  await next();
};
