import { type BrainReply, type ConversationState } from '../core/types.js';
export type { ConversationState } from '../core/types.js';
export interface StateTtls {
    /** How long clarification choices are kept (BOT_CLARIFY_TTL_SEC). */
    clarifySec: number;
    /** How long an answer's topic is leaned on by follow-ups (BOT_CONTEXT_TTL_SEC). */
    contextSec: number;
}
/** What to do with the conversation state after a reply. */
export type StateChange = {
    kind: 'set';
    state: ConversationState;
    ttlSec: number;
} | {
    kind: 'delete';
} | {
    kind: 'keep';
};
/** The least confidence of a redirect that ends the conversation's subject (`nextState`). */
export declare const DECLINE_ENDS_SUBJECT = 0.5;
/**
 * The conversation state after `answer` (pure). A clarification keeps its choices and its
 * consultation id; an in-scope answer keeps its topic for follow-ups and the secondary topics
 * it named ("回复 2"), except a follow-up answered in another topic, which keeps the subject;
 * small talk and hints leave the state as it was; a decline the model was sure of ends it.
 */
export declare function nextState(prev: ConversationState | undefined, answer: BrainReply, info: {
    question: string;
    consultationId: string;
    at: number;
}, ttl: StateTtls): StateChange;
/**
 * Storage of conversation state keyed by a (hashed) conversation key, with a TTL.
 * The WeChat bot uses Redis; the console and unit tests use memory.
 */
export interface SessionStore {
    get(key: string): Promise<ConversationState | undefined>;
    set(key: string, state: ConversationState, ttlSec: number): Promise<void>;
    delete(key: string): Promise<void>;
}
export declare class MemorySessionStore implements SessionStore {
    private readonly map;
    get(key: string): Promise<ConversationState | undefined>;
    set(key: string, state: ConversationState, ttlSec: number): Promise<void>;
    delete(key: string): Promise<void>;
}
