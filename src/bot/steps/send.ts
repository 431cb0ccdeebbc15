import { ERROR_REPLY } from '../../pipeline/pipeline.js';
import type { Destination, Outgoing } from '../../wechat/platform.js';
import type { BotContext, BotStep } from '../context.js';
import { DailyCapError, SenderQueueFullError, StaleReplyError } from '../sender.js';

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
  // The gas-leak emergency answer goes to the front of the send queue, without the merge hold.
  const urgent = ctx.result?.answer?.urgent === true;
  const hold = msg.room && bot.config.BOT_MERGE_WINDOW_SEC > 0 && !urgent ? bot.config.BOT_MERGE_HOLD_MS : 0;
  // Citizens' replies (not a staff member's command output) may be replaced by one apology when they waited too long.
  const citizen = !ctx.staff;
  for (const reply of ctx.replies) {
    const content: Outgoing = 'file' in reply ? reply : msg.room ? { text: reply.text, mentions: [msg.talker.id] } : { text: reply.text };
    const pending = bot.sender.enqueue(to, content, { urgent, citizen, ...(hold > 0 ? { notBefore: Date.now() + hold } : {}) });
    ctx.onQueued?.(pending, reply);
    pending.done.catch((err: unknown) => {
      // Refused (queue full) and stale replies are logged by the sender, once per episode.
      if (err instanceof SenderQueueFullError || err instanceof StaleReplyError || err instanceof DailyCapError) return;
      bot.logger.warn({ err, user: ctx.user, room: ctx.room }, 'reply was not sent');
    });
  }
};
