import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC } from '../core/types.js';
/** The redirect for "not ours" when the department cannot be told (12345, the common departments). */
export const GENERAL_REDIRECT = `${OUT_OF_SCOPE_TOPIC}.other`;
/**
 * Chosen for the shipped brain by `pufa calibrate` (src/nlu/calibrate.ts: right answer +1,
 * wrong answer −2, useful question back +0.4, useless −0.3, wrong decline −1) on messages of
 * our own written the way citizens write (test/nlu/data/holdout-set.jsonl plus the dev set,
 * never the evaluation file). The held-out `intents/` utterances used before are too tidy to
 * tell these rules apart. README "Accuracy and speed".
 */
export const DEFAULT_THRESHOLDS = { answer: 0.25, clarify: 0.1, gap: 0.1, outOfScopeAlternatives: 0.5, offerNotOurs: true, sure: 0.6, generalRedirectBelow: 0.2 };
/**
 * The anchor's decision rule in `pufa eval --compare` and the bench: issue 7's "answering
 * only when its probability is ≥ 0.4", asking back below that (choices ≥ 0.15).
 */
export const ANCHOR_THRESHOLDS = { answer: 0.4, clarify: 0.15, gap: 0, outOfScopeAlternatives: 0.5, offerNotOurs: false };
const MAX_CHOICES = 3;
function inScope(s) {
    return s.topic !== OUT_OF_SCOPE_TOPIC && s.topic !== CHITCHAT_TOPIC;
}
/** A choice must be a topic the text gave evidence for (the ranker marks those without as `evidence: false`). */
function offerable(s) {
    return inScope(s) && s.evidence !== false;
}
/** Sum intent scores per topic, highest first. */
export function topicScores(ranking) {
    const byTopic = new Map();
    for (const s of ranking) {
        const t = byTopic.get(s.topic);
        if (!t)
            byTopic.set(s.topic, { topic: s.topic, score: s.score, best: s });
        else {
            t.score += s.score;
            if (s.score > t.best.score)
                t.best = s;
        }
    }
    return [...byTopic.values()].sort((a, b) => b.score - a.score);
}
/** The intent that speaks for "not ours": its best, or the general redirect when no department stands out. */
function redirectOf(ranking, notOurs, t) {
    const below = t.generalRedirectBelow;
    if (below === undefined || !(notOurs.score > 0) || notOurs.best.score / notOurs.score >= below)
        return notOurs.best;
    return ranking.find((s) => s.intent === GENERAL_REDIRECT) ?? notOurs.best;
}
/** Choices to offer: the best intent of each likely in-scope topic, then siblings. */
function choices(ranking, topics, floor) {
    const firsts = topics.filter((t) => t.score >= floor && offerable(t.best)).map((t) => t.best);
    const rest = ranking.filter(offerable).filter((s) => s.score >= floor && !firsts.includes(s));
    return [...firsts, ...rest].slice(0, MAX_CHOICES);
}
/**
 * A question back on a bureau topic, when "not ours" scores as much as a choice must: its
 * redirect as the last choice, in place of a third bureau topic. The citizen whose matter is
 * another department's gets where to go with one reply, as when "not ours" wins narrowly;
 * on our dev set this took the right choice from 3 of 4 questions back to 4 of 4, and no
 * question back of the holdout or fresh sets lost its right choice (README "Accuracy and speed").
 */
function withNotOurs(ranking, candidates, topics, floor, t) {
    const notOurs = topics.find((x) => x.topic === OUT_OF_SCOPE_TOPIC);
    if (!notOurs || notOurs.score < floor)
        return [...candidates];
    return [...candidates.slice(0, MAX_CHOICES - 1), redirectOf(ranking, notOurs, t)];
}
/** A letter's length when only its threshold is configured (NLU_LETTER_ANSWER_THRESHOLD without NLU_LETTER_CHARS). */
export const DEFAULT_LETTER_CHARS = 150;
/** The thresholds for a message of `chars` characters: a letter's answer threshold when it is one. */
export function thresholdsFor(t, chars) {
    if (!t.letter || chars < t.letter.chars || t.letter.answer <= t.answer)
        return t;
    return { ...t, answer: t.letter.answer };
}
/** Decide what to do with a ranking (highest first, `None` already removed). */
export function decide(ranking, t) {
    const topics = topicScores(ranking);
    const top = topics[0];
    if (!top || top.score < t.clarify)
        return { action: 'out_of_scope', top: undefined, candidates: [], confidence: top?.score ?? 0 };
    const gap = top.score - (topics[1]?.score ?? 0);
    // Like a choice, a direct answer on a bureau topic needs a word of the text for that topic
    // (src/nlu/evidence.ts), unless the model is `sure` of it ("城管投诉电话是多少": 投诉 and 电话
    // are every topic's words); small talk and "not ours" go by the score alone (你好 is in every letter).
    const confident = top.score >= t.answer && gap >= t.gap && (top.best.evidence !== false || !inScope(top) || (t.sure !== undefined && top.score >= t.sure));
    const floor = Math.max(t.clarify / 2, top.score * 0.25);
    // "Not ours" is the best guess. Confident, or with no bureau topic the text has words for
    // within `outOfScopeAlternatives` of it: decline with the redirect of that out-of-scope
    // intent. Otherwise ask back with those topics (and, with `offerNotOurs`, the redirect as
    // the last choice): on real-style letters "not ours" often wins narrowly over the bureau
    // matter the letter is about, and declining it sends the citizen away (README).
    if (top.topic === OUT_OF_SCOPE_TOPIC) {
        const share = t.outOfScopeAlternatives;
        const alternatives = share === undefined || confident ? [] : choices(ranking, topics, Math.max(floor, top.score * share));
        const redirect = redirectOf(ranking, top, t);
        if (alternatives.length === 0)
            return { action: 'out_of_scope', top: redirect, candidates: [], confidence: top.score };
        const candidates = t.offerNotOurs ? [...alternatives.slice(0, MAX_CHOICES - 1), redirect] : alternatives;
        return { action: 'clarify', top: alternatives[0], candidates, confidence: top.score };
    }
    if (confident)
        return { action: 'answer', top: top.best, candidates: [], confidence: top.score };
    const candidates = choices(ranking, topics, floor);
    if (candidates.length === 0)
        return { action: 'out_of_scope', top: undefined, candidates: [], confidence: top?.score ?? 0 };
    return { action: 'clarify', top: candidates[0], candidates: t.offerNotOurs ? withNotOurs(ranking, candidates, topics, floor, t) : candidates, confidence: top.score };
}
//# sourceMappingURL=decide.js.map