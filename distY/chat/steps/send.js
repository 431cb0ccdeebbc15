import { serviceNotices } from '../../render/notices.js';
import { peerId } from '../peer.js';
/** An error the outbox already reported itself (queue full, stale reply, daily cap): not logged again per reply. */
export function isReportedSendError(err) {
    return typeof err === 'object' && err !== null && err.reported === true;
}
/** Where the replies go: the group, or the person in private. The send path: raw ids are unsealed here only. */
function destinationOf(ctx) {
    return ctx.message.room ? { kind: 'room', id: peerId(ctx.message.room.peer) } : { kind: 'contact', id: peerId(ctx.message.from.peer) };
}
/**
 * The one list of replies goes out: after every later step ran, ctx.replies are queued in
 * the outbox (WeChat: the paced sender). In groups the reply @-mentions the asker and is
 * held BOT_MERGE_HOLD_MS so the same question from others can join it (mergeSameQuestion);
 * the gas-leak emergency answer goes to the front of the queue, without the hold.
 */
export const sendReplies = async (ctx, next) => {
    await next();
    const { message, services } = ctx;
    if (ctx.replies.length === 0)
        return;
    const to = destinationOf(ctx);
    const urgent = ctx.answer?.urgent === true;
    const hold = message.room && services.config.BOT_MERGE_WINDOW_SEC > 0 && !urgent ? services.config.BOT_MERGE_HOLD_MS : 0;
    // Citizens' replies (not a staff member's command output) may be replaced by one apology when they waited too long.
    const citizen = !ctx.staff;
    const mentions = message.room ? [peerId(message.from.peer)] : undefined;
    for (const reply of ctx.replies) {
        const content = 'file' in reply ? reply : mentions ? { text: reply.text, mentions } : { text: reply.text };
        const pending = services.outbox.enqueue(to, content, { urgent, citizen, ...(hold > 0 ? { notBefore: Date.now() + hold } : {}) });
        ctx.onQueued?.(pending, reply);
        pending.done.catch((err) => {
            if (isReportedSendError(err))
                return;
            services.logger.warn({ err, user: ctx.user, room: ctx.room }, 'reply was not sent');
        });
    }
};
/**
 * The one error boundary: whatever a later step throws is logged (hashed ids only) and one
 * failing message never stops the bot. One rule for the reply: a private chat (and the
 * terminal) gets one apology instead of whatever was prepared; a group gets nothing (no
 * apology in front of everyone for a question nobody sees answered).
 */
export const errorBoundary = async (ctx, next) => {
    try {
        await next();
    }
    catch (err) {
        ctx.services.logger.error({ err, user: ctx.user, room: ctx.room }, 'message handling failed');
        ctx.onQueued = undefined;
        ctx.replies = ctx.room ? [] : [{ text: errorNotice(ctx) }];
    }
};
/** The apology, with the hotline of the knowledge base in use; the boundary itself must not fail when the brain is what broke. */
function errorNotice(ctx) {
    try {
        return serviceNotices(ctx.services.brain.brain.kb.common).error;
    }
    catch {
        return '抱歉，系统开小差了，请稍后再试。';
    }
}
//# sourceMappingURL=send.js.map