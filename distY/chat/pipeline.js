import { compose } from './compose.js';
import { MergeRegistry } from './merge.js';
import { Peer } from './peer.js';
import { messageContext } from './service.js';
import { ANSWER_STEPS } from './steps.js';
import { errorBoundary } from './steps/send.js';
import { nonTextHint } from './steps/non-text.js';
import { MemoryChatStore } from './store.js';
/** The same message as a platform would deliver it: the raw ids sealed in peers. */
export function inboundOf(msg) {
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
const NO_OUTBOX = {
    enqueue() {
        throw new Error('createPipeline returns its replies; it sends nothing');
    },
};
export function createPipeline(brain, deps) {
    const services = {
        config: deps.config,
        logger: deps.logger,
        salt: deps.salt,
        brain: { brain },
        recorder: deps.recorder,
        store: new MemoryChatStore(deps.sessions),
        outbox: NO_OUTBOX,
        merges: new MergeRegistry(0),
    };
    const steps = [errorBoundary, nonTextHint, ...ANSWER_STEPS];
    const run = compose(steps);
    return {
        steps,
        async handle(msg) {
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
//# sourceMappingURL=pipeline.js.map