import type { Step } from '../context.js';
import type { InboundMessage } from '../platform.js';
import { isServedRoom } from '../rooms.js';

/** Steps that decide whether a message is for the bot at all. Each stops by not calling next(). */

/** Never answer the bot's own messages (its replies come back as messages too). */
export const ignoreOwnMessages: Step = async (ctx, next) => {
  if (ctx.message.self) return;
  await next();
};

/** No flood of replies to old messages after a restart or a reconnect. */
export const ignoreStale: Step = async (ctx, next) => {
  if (ctx.message.ageSec > ctx.services.config.BOT_MAX_MESSAGE_AGE_SEC) {
    ctx.services.logger.debug({ user: ctx.user, room: ctx.room, ageSec: ctx.message.ageSec }, 'ignored a stale message');
    return;
  }
  await next();
};

/** Groups not on the allowlist (BOT_ROOMS) are ignored entirely. */
export const servedRoomsOnly: Step = async (ctx, next) => {
  if (ctx.message.room && !isServedRoom(ctx.message.room, ctx.services.config.BOT_ROOMS)) return;
  await next();
};

const SEPARATORS = /^[\s\u2005:：,，、]+/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The text meant for the bot, or undefined when a group message is not addressed to it.
 * Addressed: an @-mention (the puppet's mention list, or `@<name>` in the text, since some
 * puppets leave the list empty) or a wake word at the start. The mention is removed; a
 * wake word only when a separator follows it ("问：摆摊罚多少" → "摆摊罚多少", but
 * "城管罚款标准" stays whole). A message of the mention alone stays as written (greeted).
 */
export function addressedText(msg: Pick<InboundMessage, 'text' | 'mentionsSelf' | 'selfNames'>, wakeWords: readonly string[]): string | undefined {
  if (msg.text === null) return undefined;
  let text = msg.text;
  let mentioned = msg.mentionsSelf;
  for (const name of msg.selfNames) {
    const re = new RegExp(`@${escapeRegExp(name)}(?=[\\s\\u2005]|$)`, 'gu');
    if (re.test(text)) {
      mentioned = true;
      text = text.replace(re, ' ');
    }
  }
  text = text.trim();
  if (mentioned) {
    // The mention list said so but the name in the text differs (e.g. a group alias we
    // could not read): drop a leading `@someone ` as well.
    if (msg.mentionsSelf && text.startsWith('@')) text = text.replace(/^@\S+[\s\u2005]+/u, '');
    // Only the mention ("@普法助手"): passed on as written, so the bot greets as it does in private chat.
    return text.trim() || msg.text.trim();
  }
  for (const word of wakeWords) {
    if (word && text.startsWith(word)) {
      const rest = text.slice(word.length);
      return SEPARATORS.test(rest) || rest === '' ? rest.replace(SEPARATORS, '').trim() : text;
    }
  }
  return undefined;
}

/** Private chats: every message. Groups: only text addressed to the bot; the asker is @-mentioned in the reply. */
export const addressedToBot: Step = async (ctx, next) => {
  if (!ctx.message.room) {
    ctx.text = ctx.message.text ?? '';
    await next();
    return;
  }
  const text = addressedText(ctx.message, ctx.services.config.BOT_WAKE_WORDS);
  if (text === undefined) return;
  ctx.text = text;
  await next();
};
