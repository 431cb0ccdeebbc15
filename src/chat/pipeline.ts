import type { Brain } from '../nlu/brain.js';
import { compose } from './compose.js';
import type { ChatServices, HandleResult, IncomingMessage, PipelineDeps, Step } from './context.js';
import { MergeRegistry } from './merge.js';
import { Peer } from './peer.js';
import type { InboundMessage, Outbox } from './platform.js';
import { messageContext } from './service.js';
import { ANSWER_STEPS } from './steps.js';
import { errorBoundary } from './steps/send.js';
import { nonTextHint } from './steps/non-text.js';
import { MemoryChatStore } from './store.js';

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
export function inboundOf(msg: IncomingMessage): InboundMessage {
  return {
    kind: msg.kind,
    text: msg.text,
    channel: msg.channel,
    at: msg.at,
    ageSec: 0,
    self: false,
    from: { peer: new Peer(msg.userId) },
    ...(msg.roomId ? { room: { peer: new Peer(msg.roomId), topic: msg.roomName ?? '' } } : {}),
    mentionsSelf: false,
    selfNames: [],
  };
}

const NO_OUTBOX: Outbox = {
  enqueue() {
    throw new Error('createPipeline returns its replies; it sends nothing');
  },
};

export function createPipeline(brain: Brain, deps: PipelineDeps): Pipeline {
  const services: ChatServices = {
    config: deps.config,
    logger: deps.logger,
    salt: deps.salt,
    brain: { brain },
    recorder: deps.recorder,
    store: new MemoryChatStore(deps.sessions),
    outbox: NO_OUTBOX,
    merges: new MergeRegistry(0),
  };
  const steps: readonly Step[] = [errorBoundary, nonTextHint, ...ANSWER_STEPS];
  const run = compose(steps);
  return {
    steps,
    async handle(msg: IncomingMessage): Promise<HandleResult> {
      const ctx = messageContext(inboundOf(msg), services);
      await run(ctx);
      return {
        replies: ctx.replies.flatMap((r) => ('text' in r ? [r.text] : [])),
        ...(ctx.answer ? { answer: ctx.answer } : {}),
        ...(ctx.consultation ? { consultation: ctx.consultation } : {}),
      };
    },
  };
}
