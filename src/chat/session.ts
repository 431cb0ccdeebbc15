import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC, type BrainReply, type ClarifyChoice, type ConversationState, type EarlierSubject } from '../core/types.js';
import { GENERAL_REDIRECT } from '../nlu/decide.js';

export type { ConversationState } from '../core/types.js';

export interface StateTtls {
  /** How long clarification choices are kept (BOT_CLARIFY_TTL_SEC). */
  clarifySec: number;
  /** How long an answer's topic is leaned on by follow-ups (BOT_CONTEXT_TTL_SEC). */
  contextSec: number;
}

/** What to do with the conversation state after a reply. */
export type StateChange = { kind: 'set'; state: ConversationState; ttlSec: number } | { kind: 'delete' } | { kind: 'keep' };

/** The least confidence of a redirect that ends the conversation's subject (`nextState`). */
export const DECLINE_ENDS_SUBJECT = 0.5;

/**
 * The conversation state after `answer` (pure). A clarification keeps its choices and its
 * consultation id; an in-scope answer keeps its topic for follow-ups and the secondary topics
 * it named ("回复 2"), except a follow-up answered in another topic, which keeps the subject;
 * small talk and hints leave the state as it was; a decline the model was sure of ends it, keeping
 * only which department it sent the citizen to (`lastRedirect`).
 */
export function nextState(
  prev: ConversationState | undefined,
  answer: BrainReply,
  info: { question: string; consultationId: string; at: number },
  ttl: StateTtls,
): StateChange {
  if (answer.action === 'clarify') {
    if (answer.choices.length === 0) return { kind: 'keep' };
    // Words added to the open question back: the same question, its choices and consultation, kept anew.
    if (answer.resolved === 'detail' && prev?.choicesFor === 'clarify') return kept(prev, ttl);
    // The previous answer's topic stays for follow-ups after the choices ("那罚多少钱？").
    const last: Partial<ConversationState> =
      prev?.lastTopic !== undefined
        ? {
            lastTopic: prev.lastTopic,
            ...(prev.lastIntent ? { lastIntent: prev.lastIntent } : {}),
            ...(prev.lastAt !== undefined ? { lastAt: prev.lastAt } : {}),
            ...(prev.lastAct ? { lastAct: prev.lastAct } : {}),
            ...(prev.earlier ? { earlier: prev.earlier } : {}),
          }
        : {};
    return kept({ ...last, choices: answer.choices, question: info.question, consultationId: info.consultationId, choicesFor: 'clarify' }, ttl);
  }
  // Another department's matter (a redirect) ends the conversation's subject: "去哪里办" next is
  // about that matter. A message the bot could not place at all (no redirect, `intent` null: "能少交
  // 点吗" it did not understand) is kept below, so "去哪里交" next still leans on the conversation.
  // The general redirect (12345: no department stood out, decide.ts) is no other department's matter:
  // "哪个公司的都有" after the shared-bike answer keeps the subject, as an unplaced message does.
  // A redirect the model was unsure of (below DECLINE_ENDS_SUBJECT: "几千块的那种 冇得便宜点的?" after the fume
  // purifier, read as a consumer matter at 0.18) is no other department's matter either: the subject stays.
  // Only the redirect is kept, for a question about its steps next ("在哪里交" after a traffic ticket: `lastRedirect`).
  if (answer.action === 'out_of_scope' && answer.intent !== null && answer.intent !== GENERAL_REDIRECT && answer.score >= DECLINE_ENDS_SUBJECT) {
    // Another department's matter brought up in passing ("还有那个路灯坏了好久了 找哪个" in a conversation about
    // a fruit stall) keeps the subject among the earlier ones: "水果摊那个 你们下午能来吗" next goes back to the
    // stall by its words, while "这个你们也不管啊" is about the matter just redirected.
    const earlier = ASIDE.test(info.question) && prev?.choicesFor !== 'clarify' ? earlierSubjects(prev, OUT_OF_SCOPE_TOPIC) : [];
    const state: ConversationState = { choices: [], question: info.question, lastRedirect: answer.intent, lastAt: info.at };
    return { kind: 'set', state: earlier.length > 0 ? { ...state, earlier } : state, ttlSec: ttl.contextSec };
  }
  if (answer.act === 'smalltalk' || answer.topic === CHITCHAT_TOPIC || answer.topic === OUT_OF_SCOPE_TOPIC || answer.intent === null) return { kind: 'keep' };
  if (answer.resolved === 'choice' && prev?.choicesFor === 'secondary') {
    // Looking at a secondary topic: it becomes the topic of follow-ups; the other choices stay.
    return kept({ ...prev, lastTopic: answer.topic, lastIntent: answer.intent, lastAt: info.at }, ttl);
  }
  if (answer.resolved === 'followup' && !answer.moved && prev?.lastTopic !== undefined && answer.topic !== prev.lastTopic) {
    // A follow-up answered outside the conversation's subject — "那罚多少钱？" after 暂扣 gets the
    // general fines answer — leaves the subject as it was: "多久能拿回来？" next is still about the goods.
    return kept({ ...prev, lastAt: info.at }, ttl);
  }
  const secondary = (answer.secondary ?? []).map((s, i): ClarifyChoice => ({ n: i + 2, intent: s.intent, topic: s.topic, label: s.label }));
  // A follow-up in the same subject keeps the question that named it: after "城管把我电动车拖走了"
  // and "在哪里领", "要带什么" is still read with the towed e-bike, not with "在哪里领".
  const sameSubject = answer.resolved === 'followup' && prev?.question !== undefined && prev.choicesFor !== 'clarify' && answer.topic === prev.lastTopic;
  // A choice picked by its number ("3") keeps the question the choices were offered for: "不是这个"
  // next offers that question's other answers, and a follow-up is read with it, not with "3".
  const pickedByNumber = answer.resolved === 'choice' && prev?.choicesFor === 'clarify' && prev.question !== undefined && /^\s*[0-9０-９]+\s*$/u.test(info.question);
  const state: ConversationState = {
    choices: secondary,
    question: sameSubject || pickedByNumber ? (prev?.question ?? info.question) : info.question,
    lastTopic: answer.topic,
    lastIntent: answer.intent,
    // The act of the message that named the subject: a follow-up in it does not change it.
    lastAct: sameSubject && prev.lastAct ? prev.lastAct : (answer.act ?? 'question'),
    lastAt: info.at,
    ...(secondary.length > 0 ? { choicesFor: 'secondary' as const } : {}),
  };
  const earlier = earlierSubjects(prev, answer.topic);
  return kept(earlier.length > 0 ? { ...state, earlier } : state, ttl);
}

/** A message that brings another matter up in passing: "还有…", "对了…", "另外…", "顺便问一下…". */
const ASIDE = /^\s*(?:还有|对了|另外|顺便|再问一下|还想问)/u;

/** How many earlier subjects a conversation keeps (`ConversationState.earlier`). */
const EARLIER_SUBJECTS = 3;

/** The subjects before one on `topic`: the previous subject first when it was another, none on `topic` itself. */
function earlierSubjects(prev: ConversationState | undefined, topic: string): EarlierSubject[] {
  const before: EarlierSubject[] = prev?.lastTopic !== undefined && prev.lastIntent !== undefined ? [{ topic: prev.lastTopic, intent: prev.lastIntent }] : [];
  const all = [...before, ...(prev?.earlier ?? [])].filter((e) => e.topic !== topic);
  return all.filter((e, i) => all.findIndex((f) => f.topic === e.topic) === i).slice(0, EARLIER_SUBJECTS);
}

/** Set `state`, kept as long as what it holds is needed: choices for BOT_CLARIFY_TTL_SEC, an answer's topic for BOT_CONTEXT_TTL_SEC. */
function kept(state: ConversationState, ttl: StateTtls): StateChange {
  return { kind: 'set', state, ttlSec: Math.max(state.choices.length > 0 ? ttl.clarifySec : 0, state.lastTopic !== undefined ? ttl.contextSec : 0) };
}

/**
 * Storage of conversation state keyed by a (hashed) conversation key, with a TTL.
 * The WeChat bot uses Redis; the console and unit tests use memory.
 */
export interface SessionStore {
  get(key: string): Promise<ConversationState | undefined>;
  set(key: string, state: ConversationState, ttlSec: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export class MemorySessionStore implements SessionStore {
  private readonly map = new Map<string, { state: ConversationState; expires: number }>();
  async get(key: string): Promise<ConversationState | undefined> {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.expires < Date.now()) {
      this.map.delete(key);
      return undefined;
    }
    return hit.state;
  }
  async set(key: string, state: ConversationState, ttlSec: number): Promise<void> {
    this.map.set(key, { state, expires: Date.now() + ttlSec * 1000 });
  }
  async delete(key: string): Promise<void> {
    this.map.delete(key);
  }
}
