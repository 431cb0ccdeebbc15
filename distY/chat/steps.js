import { feedbackReply, log, record, remember, understand } from './steps/answer.js';
import { addressedToBot, ignoreOwnMessages, ignoreStale, servedRoomsOnly } from './steps/guards.js';
import { mergeSameQuestion } from './steps/merge.js';
import { nonTextHint } from './steps/non-text.js';
import { rateLimit } from './steps/rate-limit.js';
import { errorBoundary, sendReplies } from './steps/send.js';
import { staffCommands } from './steps/staff.js';
/**
 * What answering a text is, once the message is for the bot: the tail of CHAT_STEPS.
 * `pufa simulate`, the bench and tests run exactly these through createPipeline.
 */
export const ANSWER_STEPS = [
    feedbackReply, //      👍 / 👎 to the last answer: counted and thanked, not a consultation
    understand, //         the brain: normalise · classify · decide · converse · render
    remember, //           conversation state in the store: choices ("回复 1"), last topic (follow-ups)
    record, //             one consultation per message (the recorder buffers; never blocks the answer)
    log, //                one log line per consultation (hashed ids, redacted text)
];
/**
 * Every message on every chat platform flows through this one list, top to bottom, as
 * `(ctx, next)` steps over one MessageContext (src/chat/compose.ts). A step stops the
 * message by not calling `next()`; steps that wrap (sendReplies, errorBoundary,
 * mergeSameQuestion) act after `next()` returns. Ids were hashed once before the first step.
 */
export const CHAT_STEPS = [
    sendReplies, //        afterwards: the one list of replies goes out through the outbox; in groups @asker
    errorBoundary, //      one rule: log (hashed ids); private chats get one apology, groups nothing
    ignoreOwnMessages, //  the bot's own messages
    ignoreStale, //        older than BOT_MAX_MESSAGE_AGE_SEC (no reply flood after a restart)
    servedRoomsOnly, //    groups not on BOT_ROOMS are ignored
    addressedToBot, //     private: always; groups: @-mention (list or `@name` text) or wake word
    staffCommands, //      `#…` in private: staff run it, others get a polite refusal (edges with commands)
    nonTextHint, //        voice/picture/file/sticker: one hint per person per BOT_NONTEXT_HINT_SEC
    rateLimit, //          per citizen and per group per minute from the first message, in the store (Redis: shared by processes)
    mergeSameQuestion, //  same answer in one group within BOT_MERGE_WINDOW_SEC → one reply @all
    ...ANSWER_STEPS,
];
//# sourceMappingURL=steps.js.map