import type { IncomingMessage } from '../../pipeline/context.js';
import type { BotContext, BotStep } from '../context.js';

/** The plain message the brain pipeline sees: addressed text, raw ids (it hashes them). */
export function toIncoming(ctx: BotContext): IncomingMessage {
  const { msg } = ctx;
  return {
    text: msg.kind === 'text' ? ctx.text : null,
    kind: msg.kind,
    channel: msg.room ? 'room' : 'private',
    userId: msg.talker.id,
    ...(msg.room ? { roomId: msg.room.id, roomName: msg.room.topic } : {}),
    at: msg.at,
  };
}

/** The brain pipeline (understand → remember → record): the current brain, swappable by #重载. */
export const answer: BotStep = async (ctx, next) => {
  const result = await ctx.bot.brain.pipeline.handle(toIncoming(ctx));
  ctx.result = result;
  for (const text of result.replies) ctx.replies.push({ text });
  await next();
};
