import { PufaError } from '../core/errors.js';
import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC } from '../core/types.js';
import { uniqueCitations } from '../knowledge/citations.js';
import { renderAnswer, renderClarify, renderDecline, renderEmpty } from '../render/render.js';
import { renderAskedAgain, renderFocused, renderLostFollowup, renderReportDetail, renderReportGuide, renderSecondary, renderStrayChoice, RULE_HEADING } from '../render/render-dialog.js';
import { mentionsFine, namesBring, namesProgress, namesWhere, numberedSecondary, statesDeadline } from './context.js';
function entryOf(kb, intent) {
    const entry = kb.answers.get(intent);
    if (!entry)
        throw new PufaError('PUFA_ERR_KNOWLEDGE', `intent ${intent} has no answer`);
    return entry;
}
/** The answer of one intent as it stands in the knowledge base. */
export function answerReply(kit, intent, channel, score, normalized, action = 'answer', steps = true) {
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
function reportLines(kit, topic) {
    const include = kit.guide.include.get(topic);
    return include ? { intro: kit.guide.intro, include, where: kit.guide.where } : undefined;
}
/** How to report a problem of `topic` (what to include, where), when the guidance has it. */
function reportGuidance(kit, topic, channel) {
    const lines = reportLines(kit, topic);
    return lines ? renderReportGuide(lines, kit.kb.common, channel) : undefined;
}
/**
 * The answer to a message, framed by its act: a report gets how to report it (what to
 * include, where) before the rule; secondary topics are named in one line each.
 */
export function composedAnswer(kit, top, channel, normalized, act, secondary) {
    const entry = entryOf(kit.kb, top.intent);
    // An emergency answer (a gas leak) starts with its emergency steps, whatever the wording: no guidance before them.
    const how = act === 'report' && !entry.urgent && !kit.guide.selfContained.has(top.intent) ? reportGuidance(kit, entry.topic, channel) : undefined;
    // Reported, the answer says what the rule is; the next steps are the report's (the guidance), not the answer's own.
    const reply = answerReply(kit, top.intent, channel, top.score, normalized, 'answer', how === undefined);
    if (how)
        reply.reply = `${how}\n${RULE_HEADING}\n${reply.reply}`;
    const named = secondary.map((s) => ({ topic: s.topic, intent: s.intent, label: kit.kb.answers.get(s.intent)?.title ?? s.intent }));
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
const NAMES_FOCUS = { where: namesWhere, bring: namesBring, progress: namesProgress };
/**
 * Only what an answer says of one thing, with its articles: of fines (its sentences with 罚款,
 * and the rules before one that says "违反上述规定的") for "那罚多少钱？" right after that answer;
 * of time limits (its sentences with a number of days or months) for "多久之内"; of where to go,
 * what to bring or how it goes on (`NAMES_FOCUS`, next steps included). Undefined when it says
 * nothing of it.
 */
export function focusedReply(kit, top, normalized, focus) {
    const entry = entryOf(kit.kb, top.intent);
    const names = NAMES_FOCUS[focus];
    if (names)
        return focusedAnswer(kit, entry, top, normalized, focus, entry.points.filter((pt) => names(pt.text)), entry.nextSteps.filter(names));
    const about = focus === 'fines' ? mentionsFine : statesDeadline;
    const on = (i) => about(entry.points[i]?.text ?? '');
    const keep = entry.points.map((_, i) => on(i));
    // A fines sentence that leans back brings the rules since the previous fines sentence.
    if (focus === 'fines') {
        entry.points.forEach((pt, j) => {
            if (!keep[j] || !LEANS_BACK.test(pt.text.trim()))
                return;
            for (let i = j - 1; i >= 0 && !on(i); i -= 1)
                keep[i] = true;
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
export function askedAgainReply(kit, top, normalized, act = 'question') {
    const entry = entryOf(kit.kb, top.intent);
    const points = entry.points.filter((pt) => pt.short);
    if (points.length === 0)
        return undefined;
    const citations = uniqueCitations(points.flatMap((pt) => pt.cites));
    const titles = kit.kb.intents
        .filter((i) => i.topic === entry.topic && i.id !== entry.intent)
        .map((i) => kit.kb.answers.get(i.id)?.title)
        .filter((t) => t !== undefined)
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
function focusedAnswer(kit, entry, top, normalized, focus, points, steps) {
    if (points.length + steps.length === 0)
        return undefined;
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
export function smallTalkReply(kit, intent, channel, normalized, score = 1) {
    if (!kit.kb.answers.has(intent))
        return undefined;
    return { ...answerReply(kit, intent, channel, score, normalized), act: 'smalltalk' };
}
/** An empty message: what the bot can do. */
export function emptyReply(kit, normalized) {
    return { action: 'clarify', intent: null, topic: CHITCHAT_TOPIC, score: 0, reply: renderEmpty(kit.kb.common), citations: [], choices: [], urgent: false, normalized };
}
/** A hint instead of a guess, answered as small talk: no topic is counted. */
function hintReply(reply, normalized) {
    return { action: 'answer', intent: null, topic: CHITCHAT_TOPIC, score: 0, reply, citations: [], choices: [], urgent: false, normalized, act: 'smalltalk' };
}
/** A number with nothing waiting for it: a short hint, never a guess; right after an answer, it names that answer's subject. */
export function strayChoiceReply(kit, choice, valid, normalized, recentIntent) {
    const subject = recentIntent ? kit.kb.answers.get(recentIntent)?.title : undefined;
    return hintReply(renderStrayChoice(choice, [...valid], kit.kb.common, subject), normalized);
}
/**
 * Details added to the problem of the previous answer ("晚上也有", "拍了照片 发给谁"): what to
 * include in a report of that topic and where to report it, on that answer's intent; undefined
 * when the topic has no reporting guidance (暂扣物品, 罚款: not problems one reports).
 */
export function reportDetailReply(kit, previous, channel, normalized) {
    const lines = reportLines(kit, previous.topic);
    if (!lines)
        return undefined;
    const reply = renderReportDetail(lines, kit.kb.common, channel, kit.kb.answers.get(previous.intent)?.disclaimer);
    return { action: 'answer', intent: previous.intent, topic: previous.topic, score: 1, reply, citations: [], choices: [], urgent: false, normalized, act: 'report' };
}
/** A follow-up with nothing to follow: a hint to name the matter (as a stray "1"). */
export function lostFollowupReply(kit, normalized) {
    return hintReply(renderLostFollowup(kit.kb.common), normalized);
}
/**
 * Not the bureau's matter: the redirect of an out_of_scope intent when one was recognised, else
 * the general decline; either carries `score` (the decision's, its topic's).
 */
export function declineReply(kit, top, score, normalized, act, channel) {
    if (top && top.topic === OUT_OF_SCOPE_TOPIC)
        return withAct(answerReply(kit, top.intent, channel, score, normalized, 'out_of_scope'), act);
    return withAct({ action: 'out_of_scope', intent: null, topic: OUT_OF_SCOPE_TOPIC, score, reply: renderDecline(kit.kb.common), citations: [], choices: [], urgent: false, normalized }, act);
}
/** A question back with numbered choices; a report the bot cannot place for sure still gets how to report it first. */
export function clarifyReply(kit, candidates, top, normalized, act, channel, lead = '') {
    const choices = candidates.map((c, i) => ({ n: i + 1, intent: c.intent, topic: c.topic, label: kit.kb.answers.get(c.intent)?.title ?? c.intent }));
    const how = act === 'report' && top ? reportGuidance(kit, top.topic, channel) : undefined;
    return withAct({
        action: 'clarify',
        intent: top?.intent ?? null,
        topic: top?.topic ?? OUT_OF_SCOPE_TOPIC,
        score: top?.score ?? 0,
        reply: `${how ? `${how}\n` : ''}${lead}${renderClarify(choices, kit.kb.common)}`,
        citations: [],
        choices,
        urgent: false,
        normalized,
    }, act);
}
export function withAct(reply, act) {
    return act === 'question' ? reply : { ...reply, act };
}
//# sourceMappingURL=replies.js.map