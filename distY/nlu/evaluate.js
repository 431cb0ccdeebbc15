import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC } from '../core/types.js';
export function predictedTopic(reply) {
    if (reply.action === 'clarify')
        return 'clarify';
    if (reply.action === 'out_of_scope')
        return OUT_OF_SCOPE_TOPIC;
    return reply.topic === CHITCHAT_TOPIC ? CHITCHAT_TOPIC : reply.topic;
}
function subset(preds) {
    const total = preds.length;
    const correct = preds.filter((p) => p.predicted === p.item.topic).length;
    const clarified = preds.filter((p) => p.predicted === 'clarify');
    const hits = clarified.filter((p) => p.reply.choices.some((c) => c.topic === p.item.topic)).length;
    const ranked = (p) => (p.ranked && p.ranked.length > 0 ? p.ranked : [OUT_OF_SCOPE_TOPIC]);
    const top1 = preds.filter((p) => ranked(p)[0] === p.item.topic).length;
    const top3 = preds.filter((p) => ranked(p).slice(0, 3).includes(p.item.topic)).length;
    const committed = preds.filter((p) => p.predicted !== 'clarify');
    const oos = preds.filter((p) => p.item.topic === OUT_OF_SCOPE_TOPIC);
    const ratio = (a, b) => (b === 0 ? 0 : a / b);
    return {
        total,
        correct,
        accuracy: ratio(correct, total),
        clarifyRate: ratio(clarified.length, total),
        clarifyHitRate: ratio(hits, clarified.length),
        top1: ratio(top1, total),
        top3: ratio(top3, total),
        coverage: ratio(committed.length, total),
        answeredPrecision: ratio(committed.filter((p) => p.predicted === p.item.topic).length, committed.length),
        outOfScope: oos.length,
        outOfScopeDeclined: oos.length === 0 ? null : oos.filter((p) => p.reply.action === 'out_of_scope').length / oos.length,
    };
}
export function scorePredictions(preds) {
    const labels = [...new Set(preds.map((p) => p.item.topic))].sort();
    const topics = labels.map((topic) => {
        const support = preds.filter((p) => p.item.topic === topic).length;
        const predicted = preds.filter((p) => p.predicted === topic).length;
        const correct = preds.filter((p) => p.item.topic === topic && p.predicted === topic).length;
        const precision = predicted === 0 ? 0 : correct / predicted;
        const recall = support === 0 ? 0 : correct / support;
        const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
        return { topic, support, predicted, correct, precision, recall, f1 };
    });
    const conf = new Map();
    for (const p of preds) {
        if (p.predicted === p.item.topic)
            continue;
        const key = `${p.item.topic}\u0000${p.predicted}`;
        conf.set(key, (conf.get(key) ?? 0) + 1);
    }
    const confusions = [...conf.entries()]
        .map(([k, count]) => {
        const [label = '', predicted = ''] = k.split('\u0000');
        return { label, predicted, count };
    })
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return {
        ...subset(preds),
        certain: subset(preds.filter((p) => !p.item.uncertain)),
        uncertain: subset(preds.filter((p) => p.item.uncertain === true)),
        topics,
        confusions,
    };
}
//# sourceMappingURL=evaluate.js.map