export const NON_TEXT_HINT = '抱歉，我暂时只能看懂文字消息。请直接打字描述您想咨询的问题，例如“店门口摆摊会被罚款吗”。';
/**
 * Non-text messages, in one place. Voice, pictures, videos, files and stickers get one
 * short hint to type the question, at most once per person per BOT_NONTEXT_HINT_SEC (the
 * mark is in the store: in Redis every process honours it); they are not consultations.
 * Other message types (system notices, red packets, links…) are ignored.
 */
export const nonTextHint = async (ctx, next) => {
    const { kind, text } = ctx.message;
    if (kind === 'text' && text !== null) {
        await next();
        return;
    }
    if (kind === 'other')
        return;
    const { store, config, logger } = ctx.services;
    const window = config.BOT_NONTEXT_HINT_SEC;
    if (window > 0) {
        try {
            if (!(await store.markHint(ctx.user, window)))
                return;
        }
        catch (err) {
            // Without the store we cannot tell whether the hint was given: stay quiet rather than repeat it.
            logger.warn({ err }, 'could not check the non-text hint mark; no hint sent');
            return;
        }
    }
    ctx.replies.push({ text: NON_TEXT_HINT });
};
//# sourceMappingURL=non-text.js.map