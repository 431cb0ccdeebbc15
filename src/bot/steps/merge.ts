import type { BotStep } from '../context.js';
import { MergeRegistry } from '../merge.js';

export const ALREADY_ANSWERED = '同样的问题刚刚已经回复过了，请看上面的回答 ↑';
const POINTER = '\u0000pointer';

/**
 * The same question from several people in one group within BOT_MERGE_WINDOW_SEC gets
 * one answer mentioning all of them: while the first answer still waits in the paced
 * sender (group answers are held BOT_MERGE_HOLD_MS for this), later askers are added to
 * its @-mentions. Once it went out, later askers get one short pointer to it (itself
 * merged the same way). Every asker still counts as a consultation.
 */
export const mergeSameQuestion: BotStep = async (ctx, next) => {
  await next();
  const { msg, bot } = ctx;
  const reply = ctx.replies[0];
  if (!msg.room || bot.config.BOT_MERGE_WINDOW_SEC === 0 || ctx.replies.length !== 1 || !reply || !('text' in reply)) return;
  const key = MergeRegistry.key(msg.room.id, reply.text);
  const earlier = bot.merges.get(key);
  if (!earlier) {
    ctx.onQueued = (pending) => bot.merges.remember(key, pending);
    return;
  }
  if (earlier.addMentions([msg.talker.id])) {
    ctx.replies = [];
    bot.logger.info({ user: ctx.user, room: ctx.room }, 'same question merged into a pending answer');
    return;
  }
  const pointerKey = key + POINTER;
  const pointer = bot.merges.get(pointerKey);
  if (pointer?.addMentions([msg.talker.id])) {
    ctx.replies = [];
    return;
  }
  ctx.replies = [{ text: ALREADY_ANSWERED }];
  ctx.onQueued = (pending) => bot.merges.remember(pointerKey, pending);
};
