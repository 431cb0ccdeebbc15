/**
 * Safety net for emergencies. A gas leak must get the emergency steps at once, never a
 * "which of these did you mean?" question, even when the classifier is unsure — so a
 * message that plainly reports a leak is routed to the urgent answer by these patterns.
 * "打不着火" (a stove that will not light) is a repair question, not a fire: 着火 after 不 is not an emergency;
 * nor is an explosion or a fire feared ("担心会爆炸", "会不会起火"): that question gets its topic's answer.
 */
const GAS = '(?:燃气|煤气|天然气|液化气|液化石油气|气罐|煤气罐)';
/** A fear of what might happen ("放了好几个液化气罐，担心会爆炸") is a safety question, not an emergency being reported. */
const WORRY = '担心|担心会|害怕|怕|怕会|会不会|万一|容易|可能|可能会|防止|以免|小心';
/**
 * 漏气 denied or checked for ("师傅上门查了也没有漏气", "燃气公司让我自己查漏气", "有没有漏气") tells of
 * no leak: a gas-bill letter that rules a leak out is not an emergency. A leak reported
 * ("燃气好像漏气了", "漏气了怎么办") or a smell is still caught.
 */
const NOT_A_LEAK = '(?<![查没不无冇]|没有|没得)';
export const URGENT_PATTERNS = [
    {
        topic: 'gas_safety',
        pattern: new RegExp(`${GAS}.{0,10}(?:泄漏|泄露|${NOT_A_LEAK}漏气|漏了|在漏|味道?很?(?:大|重|浓)|(?:有一?股|有点|有些|一股)(?:怪|臭|异|刺鼻的?)?味|(?<!${WORRY})爆炸|(?<!不|${WORRY})着火|(?<!${WORRY})起火)|(?:闻到|有一?股|好大|很大).{0,6}${GAS}.{0,2}味|${NOT_A_LEAK}漏气`, 'u'),
    },
    {
        // Gas smelt without its name: the odorant's rotten-egg smell indoors ("楼道里有股臭鸡蛋味 越来越浓").
        // A drain or a cesspit smells the same: a text naming one is not an emergency.
        topic: 'gas_safety',
        pattern: /^(?![^]*(?:下水道?|化粪池|厕所|粪|污水|垃圾|水沟|臭水|河|沟渠|排水))[^]*(?:臭鸡蛋|烂鸡蛋|坏鸡蛋)的?(?:气味|味道?|气)/u,
    },
];
/** The topic of an emergency this text reports, if any. */
export function urgentTopic(text) {
    return URGENT_PATTERNS.find((u) => u.pattern.test(text))?.topic;
}
//# sourceMappingURL=safety.js.map