import type { Step } from '../context.js';
/** An error the outbox already reported itself (queue full, stale reply, daily cap): not logged again per reply. */
export declare function isReportedSendError(err: unknown): boolean;
/**
 * The one list of replies goes out: after every later step ran, ctx.replies are queued in
 * the outbox (WeChat: the paced sender). In groups the reply @-mentions the asker and is
 * held BOT_MERGE_HOLD_MS so the same question from others can join it (mergeSameQuestion);
 * the gas-leak emergency answer goes to the front of the queue, without the hold.
 */
export declare const sendReplies: Step;
/**
 * The one error boundary: whatever a later step throws is logged (hashed ids only) and one
 * failing message never stops the bot. One rule for the reply: a private chat (and the
 * terminal) gets one apology instead of whatever was prepared; a group gets nothing (no
 * apology in front of everyone for a question nobody sees answered).
 */
export declare const errorBoundary: Step;
