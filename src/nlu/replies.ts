import { PufaError } from '../core/errors.js';
import { characters } from '../core/normalize.js';
import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC, type BrainReply, type Channel, type ClarifyChoice, type IntentScore, type SecondaryTopic, type SpeechAct } from '../core/types.js';
import { uniqueCitations } from '../knowledge/citations.js';
import type { DangerKind } from '../knowledge/emergencies.js';
import type { AnswerEntry, KnowledgeBase } from '../knowledge/types.js';
import { renderAnswer, renderClarify, renderDecline, renderEmpty } from '../render/render.js';
import { renderAskedAgain, renderFocused, type FollowupFocus, renderLostFollowup, renderReportDetail, renderReportGuide, type ReportLines, renderSecondary, renderStrayChoice, renderWaiting, renderNoPerson, renderEmergency, RULE_HEADING } from '../render/render-dialog.js';
import { mentionsFine, namesBring, namesProgress, namesWhere, numberedSecondary, statesDeadline } from './context.js';
import { inScopeTopic } from './letters.js';
import type { ReportGuide } from './report-guide.js';

/**
 * The replies of the brain, built from the knowledge base: an answer (framed by the message's
 * act, with its secondary topics), small talk, a decline, a question back, the hint for a
 * stray number. Pure: knowledge in, `BrainReply` out; the brain decides which one.
 */
export interface ReplyKit {
  readonly kb: KnowledgeBase;
  readonly guide: ReportGuide;
  /** The (first) emergency answer of each topic that has one (燃气泄漏). */
  readonly urgentByTopic: ReadonlyMap<string, AnswerEntry>;
}

/** The kit for a knowledge base and its report guidance (what depends on the knowledge alone, found once). */
export function replyKit(kb: KnowledgeBase, guide: ReportGuide): ReplyKit {
  const urgentByTopic = new Map<string, AnswerEntry>();
  for (const a of kb.answers.values()) if (a.urgent && !urgentByTopic.has(a.topic)) urgentByTopic.set(a.topic, a);
  return { kb, guide, urgentByTopic };
}

function entryOf(kb: KnowledgeBase, intent: string): AnswerEntry {
  const entry = kb.answers.get(intent);
  if (!entry) throw new PufaError('PUFA_ERR_KNOWLEDGE', `intent ${intent} has no answer`);
  return entry;
}

/** The answer of one intent as it stands in the knowledge base. */
export function answerReply(kit: ReplyKit, intent: string, channel: Channel, score: number, normalized: string, action: 'answer' | 'out_of_scope' = 'answer', steps = true): BrainReply {
  const entry = entryOf(kit.kb, intent);
  return {
    action,
    intent,
    topic: entry.topic,
    score,
    reply: renderAnswer(entry, { channel, common: kit.kb.common, steps }),
    citations: entry.citations,
    choices: [],
    urgent: entry.urgent,
    normalized,
  };
}

/** What to include in a report of `topic` and where to report it, when the guidance has the topic. */
function reportLines(kit: ReplyKit, topic: string): ReportLines | undefined {
  const include = kit.guide.include.get(topic);
  return include ? { intro: kit.guide.intro, include, where: kit.guide.where } : undefined;
}

/** How to report a problem of `topic` (what to include, where), when the guidance has it. */
function reportGuidance(kit: ReplyKit, topic: string, channel: Channel): string | undefined {
  const lines = reportLines(kit, topic);
  return lines ? renderReportGuide(lines, kit.kb.common, channel) : undefined;
}

/**
 * The answer to a message, framed by its act: a report gets how to report it (what to
 * include, where) before the rule; secondary topics are named in one line each.
 */
export function composedAnswer(kit: ReplyKit, top: IntentScore, channel: Channel, normalized: string, act: SpeechAct, secondary: readonly IntentScore[]): BrainReply {
  const entry = entryOf(kit.kb, top.intent);
  // An emergency answer (a gas leak) starts with its emergency steps, whatever the wording: no guidance before them.
  const how = act === 'report' && !entry.urgent && !kit.guide.selfContained.has(top.intent) ? reportGuidance(kit, entry.topic, channel) : undefined;
  // Reported, the answer says what the rule is; the next steps are the report's (the guidance), not the answer's own.
  const reply = answerReply(kit, top.intent, channel, top.score, normalized, 'answer', how === undefined);
  if (how) reply.reply = `${how}\n${RULE_HEADING}\n${reply.reply}`;
  const named: SecondaryTopic[] = secondary.map((s) => ({ topic: s.topic, intent: s.intent, label: kit.kb.answers.get(s.intent)?.title ?? s.intent }));
  if (named.length > 0) {
    reply.secondary = named;
    reply.reply = `${reply.reply}\n${renderSecondary(numberedSecondary(named))}`;
  }
  return withAct(reply, act);
}

/** A sentence that leans on the one before it for what is forbidden ("违反上述规定的，…处罚款"). */
const LEANS_BACK = /^(?:违反上述|违反以上|违反前款|违反的|有上述|对上述)/u;

/**
 * The focuses answered by the answer's sentences and next steps that name it: where to go, what
 * to bring, how a reported matter goes on.
 */
const NAMES_FOCUS: Partial<Record<FollowupFocus, (text: string) => boolean>> = { where: namesWhere, bring: namesBring, progress: namesProgress };

/**
 * Only what an answer says of one thing, with its articles: of fines (its sentences with 罚款,
 * and the rules before one that says "违反上述规定的") for "那罚多少钱？" right after that answer;
 * of time limits (its sentences with a number of days or months) for "多久之内"; of where to go,
 * what to bring or how it goes on (`NAMES_FOCUS`, next steps included). Undefined when it says
 * nothing of it.
 */
export function focusedReply(kit: ReplyKit, top: IntentScore, normalized: string, focus: FollowupFocus): BrainReply | undefined {
  const entry = entryOf(kit.kb, top.intent);
  const names = NAMES_FOCUS[focus];
  if (names) return focusedAnswer(kit, entry, top, normalized, focus, entry.points.filter((pt) => names(pt.text)), entry.nextSteps.filter(names));
  const about = focus === 'fines' ? mentionsFine : statesDeadline;
  const on = (i: number): boolean => about(entry.points[i]?.text ?? '');
  const keep = entry.points.map((_, i) => on(i));
  // A fines sentence that leans back brings the rules since the previous fines sentence.
  if (focus === 'fines') {
    entry.points.forEach((pt, j) => {
      if (!keep[j] || !LEANS_BACK.test(pt.text.trim())) return;
      for (let i = j - 1; i >= 0 && !on(i); i -= 1) keep[i] = true;
    });
  }
  return focusedAnswer(kit, entry, top, normalized, focus, entry.points.filter((_, i) => keep[i]), []);
}

/** How many of the topic's other answers an answer asked about again names. */
const OTHERS_NAMED = 2;

/**
 * The answer just given, asked about again with nothing in the message choosing a part of it or
 * another answer: its gist (the points of its group form), the first of the topic's other
 * answers named (the knowledge base's order), its articles (`renderAskedAgain`). Undefined when
 * it has no such points.
 */
export function askedAgainReply(kit: ReplyKit, top: IntentScore, normalized: string, act: SpeechAct = 'question'): BrainReply | undefined {
  const entry = entryOf(kit.kb, top.intent);
  const points = entry.points.filter((pt) => pt.short);
  if (points.length === 0) return undefined;
  const citations = uniqueCitations(points.flatMap((pt) => pt.cites));
  const titles = kit.kb.intents
    .filter((i) => i.topic === entry.topic && i.id !== entry.intent)
    .map((i) => kit.kb.answers.get(i.id)?.title)
    .filter((t): t is string => t !== undefined)
    .slice(0, OTHERS_NAMED);
  return {
    action: 'answer',
    intent: entry.intent,
    topic: entry.topic,
    score: top.score,
    reply: renderAskedAgain(entry.title, points.map((pt) => pt.text), titles, citations, kit.kb.common, entry.disclaimer),
    citations,
    choices: [],
    urgent: false,
    normalized,
    act,
  };
}

/**
 * The reply of a focused follow-up: the answer's `points` (with their articles) and `steps`
 * (where to go: "去哪里办" gets the next steps that name an office), under its focus's heading;
 * undefined when there are none (the whole answer then).
 */
function focusedAnswer(kit: ReplyKit, entry: AnswerEntry, top: IntentScore, normalized: string, focus: FollowupFocus, points: AnswerEntry['points'], steps: readonly string[]): BrainReply | undefined {
  if (points.length + steps.length === 0) return undefined;
  const citations = uniqueCitations(points.flatMap((pt) => pt.cites));
  return {
    action: 'answer',
    intent: entry.intent,
    topic: entry.topic,
    score: top.score,
    reply: renderFocused(focus, entry.title, [...points.map((pt) => pt.text), ...steps], citations, kit.kb.common, entry.disclaimer),
    citations,
    choices: [],
    urgent: false,
    normalized,
    act: 'question',
  };
}

/** A small-talk answer (chitchat.*), or undefined when the knowledge base has none for `intent`. */
export function smallTalkReply(kit: ReplyKit, intent: string, channel: Channel, normalized: string, score = 1): BrainReply | undefined {
  if (!kit.kb.answers.has(intent)) return undefined;
  return { ...answerReply(kit, intent, channel, score, normalized), act: 'smalltalk' };
}

/** An empty message: what the bot can do. */
export function emptyReply(kit: ReplyKit, normalized: string): BrainReply {
  return { action: 'clarify', intent: null, topic: CHITCHAT_TOPIC, score: 0, reply: renderEmpty(kit.kb.common), citations: [], choices: [], urgent: false, normalized };
}

/** A hint instead of a guess, answered as small talk: no topic is counted. */
function hintReply(reply: string, normalized: string): BrainReply {
  return { action: 'answer', intent: null, topic: CHITCHAT_TOPIC, score: 0, reply, citations: [], choices: [], urgent: false, normalized, act: 'smalltalk' };
}

/**
 * A person or a call back asked for ("能不能转人工", "我不会打字 能不能打电话给我"): the bot can be neither,
 * and where a person answers (`renderNoPerson`). Small talk, as the apology it is kin to: no topic counted.
 */
export function noPersonReply(kit: ReplyKit, normalized: string): BrainReply {
  const intent = `${CHITCHAT_TOPIC}.feedback`;
  return { ...hintReply(renderNoPerson(kit.kb.common), normalized), intent: kit.kb.answers.has(intent) ? intent : null, score: 1 };
}

/** Waiting for the bureau to reply or come ("那我等你们消息"): told that nothing was passed on, and where to report; small talk, no topic counted. */
export function waitingReply(kit: ReplyKit, normalized: string): BrainReply {
  return hintReply(renderWaiting(kit.kb.common), normalized);
}

/** A number with nothing waiting for it: a short hint, never a guess; right after an answer, it names that answer's subject. */
export function strayChoiceReply(kit: ReplyKit, choice: number, valid: readonly number[], normalized: string, recentIntent?: string): BrainReply {
  const subject = recentIntent ? kit.kb.answers.get(recentIntent)?.title : undefined;
  return hintReply(renderStrayChoice(choice, [...valid], kit.kb.common, subject), normalized);
}

/**
 * Details added to the problem of the previous answer ("晚上也有", "拍了照片 发给谁"): what to
 * include in a report of that topic and where to report it, on that answer's intent; undefined
 * when the topic has no reporting guidance (暂扣物品, 罚款: not problems one reports).
 */
export function reportDetailReply(kit: ReplyKit, previous: { intent: string; topic: string }, channel: Channel, normalized: string): BrainReply | undefined {
  const lines = reportLines(kit, previous.topic);
  if (!lines) return undefined;
  const reply = renderReportDetail(lines, kit.kb.common, channel, kit.kb.answers.get(previous.intent)?.disclaimer);
  return { action: 'answer', intent: previous.intent, topic: previous.topic, score: 1, reply, citations: [], choices: [], urgent: false, normalized, act: 'report' };
}

/** A follow-up with nothing to follow: a hint to name the matter (as a stray "1"). */
export function lostFollowupReply(kit: ReplyKit, normalized: string): BrainReply {
  return hintReply(renderLostFollowup(kit.kb.common), normalized);
}

/**
 * Not the bureau's matter: the redirect of an out_of_scope intent when one was recognised, else
 * the general decline; either carries `score` (the decision's, its topic's).
 */
export function declineReply(kit: ReplyKit, top: IntentScore | undefined, score: number, normalized: string, act: SpeechAct, channel: Channel): BrainReply {
  if (top && top.topic === OUT_OF_SCOPE_TOPIC) return withAct(answerReply(kit, top.intent, channel, score, normalized, 'out_of_scope'), act);
  return withAct(
    { action: 'out_of_scope', intent: null, topic: OUT_OF_SCOPE_TOPIC, score, reply: renderDecline(kit.kb.common), citations: [], choices: [], urgent: false, normalized },
    act,
  );
}

/**
 * How to report the problem a question back is about. Every choice of one topic: that topic's
 * items. Choices of several matters (a long letter of several, or "not ours" among them): the
 * items any report needs (`general:` of knowledge/_report.yaml), since the matter is not yet
 * known — a letter about bedding hung on a guardrail was told to give "摊点的具体位置" because
 * 占道经营 came first. Only for a top topic the guidance has: a topic without items (处罚与救济)
 * is no problem to report. Gas among the choices: its items, which say to leave first.
 */
function clarifyGuidance(kit: ReplyKit, candidates: readonly IntentScore[], topic: string, channel: Channel): string | undefined {
  const lines = reportLines(kit, topic);
  if (!lines) return undefined;
  // A choice of a topic with an emergency answer (燃气) keeps its own items: they carry its safety step.
  const emergency = candidates.map((c) => c.topic).find((t) => kit.urgentByTopic.has(t));
  const oneMatter = candidates.every((c) => c.topic === topic);
  const include = (emergency === undefined ? undefined : kit.guide.include.get(emergency)) ?? (oneMatter || kit.guide.general.length === 0 ? lines.include : kit.guide.general);
  return renderReportGuide({ ...lines, include }, kit.kb.common, channel);
}

/** A question back with numbered choices; a report the bot cannot place for sure still gets how to report it first. */
export function clarifyReply(kit: ReplyKit, candidates: readonly IntentScore[], top: IntentScore | undefined, normalized: string, act: SpeechAct, channel: Channel, lead = ''): BrainReply {
  const choices: ClarifyChoice[] = candidates.map((c, i) => ({ n: i + 1, intent: c.intent, topic: c.topic, label: kit.kb.answers.get(c.intent)?.title ?? c.intent }));
  const how = act === 'report' && top ? clarifyGuidance(kit, candidates, top.topic, channel) : undefined;
  return withAct(
    {
      action: 'clarify',
      intent: top?.intent ?? null,
      topic: top?.topic ?? OUT_OF_SCOPE_TOPIC,
      score: top?.score ?? 0,
      reply: `${how ? `${how}\n` : ''}${lead}${renderClarify(choices, kit.kb.common)}`,
      citations: [],
      choices,
      urgent: false,
      normalized,
    },
    act,
  );
}

export function withAct(reply: BrainReply, act: SpeechAct): BrainReply {
  return act === 'question' ? reply : { ...reply, act };
}

/**
 * Messages from this many characters on are letters: the emergency lines come before whatever the
 * reply is, never instead of it (a letter tells of much else, often of the danger as past).
 */
export const EMERGENCY_LETTER_CHARS = 100;

/**
 * Danger to a person told in the message (src/nlu/safety.ts `dangerOf`): the emergency lines
 * first. An answer of the bureau's own (an officer's blow, someone hurt by a muck truck) follows
 * them, as does any reply to a letter; otherwise — not the bureau's matter, a question back,
 * small talk — the reply is the lines alone, counted as not the bureau's matter. Urgent either
 * way (sent ahead of the queue). Unchanged when the knowledge base has no lines for the kind.
 */
export function withEmergency(kit: ReplyKit, kind: DangerKind, reply: BrainReply): BrainReply {
  const { emergencies, common } = kit.kb;
  const lines = emergencies.kinds.get(kind);
  if (!lines) return reply;
  const ours = reply.action === 'answer' && inScopeTopic(reply.topic);
  if (ours || characters(reply.normalized) >= EMERGENCY_LETTER_CHARS) return { ...reply, reply: `${renderEmergency(emergencies.intro, lines, emergencies.outro, common, false)}\n${reply.reply}`, urgent: true };
  const { secondary: _secondary, resolved: _resolved, moved: _moved, ...rest } = reply;
  return {
    ...rest,
    action: 'out_of_scope',
    intent: null,
    topic: OUT_OF_SCOPE_TOPIC,
    score: 1,
    reply: renderEmergency(emergencies.intro, lines, emergencies.outro, common, true),
    citations: [],
    choices: [],
    urgent: true,
  };
}
