import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC } from '../core/types.js';
/** Chinese names of the figures as staff read them (tables, console tooltips). */
export const FIGURE_NAMES = {
    consultations: '咨询人次',
    answered: '解答',
    clarified: '追问澄清',
    outOfScope: '非城管事项',
    total: '合计',
    answeredShare: '解答率',
    citizens: '咨询群众数',
    chitchat: '闲聊',
    secondary: '兼涉',
    helpful: '有帮助',
    notHelpful: '没帮助',
    pushes: '公告推送',
    groupsReached: '送达群次',
};
export const OUTCOME_KEYS = {
    answer: 'answered',
    clarify: 'clarified',
    out_of_scope: 'outOfScope',
};
export function emptyCounts() {
    return { answered: 0, clarified: 0, outOfScope: 0, total: 0 };
}
/** Add `n` consultations of outcome `action` (unknown actions are ignored). */
export function addOutcome(target, action, n = 1) {
    const k = OUTCOME_KEYS[action];
    if (!k)
        return;
    target[k] += n;
    target.total += n;
}
export function addCounts(target, src) {
    target.answered += src.answered;
    target.clarified += src.clarified;
    target.outOfScope += src.outOfScope;
    target.total += src.total;
}
/** Small talk is not a consultation. */
export function isConsultation(c) {
    return c.topic !== CHITCHAT_TOPIC;
}
/** 解答率: answered / total, rounded to 0.1 %; null when there is nothing to divide. */
export function answeredShare(c) {
    return c.total > 0 ? Math.round((c.answered / c.total) * 1000) / 1000 : null;
}
/** `85.2%` (or `—`). */
export function formatShare(share) {
    return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}
/** Relative change of `now` against `before`: 0.123 = +12.3 %; null when `before` is 0. */
export function change(now, before) {
    return before > 0 ? Math.round(((now - before) / before) * 1000) / 1000 : null;
}
/** The secondary topics that count: distinct, not the primary, not small talk. */
export function secondaryTopicsOf(c) {
    const out = [];
    for (const t of c.secondaryTopics ?? []) {
        if (t && t !== c.topic && t !== CHITCHAT_TOPIC && !out.includes(t))
            out.push(t);
    }
    return out;
}
export const REVIEW_REASON_NAMES = {
    clarify: '追问澄清',
    out_of_scope: '非城管事项',
    low_score: '低置信度解答',
    not_helpful: '群众点了👎',
};
/**
 * Review-worthy: the bot asked back, declined, or answered with a score below `lowScore`
 * (STATS_REVIEW_LOW_SCORE). A 👎 adds the answered question later (see Feedback).
 */
export function reviewReason(c, lowScore) {
    if (c.topic === CHITCHAT_TOPIC)
        return undefined;
    if (c.action === 'clarify')
        return 'clarify';
    if (c.action === 'out_of_scope')
        return 'out_of_scope';
    if (c.action === 'answer' && c.topic !== OUT_OF_SCOPE_TOPIC && c.score < lowScore)
        return 'low_score';
    return undefined;
}
/** Longest question kept as an example for the summary. */
export const EXAMPLE_MAX_CHARS = 60;
/** A short, answered, official question may serve as an example in the summary. */
export function isExample(c) {
    return c.action === 'answer' && c.topic !== CHITCHAT_TOPIC && c.topic !== OUT_OF_SCOPE_TOPIC && !c.test && !!c.text && c.text.length >= 4 && c.text.length <= EXAMPLE_MAX_CHARS;
}
/**
 * Count a list of consultations as the Redis aggregates do: a consultation that
 * `replaces` an earlier one of the list takes its place; small talk apart.
 */
export function tallyConsultations(list) {
    const replaced = new Set();
    const ids = new Set(list.map((c) => c.id).filter((id) => !!id));
    for (const c of list)
        if (c.replaces && ids.has(c.replaces) && isConsultation(c))
            replaced.add(c.replaces);
    const tally = { totals: emptyCounts(), chitchat: 0, byTopic: new Map(), secondary: new Map(), resolvedClarifications: replaced.size };
    for (const c of list) {
        if (c.id && replaced.has(c.id))
            continue;
        if (!isConsultation(c)) {
            tally.chitchat += 1;
            continue;
        }
        addOutcome(tally.totals, c.action);
        let row = tally.byTopic.get(c.topic);
        if (!row) {
            row = emptyCounts();
            tally.byTopic.set(c.topic, row);
        }
        addOutcome(row, c.action);
        for (const t of secondaryTopicsOf(c))
            tally.secondary.set(t, (tally.secondary.get(t) ?? 0) + 1);
    }
    return tally;
}
/**
 * The one-line figures every tool prints the same way (pufa simulate, pufa stats, #统计):
 * `咨询 12 人次；解答 9，追问澄清 2，非城管事项 1；解答率 75.0%；闲聊 3`.
 */
export function figuresLine(c, chitchat) {
    return `咨询 ${c.total} 人次；解答 ${c.answered}，追问澄清 ${c.clarified}，非城管事项 ${c.outOfScope}；解答率 ${formatShare(answeredShare(c))}；闲聊 ${chitchat}`;
}
//# sourceMappingURL=definitions.js.map