import type { BrainReply, Channel } from '../core/types.js';
import type { Brain } from './brain.js';
/** The JSON shape of `pufa ask --json`. */
export interface AskResult {
    intent: string | null;
    topic: string;
    score: number;
    action: BrainReply['action'];
    reply: string;
    citations: BrainReply['citations'];
    choices: BrainReply['choices'];
    urgent: boolean;
}
/** Library form of `pufa ask`: the reply a citizen would get. */
export declare function ask(brain: Brain, text: string, channel?: Channel): Promise<AskResult>;
