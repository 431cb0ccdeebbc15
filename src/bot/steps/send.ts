import { ERROR_REPLY } from '../../pipeline/pipeline.js';
import type { Destination, Outgoing } from '../../wechat/platform.js';
import type { BotContext, BotStep } from '../context.js';

function destinationOf(ctx: BotContext): Destination {
  return ctx.msg.room ? { kind: 'room', id: ctx.msg.room.id } : { kind: 'contact', id: ctx.msg.talker.id };
}

/** Log what went wrong (hashed ids only); one failing message never stops the bot. Private chats get an apology. */
export const catchErrors: BotStep = async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.bot.logger.error({ err, user: ctx.user, room: ctx.room }, 'message handling failed');
    if (!ctx.msg.room) ctx.bot.sender.enqueue(destinationOf(ctx), { text: ERROR_REPLY }).done.catch(() => undefined);
  }
};

/**
 * After every later step ran: queue ctx.replies in the paced sender. In groups the reply
 * @-mentions the asker and is held BOT_MERGE_HOLD_MS so the same question from others
 * can join it (mergeSameQuestion).
 */
export const sendReplies: BotStep = async (ctx, next) => {
  await next();
  const { msg, bot } = ctx;
  if (ctx.replies.length === 0) return;
  const to = destinationOf(ctx);
  const hold = msg.room && bot.config.BOT_MERGE_WINDOW_SEC > 0 ? bot.config.BOT_MERGE_HOLD_MS : 0;
  for (const reply of ctx.replies) {
    const content: Outgoing = 'file' in reply ? reply : msg.room ? { text: reply.text, mentions: [msg.talker.id] } : { text: reply.text };
    const pending = bot.sender.enqueue(to, content, hold > 0 ? { notBefore: Date.now() + hold } : {});
    ctx.onQueued?.(pending, reply);
    pending.done.catch((err: unknown) => bot.logger.warn({ err, user: ctx.user, room: ctx.room }, 'reply was not sent'));
  }
};
