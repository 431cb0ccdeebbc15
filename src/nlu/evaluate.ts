import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC, type BrainReply } from '../core/types.js';

/**
 * Scoring of labelled questions. The predicted topic is the topic of the answered intent;
 * `out_of_scope` when the bot declines; `clarify` when it asks (never equal to a label).
 */
export interface EvalItem {
  text: string;
  topic: string;
  uncertain?: boolean;
}

export interface TopicMetrics {
  topic: string;
  support: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalSubset {
  total: number;
  correct: number;
  accuracy: number;
  /** Share of lines where the bot asked instead of answering. */
  clarifyRate: number;
  /** Share of clarify lines whose offered choices contained the right topic. */
  clarifyHitRate: number;
  /** Share of lines whose top-ranked topic (no thresholds) is the label; a line with no ranking counts as out_of_scope. */
  top1: number;
  /** Share of lines whose label is among the three top-ranked topics. */
  top3: number;
  /** Share of lines the bot committed on (answered, or declined as not ours) instead of asking back. */
  coverage: number;
  /** Of the committed lines, the share on the right topic (a decline is right for out_of_scope lines). */
  answeredPrecision: number;
  /** Lines labelled out_of_scope, and the share of them declined (null when there are none). */
  outOfScope: number;
  outOfScopeDeclined: number | null;
}

export interface EvalReport extends EvalSubset {
  certain: EvalSubset;
  uncertain: EvalSubset;
  topics: TopicMetrics[];
  /** label → predicted → count, for mistakes only, most frequent first. */
  confusions: { label: string; predicted: string; count: number }[];
}

export interface EvalPrediction {
  item: EvalItem;
  predicted: string;
  reply: BrainReply;
  /** Topic ids as the ranker orders them for the whole text (no thresholds), if known. */
  ranked?: readonly string[];
}

export function predictedTopic(reply: BrainReply): string {
  if (reply.action === 'clarify') return 'clarify';
  if (reply.action === 'out_of_scope') return OUT_OF_SCOPE_TOPIC;
  return reply.topic === CHITCHAT_TOPIC ? CHITCHAT_TOPIC : reply.topic;
}

function subset(preds: readonly EvalPrediction[]): EvalSubset {
  const total = preds.length;
  const correct = preds.filter((p) => p.predicted === p.item.topic).length;
  const clarified = preds.filter((p) => p.predicted === 'clarify');
  const hits = clarified.filter((p) => p.reply.choices.some((c) => c.topic === p.item.topic)).length;
  const ranked = (p: EvalPrediction): readonly string[] => (p.ranked && p.ranked.length > 0 ? p.ranked : [OUT_OF_SCOPE_TOPIC]);
  const top1 = preds.filter((p) => ranked(p)[0] === p.item.topic).length;
  const top3 = preds.filter((p) => ranked(p).slice(0, 3).includes(p.item.topic)).length;
  const committed = preds.filter((p) => p.predicted !== 'clarify');
  const oos = preds.filter((p) => p.item.topic === OUT_OF_SCOPE_TOPIC);
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
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

export function scorePredictions(preds: readonly EvalPrediction[]): EvalReport {
  const labels = [...new Set(preds.map((p) => p.item.topic))].sort();
  const topics: TopicMetrics[] = labels.map((topic) => {
    const support = preds.filter((p) => p.item.topic === topic).length;
    const predicted = preds.filter((p) => p.predicted === topic).length;
    const correct = preds.filter((p) => p.item.topic === topic && p.predicted === topic).length;
    const precision = predicted === 0 ? 0 : correct / predicted;
    const recall = support === 0 ? 0 : correct / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { topic, support, predicted, correct, precision, recall, f1 };
  });
  const conf = new Map<string, number>();
  for (const p of preds) {
    if (p.predicted === p.item.topic) continue;
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
