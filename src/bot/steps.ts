import type { BotStep } from './context.js';
import { answer } from './steps/answer.js';
import { addressedToBot, ignoreOwnMessages, ignoreStale, servedRoomsOnly } from './steps/guards.js';
import { mergeSameQuestion } from './steps/merge.js';
import { nonTextHint } from './steps/non-text.js';
import { rateLimit } from './steps/rate-limit.js';
import { catchErrors, sendReplies } from './steps/send.js';
import { staffCommands } from './steps/staff.js';

/**
 * Every WeChat message flows through this list, top to bottom, as `(ctx, next)` steps
 * (src/pipeline/compose.ts). A step stops the message by not calling `next()`; steps
 * that wrap (catchErrors, sendReplies, mergeSameQuestion) act after `next()` returns.
 */
export const BOT_STEPS: readonly BotStep[] = [
  catchErrors, //        log (hashed ids); one failing message never stops the bot
  sendReplies, //        afterwards: replies go out through the paced sender; in groups @asker
  ignoreOwnMessages, //  msg.self()
  ignoreStale, //        older than BOT_MAX_MESSAGE_AGE_SEC (no reply flood after a restart)
  servedRoomsOnly, //    groups not on BOT_ROOMS are ignored
  addressedToBot, //     private: always; groups: @-mention (list or `@name` text) or wake word
  staffCommands, //      `#…` in private: staff run it, others get a polite refusal
  nonTextHint, //        voice/picture/file/sticker: one hint per person per BOT_NONTEXT_HINT_SEC
  rateLimit, //          per citizen and per group per minute, in Redis (shared by processes)
  mergeSameQuestion, //  same answer in one group within BOT_MERGE_WINDOW_SEC → one reply @all
  answer, //             the brain pipeline: understand → remember (Redis session) → record
];
