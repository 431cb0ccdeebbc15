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
  return {
    total,
    correct,
    accuracy: total === 0 ? 0 : correct / total,
    clarifyRate: total === 0 ? 0 : clarified.length / total,
    clarifyHitRate: clarified.length === 0 ? 0 : hits / clarified.length,
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
