import { MergeRegistry } from '../merge.js';
import { peerId } from '../peer.js';
export const ALREADY_ANSWERED = '同样的问题刚刚已经回复过了，请看上面的回答 ↑';
const POINTER = '\u0000pointer';
/**
 * The same question from several people in one group within BOT_MERGE_WINDOW_SEC gets
 * one answer mentioning all of them: while the first answer still waits in the outbox
 * (group answers are held BOT_MERGE_HOLD_MS for this), later askers are added to its
 * @-mentions. Once it went out, later askers get one short pointer to it (itself merged the
 * same way). Every asker still counts as a consultation. Part of the send path: the asker's
 * raw id is read here only to add the @-mention.
 */
export const mergeSameQuestion = async (ctx, next) => {
    await next();
    const { message, services } = ctx;
    const reply = ctx.replies[0];
    if (!message.room || !ctx.room || services.config.BOT_MERGE_WINDOW_SEC === 0 || ctx.replies.length !== 1 || !reply || !('text' in reply))
        return;
    const key = MergeRegistry.key(ctx.room, reply.text);
    const earlier = services.merges.get(key);
    if (!earlier) {
        ctx.onQueued = (pending) => services.merges.remember(key, pending);
        return;
    }
    const asker = peerId(message.from.peer);
    if (earlier.addMentions([asker])) {
        ctx.replies = [];
        services.logger.info({ user: ctx.user, room: ctx.room }, 'same question merged into a pending answer');
        return;
    }
    const pointerKey = key + POINTER;
    const pointer = services.merges.get(pointerKey);
    if (pointer?.addMentions([asker])) {
        ctx.replies = [];
        return;
    }
    ctx.replies = [{ text: ALREADY_ANSWERED }];
    ctx.onQueued = (pending) => services.merges.remember(pointerKey, pending);
};
//# sourceMappingURL=merge.js.map