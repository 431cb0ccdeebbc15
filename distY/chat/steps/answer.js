import { redactPii } from '../../core/privacy.js';
import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC } from '../../core/types.js';
import { serviceNotices } from '../../render/notices.js';
import { nextState } from '../session.js';
/**
 * The answer steps: 👍/👎 feedback → understand (normalise, classify, decide, converse,
 * render: the brain) → remember (conversation state) → record (statistics) → log. The tail
 * of the one step list (src/chat/steps.ts); `pufa simulate` and the tests run them alone
 * through createPipeline (src/chat/pipeline.ts).
 */
/** Conversation key for clarification state: per citizen, and per room in groups. */
export function conversationKey(ctx) {
    return ctx.room ? `${ctx.room}:${ctx.user}` : ctx.user;
}
/** Whether the session store is failing, per store: one warning when it fails, one note when it is back. */
const sessionsFailing = new WeakMap();
function sessionsDown(services, err) {
    const sessions = services.store.sessions;
    if (sessionsFailing.get(sessions) === true)
        return;
    sessionsFailing.set(sessions, true);
    services.logger.warn({ err }, 'conversation state unavailable: answering without clarification choices and follow-up context until it is back');
}
function sessionsBack(services) {
    const sessions = services.store.sessions;
    if (sessionsFailing.get(sessions) !== true)
        return;
    sessionsFailing.set(sessions, false);
    services.logger.info('conversation state available again');
}
/** The brain answers the addressed text, with the conversation state (pending choices, last topic). The current brain: `#重载` may swap it. */
export const understand = async (ctx, next) => {
    const { services } = ctx;
    const pending = await services.store.sessions.get(conversationKey(ctx)).then((state) => {
        sessionsBack(services);
        return state;
    }, (err) => {
        sessionsDown(services, err);
        return undefined;
    });
    const answer = await services.brain.brain.ask(ctx.text, { channel: ctx.channel, now: ctx.message.at.getTime(), ...(pending ? { pending } : {}) });
    if (pending)
        ctx.state = pending;
    ctx.answer = answer;
    ctx.redacted = redactPii(answer.normalized);
    ctx.counting = counting(answer, pending);
    ctx.replies.push({ text: answer.reply });
    await next();
};
/**
 * How a message counts, from the conversation: the reply to a clarification resolves that
 * consultation (`replaces`: one question, counted once, under the final topic); picking a
 * secondary topic named after an answer only shows what was already counted with it, and words
 * added to a question back still open are part of that question.
 */
export function counting(answer, state) {
    // Words added to an open question back are part of that consultation, which its choice will settle.
    if (answer.resolved === 'detail' && state?.choicesFor === 'clarify')
        return { uncounted: true };
    if (answer.resolved !== 'choice' || !state)
        return {};
    if (state.choicesFor === 'secondary')
        return { uncounted: true };
    return state.consultationId ? { replaces: state.consultationId } : {};
}
/** Remember offered choices ("回复 1"), the secondary topics ("回复 2") and the last answer's topic (follow-ups). */
export const remember = async (ctx, next) => {
    const answer = ctx.answer;
    if (answer) {
        const key = conversationKey(ctx);
        const { config } = ctx.services;
        const { sessions } = ctx.services.store;
        const change = nextState(ctx.state, answer, { question: ctx.redacted, consultationId: ctx.consultationId, at: ctx.message.at.getTime() }, { clarifySec: config.BOT_CLARIFY_TTL_SEC, contextSec: config.BOT_CONTEXT_TTL_SEC });
        try {
            if (change.kind === 'set')
                await sessions.set(key, change.state, change.ttlSec);
            else if (change.kind === 'delete' && ctx.state)
                await sessions.delete(key);
        }
        catch (err) {
            sessionsDown(ctx.services, err);
        }
    }
    await next();
};
/** One consultation per handled text message. Never blocks the answer (the recorder buffers). */
export const record = async (ctx, next) => {
    const answer = ctx.answer;
    if (answer && !ctx.counting?.uncounted) {
        const c = {
            id: ctx.consultationId,
            ...dialogFields(ctx),
            at: ctx.message.at,
            topic: answer.topic,
            intent: answer.intent,
            action: answer.action,
            channel: ctx.channel,
            user: ctx.user,
            score: answer.score,
            ...(ctx.room ? { room: ctx.room } : {}),
            ...(ctx.message.room?.topic ? { roomName: ctx.message.room.topic } : {}),
            // Redacted: for the review list (asked back, declined, low confidence) and as summary examples.
            ...(ctx.redacted ? { text: ctx.redacted } : {}),
            ...(answer.action === 'clarify' && answer.choices.length > 0 ? { choices: answer.choices.map((ch) => ch.label) } : {}),
            // The terminal chat is test data: left out of the official figures.
            ...(ctx.channel === 'console' ? { test: true } : {}),
        };
        ctx.consultation = c;
        try {
            ctx.services.recorder.record(c);
        }
        catch (err) {
            ctx.services.logger.error({ err }, 'statistics recorder threw; consultation not counted');
        }
        await askFeedback(ctx, c);
    }
    await next();
};
/** The citizen's 👍 / 👎 (WeChat sends them as [强] / [弱]). */
const THUMBS_UP = /^(?:👍(?:[\u{1F3FB}-\u{1F3FF}])?|\[强\]|有帮助)+$/u;
const THUMBS_DOWN = /^(?:👎(?:[\u{1F3FB}-\u{1F3FF}])?|\[弱\]|没帮助|没有帮助)+$/u;
/** 👍 → true, 👎 → false, anything else → undefined. */
export function feedbackVote(text) {
    const t = (text ?? '').replace(/\s+/g, '').replace(/[。.!！]+$/u, '');
    if (THUMBS_UP.test(t))
        return true;
    if (THUMBS_DOWN.test(t))
        return false;
    return undefined;
}
export const FEEDBACK_THANKS = '谢谢您的反馈！还有其他问题可以直接发给我。';
/**
 * "Was it helpful?": in private chat an in-scope answer may end with BOT_FEEDBACK_PROMPT,
 * at most once per citizen per day (the recorder's FeedbackTracker decides).
 */
async function askFeedback(ctx, c) {
    const { config, recorder, logger } = ctx.services;
    const answer = ctx.answer;
    const prompt = config.BOT_FEEDBACK_PROMPT;
    if (!answer || !recorder.feedback || prompt.trim().toLowerCase() === 'off')
        return;
    if (ctx.channel !== 'private' || answer.action !== 'answer' || answer.urgent || !answer.intent)
        return;
    if (answer.topic === CHITCHAT_TOPIC || answer.topic === OUT_OF_SCOPE_TOPIC || ctx.replies.length === 0)
        return;
    try {
        const asked = await recorder.feedback.offer(ctx.user, { consultationId: c.id ?? '', topic: c.topic, intent: c.intent, channel: c.channel, score: c.score, ...(c.text ? { text: c.text } : {}), ...(c.test ? { test: true } : {}) }, ctx.message.at);
        const last = ctx.replies[ctx.replies.length - 1];
        if (asked && c.id && last && 'text' in last)
            ctx.replies[ctx.replies.length - 1] = { text: `${last.text}\n\n${prompt}` };
    }
    catch (err) {
        logger.debug({ err }, 'feedback question skipped');
    }
}
/**
 * A reply 👍 / 👎 to an answer: counted per topic and intent (a 👎 puts the question in the
 * review list), thanked, and not a consultation — the pipeline stops here.
 */
export const feedbackReply = async (ctx, next) => {
    const vote = feedbackVote(ctx.text);
    if (vote === undefined) {
        await next();
        return;
    }
    const { recorder, logger } = ctx.services;
    const asked = await recorder.feedback?.pending(ctx.user, ctx.message.at).catch(() => undefined);
    if (asked && recorder.recordFeedback) {
        try {
            recorder.recordFeedback({
                consultationId: asked.consultationId,
                at: ctx.message.at,
                helpful: vote,
                topic: asked.topic,
                intent: asked.intent,
                channel: asked.channel,
                user: ctx.user,
                ...(asked.text ? { text: asked.text } : {}),
                ...(asked.score !== undefined ? { score: asked.score } : {}),
                ...(asked.test || ctx.channel === 'console' ? { test: true } : {}),
            });
        }
        catch (err) {
            logger.error({ err }, 'statistics recorder threw; feedback not counted');
        }
    }
    logger.info({ user: ctx.user, channel: ctx.channel, helpful: vote, topic: asked?.topic, intent: asked?.intent }, 'feedback');
    ctx.replies.push({ text: vote ? FEEDBACK_THANKS : serviceNotices(ctx.services.brain.brain.kb.common).feedbackSorry });
};
/** The consultation's fields that come from the dialogue: the letter's other topics, the clarification it resolves. */
export function dialogFields(ctx) {
    const topics = [...new Set((ctx.answer?.secondary ?? []).map((s) => s.topic))].filter((t) => t !== ctx.answer?.topic);
    return {
        ...(topics.length > 0 ? { secondaryTopics: topics } : {}),
        ...(ctx.counting?.replaces ? { replaces: ctx.counting.replaces } : {}),
    };
}
export const log = async (ctx, next) => {
    const a = ctx.answer;
    ctx.services.logger.info({ user: ctx.user, room: ctx.room, channel: ctx.channel, action: a?.action, intent: a?.intent, topic: a?.topic, act: a?.act, resolved: a?.resolved, secondary: a?.secondary?.map((s) => s.topic), score: a ? Number(a.score.toFixed(3)) : undefined, text: a ? ctx.redacted.slice(0, 80) : undefined }, 'consultation');
    await next();
};
//# sourceMappingURL=answer.js.map