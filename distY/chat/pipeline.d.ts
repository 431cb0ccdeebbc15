import type { Brain } from '../nlu/brain.js';
import type { HandleResult, IncomingMessage, PipelineDeps, Step } from './context.js';
import type { InboundMessage } from './platform.js';
/**
 * The answer steps of the one list, without a platform: for batch edges (`pufa simulate`),
 * the bench and tests. A plain IncomingMessage in, its replies out; the ids are hashed once,
 * when the MessageContext is made. Chat edges (WeChat, the terminal) use createChatService.
 */
export interface Pipeline {
    handle(msg: IncomingMessage): Promise<HandleResult>;
    readonly steps: readonly Step[];
}
/** The same message as a platform would deliver it: the raw ids sealed in peers. */
export declare function inboundOf(msg: IncomingMessage): InboundMessage;
export declare function createPipeline(brain: Brain, deps: PipelineDeps): Pipeline;
