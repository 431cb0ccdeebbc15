import { type BrainReply, type ConversationState } from '../../core/types.js';
import type { Consultation } from '../../stats/types.js';
import type { Counting, MessageContext, Step } from '../context.js';
/**
 * The answer steps: 👍/👎 feedback → understand (normalise, classify, decide, converse,
 * render: the brain) → remember (conversation state) → record (statistics) → log. The tail
 * of the one step list (src/chat/steps.ts); `pufa simulate` and the tests run them alone
 * through createPipeline (src/chat/pipeline.ts).
 */
/** Conversation key for clarification state: per citizen, and per room in groups. */
export declare function conversationKey(ctx: Pick<MessageContext, 'user' | 'room'>): string;
/** The brain answers the addressed text, with the conversation state (pending choices, last topic). The current brain: `#重载` may swap it. */
export declare const understand: Step;
/**
 * How a message counts, from the conversation: the reply to a clarification resolves that
 * consultation (`replaces`: one question, counted once, under the final topic); picking a
 * secondary topic named after an answer only shows what was already counted with it, and words
 * added to a question back still open are part of that question.
 */
export declare function counting(answer: BrainReply, state: ConversationState | undefined): Counting;
/** Remember offered choices ("回复 1"), the secondary topics ("回复 2") and the last answer's topic (follow-ups). */
export declare const remember: Step;
/** One consultation per handled text message. Never blocks the answer (the recorder buffers). */
export declare const record: Step;
/** 👍 → true, 👎 → false, anything else → undefined. */
export declare function feedbackVote(text: string | null): boolean | undefined;
export declare const FEEDBACK_THANKS = "\u8C22\u8C22\u60A8\u7684\u53CD\u9988\uFF01\u8FD8\u6709\u5176\u4ED6\u95EE\u9898\u53EF\u4EE5\u76F4\u63A5\u53D1\u7ED9\u6211\u3002";
/**
 * A reply 👍 / 👎 to an answer: counted per topic and intent (a 👎 puts the question in the
 * review list), thanked, and not a consultation — the pipeline stops here.
 */
export declare const feedbackReply: Step;
/** The consultation's fields that come from the dialogue: the letter's other topics, the clarification it resolves. */
export declare function dialogFields(ctx: Pick<MessageContext, 'answer' | 'counting'>): Pick<Consultation, 'secondaryTopics' | 'replaces'>;
export declare const log: Step;
