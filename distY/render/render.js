import { toChineseNumber } from '../knowledge/numerals.js';
import { CHITCHAT_TOPIC } from '../core/types.js';
/**
 * Turning answers into the text a citizen reads. Pure functions; every string here is
 * simplified Chinese because citizens read it.
 */
/** 14 → 第十四条 (law style: 第一百一十条). */
export function articleName(n) {
    return `第${toChineseNumber(n)}条`;
}
/**
 * The citation lines already formatted, by list: an answer's lists are fixed when the
 * knowledge base loads, and every reply of that answer formats the same list again.
 */
const formatted = new WeakMap();
/** "《城市道路管理条例》第二十七条、第四十二条；《武汉市市容环境卫生管理条例》" — one entry per law, articles in order. */
export function formatCitations(citations) {
    const known = formatted.get(citations);
    if (known !== undefined)
        return known;
    const text = formatCitationsOnce(citations);
    formatted.set(citations, text);
    return text;
}
function formatCitationsOnce(citations) {
    const byLaw = new Map();
    for (const c of citations) {
        const list = byLaw.get(c.law) ?? [];
        if (c.article !== undefined && !list.includes(c.article))
            list.push(c.article);
        byLaw.set(c.law, list);
    }
    return [...byLaw.entries()]
        .map(([law, articles]) => `《${law}》${articles.sort((a, b) => a - b).map(articleName).join('、')}`)
        .join('；');
}
/** Footer every legal answer carries: the disclaimer and the hotline. */
export function footer(common, disclaimer = common.disclaimer) {
    return `※ ${disclaimer}\n☎ ${common.hotline}`;
}
/**
 * Full reply for an answered intent: short form in groups, full form plus next steps in
 * private. Both forms come from the answer's legal points (the short form is the points
 * marked short), and each cites the articles of the points it shows.
 */
export function renderAnswer(entry, ctx) {
    const lines = [];
    const group = ctx.channel === 'room';
    if (entry.urgent)
        lines.push('【紧急】');
    lines.push(group ? entry.short.trim() : entry.full.trim());
    if (!group && ctx.steps !== false && entry.nextSteps.length > 0) {
        lines.push(`下一步可以这样做：\n${entry.nextSteps.map((s, i) => `${i + 1}. ${s.trim()}`).join('\n')}`);
    }
    const citations = group ? entry.shortCitations : entry.citations;
    if (citations.length > 0)
        lines.push(`依据：${formatCitations(citations)}`);
    if (entry.topic === CHITCHAT_TOPIC)
        lines.push(`☎ ${ctx.common.hotline}`);
    else
        lines.push(footer(ctx.common, entry.disclaimer));
    return lines.join('\n');
}
export function renderClarify(choices, common) {
    const head = choices.length === 1 ? '您想咨询的是不是下面这个问题？' : '您想咨询的是下面哪一项？';
    const list = choices.map((c) => `${c.n}. ${c.label}`).join('\n');
    const how = choices.length === 1 ? '是的话请回复 1' : `请回复数字 1–${choices.length}`;
    return `${head}\n${list}\n${how}；都不是的话，可以换个说法再问，或拨打${common.hotline}。`;
}
export function renderDecline(common) {
    return [
        '抱歉，这个问题我暂时回答不了，它可能不属于城管部门的职责范围。',
        `${common.otherMatters ? `非城管事项可拨打${common.otherMatters}咨询` : '非城管事项请向相关主管部门咨询'}；如果是城管方面的问题（如占道经营、违建、油烟、噪声、渣土、燃气安全等），请换个说法再问，例如“占道经营怎么处罚”。`,
        `☎ ${common.hotline}`,
    ].join('\n');
}
export function renderEmpty(common) {
    return `您好，我是城管普法助手。请用文字描述您想咨询的问题，例如“店门口摆摊会被罚款吗”。\n☎ ${common.hotline}`;
}
//# sourceMappingURL=render.js.map