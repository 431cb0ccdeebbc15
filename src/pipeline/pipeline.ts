import { randomUUID } from 'node:crypto';
import { hashId, redactPii } from '../core/privacy.js';
import type { BrainReply } from '../core/types.js';
import type { Brain } from '../nlu/brain.js';
import type { Consultation } from '../stats/types.js';
import { compose, type Middleware } from './compose.js';
import type { Counting, HandleResult, IncomingMessage, PipelineContext, PipelineDeps } from './context.js';
import { nextState, type ConversationState } from './session.js';

/**
 * The message pipeline: guard → understand (normalise, classify, decide, render) →
 * remember (clarification state) → record (statistics) → log. Every chat edge (wechaty,
 * console, `pufa simulate`) calls `handle()` with a plain IncomingMessage.
 */
export type Step = Middleware<PipelineContext>;

export const NON_TEXT_HINT = '抱歉，我暂时只能看懂文字消息。请直接打字描述您想咨询的问题，例如“店门口摆摊会被罚款吗”。';
export const ERROR_REPLY = '抱歉，系统开小差了，请稍后再试，或直接拨打城管热线 12319。';

/** Conversation key for clarification state: per citizen, and per room in groups. */
export function conversationKey(ctx: Pick<PipelineContext, 'user' | 'room'>): string {
  return ctx.room ? `${ctx.room}:${ctx.user}` : ctx.user;
}

/** Catch anything thrown below, log it, and answer politely: one failing message never stops the bot. */
export const errorBoundary: Step = async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.deps.logger.error({ err, user: ctx.user, room: ctx.room }, 'message handling failed');
    ctx.replies.push(ERROR_REPLY);
  }
};

/** Non-text messages get a hint to type the question; they are not consultations. */
export const guardNonText: Step = async (ctx, next) => {
  if (ctx.msg.kind !== 'text' || ctx.msg.text === null) {
    ctx.replies.push(NON_TEXT_HINT);
    return;
  }
  await next();
};

export function understand(brain: Brain): Step {
  return async (ctx, next) => {
    const key = conversationKey(ctx);
    const pending = await ctx.deps.sessions.get(key).catch((err: unknown) => {
      ctx.deps.logger.warn({ err }, 'session store unavailable; continuing without clarification state');
      return undefined;
    });
    const answer = await brain.ask(ctx.msg.text ?? '', { channel: ctx.msg.channel, now: ctx.msg.at.getTime(), ...(pending ? { pending } : {}) });
    if (pending) ctx.state = pending;
    ctx.answer = answer;
    ctx.redacted = redactPii(answer.normalized);
    ctx.counting = counting(answer, pending);
    ctx.replies.push(answer.reply);
    await next();
  };
}

/**
 * How a message counts, from the conversation: the reply to a clarification resolves that
 * consultation (`replaces`: one question, counted once, under the final topic); picking a
 * secondary topic named after an answer only shows what was already counted with it.
 */
export function counting(answer: BrainReply, state: ConversationState | undefined): Counting {
  if (answer.resolved !== 'choice' || !state) return {};
  if (state.choicesFor === 'secondary') return { uncounted: true };
  return state.consultationId ? { replaces: state.consultationId } : {};
}

/** Remember offered choices ("回复 1"), the secondary topics ("回复 2") and the last answer's topic (follow-ups). */
export const remember: Step = async (ctx, next) => {
  const answer = ctx.answer;
  if (answer) {
    const key = conversationKey(ctx);
    const { sessions, config, logger } = ctx.deps;
    const change = nextState(ctx.state, answer, { question: ctx.redacted, consultationId: ctx.consultationId, at: ctx.msg.at.getTime() }, { clarifySec: config.BOT_CLARIFY_TTL_SEC, contextSec: config.BOT_CONTEXT_TTL_SEC });
    try {
      if (change.kind === 'set') await sessions.set(key, change.state, change.ttlSec);
      else if (change.kind === 'delete' && ctx.state) await sessions.delete(key);
    } catch (err) {
      logger.warn({ err }, 'could not store conversation state');
    }
  }
  await next();
};

/** One consultation per handled text message. Never blocks the answer (the recorder buffers). */
export const record: Step = async (ctx, next) => {
  const answer = ctx.answer;
  if (answer && !ctx.counting?.uncounted) {
    const c: Consultation = {
      id: ctx.consultationId,
      ...dialogFields(ctx),
      at: ctx.msg.at,
      topic: answer.topic,
      intent: answer.intent,
      action: answer.action,
      channel: ctx.msg.channel,
      user: ctx.user,
      score: answer.score,
      ...(ctx.room ? { room: ctx.room } : {}),
      ...(ctx.msg.roomName ? { roomName: ctx.msg.roomName } : {}),
      ...(answer.action !== 'answer' && ctx.redacted ? { text: ctx.redacted } : {}),
    };
    ctx.consultation = c;
    try {
      ctx.deps.recorder.record(c);
    } catch (err) {
      ctx.deps.logger.error({ err }, 'statistics recorder threw; consultation not counted');
    }
  }
  await next();
};

/** The consultation's fields that come from the dialogue: the letter's other topics, the clarification it resolves. */
export function dialogFields(ctx: Pick<PipelineContext, 'answer' | 'counting'>): Pick<Consultation, 'secondaryTopics' | 'replaces'> {
  const topics = [...new Set((ctx.answer?.secondary ?? []).map((s) => s.topic))].filter((t) => t !== ctx.answer?.topic);
  return {
    ...(topics.length > 0 ? { secondaryTopics: topics } : {}),
    ...(ctx.counting?.replaces ? { replaces: ctx.counting.replaces } : {}),
  };
}

export const log: Step = async (ctx, next) => {
  const a = ctx.answer;
  ctx.deps.logger.info(
    { user: ctx.user, room: ctx.room, channel: ctx.msg.channel, action: a?.action, intent: a?.intent, topic: a?.topic, act: a?.act, resolved: a?.resolved, secondary: a?.secondary?.map((s) => s.topic), score: a ? Number(a.score.toFixed(3)) : undefined, text: a ? ctx.redacted.slice(0, 80) : undefined },
    'consultation',
  );
  await next();
};

export interface Pipeline {
  handle(msg: IncomingMessage): Promise<HandleResult>;
  readonly steps: readonly Step[];
}

export function createPipeline(brain: Brain, deps: PipelineDeps, extra: { before?: Step[]; after?: Step[] } = {}): Pipeline {
  const steps: Step[] = [errorBoundary, ...(extra.before ?? []), guardNonText, understand(brain), remember, record, log, ...(extra.after ?? [])];
  const run = compose(steps);
  return {
    steps,
    async handle(msg: IncomingMessage): Promise<HandleResult> {
      const ctx: PipelineContext = {
        msg,
        deps,
        user: hashId(deps.salt, msg.userId),
        room: msg.roomId ? hashId(deps.salt, msg.roomId) : undefined,
        redacted: '',
        replies: [],
        consultationId: randomUUID(),
      };
      await run(ctx);
      return {
        replies: ctx.replies,
        ...(ctx.answer ? { answer: ctx.answer } : {}),
        ...(ctx.consultation ? { consultation: ctx.consultation } : {}),
      };
    },
  };
}
