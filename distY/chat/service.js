import { randomUUID } from 'node:crypto';
import { hashId } from '../core/privacy.js';
import { compose } from './compose.js';
import { MergeRegistry } from './merge.js';
import { peerId } from './peer.js';
import { directOutbox } from './platform.js';
import { CHAT_STEPS } from './steps.js';
function isBrain(b) {
    return typeof b.ask === 'function';
}
/**
 * The one MessageContext of a message: ids hashed once, here at the edge of the chat layer
 * (the raw ids stay sealed in the message's peers, for the reply).
 */
export function messageContext(message, services) {
    const { salt } = services;
    return {
        message,
        services,
        user: hashId(salt, peerId(message.from.peer)),
        room: message.room ? hashId(salt, peerId(message.room.peer)) : undefined,
        channel: message.channel,
        text: message.kind === 'text' ? (message.text ?? '') : '',
        staff: false,
        consultationId: randomUUID(),
        redacted: '',
        replies: [],
    };
}
/**
 * The chat service: a platform's messages → the one step list (CHAT_STEPS) → the outbox.
 * Platform-free: wechaty (src/wechat/), the terminal (src/terminal/) and the in-memory test
 * platform (src/chat/memory-platform.ts) are implementations of ChatPlatform.
 */
export function createChatService(options) {
    const { platform, config, logger } = options;
    const services = {
        config,
        logger,
        salt: options.salt,
        brain: isBrain(options.brain) ? { brain: options.brain } : options.brain,
        recorder: options.recorder,
        store: options.store,
        outbox: options.outbox ?? directOutbox(platform),
        merges: new MergeRegistry(config.BOT_MERGE_WINDOW_SEC * 1000),
        ...(options.health ? { health: options.health } : {}),
        ...(options.commands ? { commands: options.commands } : {}),
    };
    const run = compose(options.steps ?? CHAT_STEPS);
    let accepting = false;
    let inFlight = 0;
    async function handle(message) {
        if (!accepting)
            return undefined;
        const ctx = messageContext(message, services);
        inFlight += 1;
        try {
            await run(ctx);
        }
        finally {
            inFlight -= 1;
        }
        return ctx;
    }
    async function drain(ms = 5000) {
        accepting = false;
        const deadline = Date.now() + ms;
        while (inFlight > 0 && Date.now() < deadline)
            await new Promise((r) => setTimeout(r, 20));
    }
    return {
        platform,
        services,
        handle,
        drain,
        get inFlight() {
            return inFlight;
        },
        async start() {
            accepting = true;
            await platform.start({
                ...options.events,
                message: async (message) => {
                    await handle(message);
                },
            });
        },
        async stop() {
            await drain();
            await platform.stop();
        },
    };
}
//# sourceMappingURL=service.js.map