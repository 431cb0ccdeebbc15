import type { Step } from './context.js';
/**
 * What answering a text is, once the message is for the bot: the tail of CHAT_STEPS.
 * `pufa simulate`, the bench and tests run exactly these through createPipeline.
 */
export declare const ANSWER_STEPS: readonly Step[];
/**
 * Every message on every chat platform flows through this one list, top to bottom, as
 * `(ctx, next)` steps over one MessageContext (src/chat/compose.ts). A step stops the
 * message by not calling `next()`; steps that wrap (sendReplies, errorBoundary,
 * mergeSameQuestion) act after `next()` returns. Ids were hashed once before the first step.
 */
export declare const CHAT_STEPS: readonly Step[];
