import type { Step } from '../context.js';
import type { InboundMessage } from '../platform.js';
/** Steps that decide whether a message is for the bot at all. Each stops by not calling next(). */
/** Never answer the bot's own messages (its replies come back as messages too). */
export declare const ignoreOwnMessages: Step;
/** No flood of replies to old messages after a restart or a reconnect. */
export declare const ignoreStale: Step;
/** Groups not on the allowlist (BOT_ROOMS) are ignored entirely. */
export declare const servedRoomsOnly: Step;
/**
 * The text meant for the bot, or undefined when a group message is not addressed to it.
 * Addressed: an @-mention (the puppet's mention list, or `@<name>` in the text, since some
 * puppets leave the list empty) or a wake word at the start. The mention is removed; a
 * wake word only when a separator follows it ("问：摆摊罚多少" → "摆摊罚多少", but
 * "城管罚款标准" stays whole).
 */
export declare function addressedText(msg: Pick<InboundMessage, 'text' | 'mentionsSelf' | 'selfNames'>, wakeWords: readonly string[]): string | undefined;
/** Private chats: every message. Groups: only text addressed to the bot; the asker is @-mentioned in the reply. */
export declare const addressedToBot: Step;
