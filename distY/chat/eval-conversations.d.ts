import type { Brain } from '../nlu/brain.js';
/**
 * `pufa eval` on conversations: each line of the file is one citizen's messages in order, each
 * labelled with the topic its reply should be on given what came before
 * ({"turns": [{"text", "topic"}, …]}). The messages are asked one after another with the state
 * the chat keeps between them (src/chat/session.ts), as the bot does, one second apart.
 */
export interface ConversationTurn {
    text: string;
    topic: string;
}
export interface Conversation {
    turns: ConversationTurn[];
}
/** True when the first line of `raw` is a conversation ({"turns": […]}), not one labelled message. */
export declare function isConversationFile(raw: string): boolean;
/** Read a conversations file; every bad line is named (file:line). */
export declare function parseConversations(raw: string, file: string): Conversation[];
export declare function readConversationFile(file: string): Conversation[];
export interface TurnResult {
    conversation: number;
    turn: number;
    text: string;
    label: string;
    got: string;
    intent: string | null;
}
export interface ConversationReport {
    conversations: number;
    turns: number;
    correct: number;
    /** Turns after the first: where the conversation's state matters. */
    later: {
        turns: number;
        correct: number;
    };
    /** Conversations whose every turn was right. */
    allRight: number;
    results: TurnResult[];
}
/** Ask every conversation's turns in order, with the chat's state between them, and score each reply. */
export declare function evaluateConversations(brain: Brain, conversations: readonly Conversation[]): Promise<ConversationReport>;
/** The report as `pufa eval` prints it. */
export declare function formatConversationReport(r: ConversationReport, errors?: boolean): string;
