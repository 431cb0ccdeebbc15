import type { Action, TopicId } from '../core/types.js';
import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC } from '../core/types.js';
import type { Consultation } from './types.js';

/**
 * The definition of every figure, once. Everything that prints a figure (`pufa simulate`,
 * `pufa stats`, every `pufa export` format, WeChat `#统计`, the web console) counts with
 * these rules; docs/statistics.md "Definitions" says the same in words, and the Redis
 * recording script (record-script.ts) applies them when it writes the aggregates.
 *
 * - 咨询 (consultation): one citizen question. A clarification ("您想问的是：1 … 2 …") and
 *   the citizen's reply to it ("1") are ONE consultation, counted under the topic and the
 *   outcome of the reply (the recording script moves the clarification's count there; the
 *   reply carries `replaces`).
 * - Small talk (topic `chitchat`: greetings, thanks, "what can you do") is not a
 *   consultation: it is counted apart as 闲聊 and is in no consultation figure.
 * - A 👍 / 👎 reply is not a consultation (it is counted as feedback on the answer).
 * - 解答 (answered): the bot answered the question directly (action `answer`); 追问澄清: the bot
 *   asked back and the citizen did not pick a choice; 非城管事项: outside the bureau's remit,
 *   the bot said where to go. 合计 = 解答 + 追问澄清 + 非城管事项.
 * - 解答率 (answered share) = 解答 / 合计.
 * - Secondary topics (`Consultation.secondaryTopics`: other topics one message also
 *   raised) are counted in a separate 兼涉 figure per topic; the consultation itself counts
 *   once, under its primary topic. A secondary equal to the primary is ignored.
 * - 咨询群众数 (citizens): distinct citizens who asked at least one consultation (HyperLogLog
 *   estimate, standard error 0.81 %, exact for small numbers).
 * - Test data (`Consultation.test`: the terminal chat, `pufa simulate`) is in no official
 *   figure; `--include-test` (console: a switch) adds it.
 */

/** Outcome counts of one row. `total` = answered + clarified + outOfScope. */
export interface Counts {
  /** 解答: the bot answered. */
  answered: number;
  /** 追问澄清: the bot asked which of a few topics was meant (and the citizen did not choose). */
  clarified: number;
  /** 非城管事项: not the bureau's business; the bot said where to go. */
  outOfScope: number;
  total: number;
}

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
} as const;

export const OUTCOME_KEYS: Readonly<Record<Action, keyof Omit<Counts, 'total'>>> = {
  answer: 'answered',
  clarify: 'clarified',
  out_of_scope: 'outOfScope',
};

export function emptyCounts(): Counts {
  return { answered: 0, clarified: 0, outOfScope: 0, total: 0 };
}

/** Add `n` consultations of outcome `action` (unknown actions are ignored). */
export function addOutcome(target: Counts, action: string, n = 1): void {
  const k = OUTCOME_KEYS[action as Action];
  if (!k) return;
  target[k] += n;
  target.total += n;
}

export function addCounts(target: Counts, src: Counts): void {
  target.answered += src.answered;
  target.clarified += src.clarified;
  target.outOfScope += src.outOfScope;
  target.total += src.total;
}

/** Small talk is not a consultation. */
export function isConsultation(c: Pick<Consultation, 'topic'>): boolean {
  return c.topic !== CHITCHAT_TOPIC;
}

/** 解答率: answered / total, rounded to 0.1 %; null when there is nothing to divide. */
export function answeredShare(c: Counts): number | null {
  return c.total > 0 ? Math.round((c.answered / c.total) * 1000) / 1000 : null;
}

/** `85.2%` (or `—`). */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** Relative change of `now` against `before`: 0.123 = +12.3 %; null when `before` is 0. */
export function change(now: number, before: number): number | null {
  return before > 0 ? Math.round(((now - before) / before) * 1000) / 1000 : null;
}

/** The secondary topics that count: distinct, not the primary, not small talk. */
export function secondaryTopicsOf(c: Pick<Consultation, 'topic' | 'secondaryTopics'>): TopicId[] {
  const out: TopicId[] = [];
  for (const t of c.secondaryTopics ?? []) {
    if (t && t !== c.topic && t !== CHITCHAT_TOPIC && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Why a consultation goes to the staff review list, if it does. */
export type ReviewReason = 'clarify' | 'out_of_scope' | 'low_score' | 'not_helpful';

export const REVIEW_REASON_NAMES: Readonly<Record<ReviewReason, string>> = {
  clarify: '追问澄清',
  out_of_scope: '非城管事项',
  low_score: '低置信度解答',
  not_helpful: '群众点了👎',
};

/**
 * Review-worthy: the bot asked back, declined, or answered with a score below `lowScore`
 * (STATS_REVIEW_LOW_SCORE). A 👎 adds the answered question later (see Feedback).
 */
export function reviewReason(c: Pick<Consultation, 'topic' | 'action' | 'score'>, lowScore: number): ReviewReason | undefined {
  if (c.topic === CHITCHAT_TOPIC) return undefined;
  if (c.action === 'clarify') return 'clarify';
  if (c.action === 'out_of_scope') return 'out_of_scope';
  if (c.action === 'answer' && c.topic !== OUT_OF_SCOPE_TOPIC && c.score < lowScore) return 'low_score';
  return undefined;
}

/** Longest question kept as an example for the summary. */
export const EXAMPLE_MAX_CHARS = 60;

/** A short, answered, official question may serve as an example in the summary. */
export function isExample(c: Pick<Consultation, 'topic' | 'action' | 'text' | 'test'>): boolean {
  return c.action === 'answer' && c.topic !== CHITCHAT_TOPIC && c.topic !== OUT_OF_SCOPE_TOPIC && !c.test && !!c.text && c.text.length >= 4 && c.text.length <= EXAMPLE_MAX_CHARS;
}

/** Consultations of a run, counted by the definitions above (what `pufa simulate` prints). */
export interface Tally {
  totals: Counts;
  /** Small-talk messages (not consultations). */
  chitchat: number;
  byTopic: Map<TopicId, Counts>;
  /** Secondary-topic mentions per topic. */
  secondary: Map<TopicId, number>;
  /** Clarifications resolved by the citizen's reply (counted once, under the reply). */
  resolvedClarifications: number;
}

/**
 * Count a list of consultations as the Redis aggregates do: a consultation that
 * `replaces` an earlier one of the list takes its place; small talk apart.
 */
export function tallyConsultations(list: readonly Consultation[]): Tally {
  const replaced = new Set<string>();
  const ids = new Set(list.map((c) => c.id).filter((id): id is string => !!id));
  for (const c of list) if (c.replaces && ids.has(c.replaces) && isConsultation(c)) replaced.add(c.replaces);
  const tally: Tally = { totals: emptyCounts(), chitchat: 0, byTopic: new Map(), secondary: new Map(), resolvedClarifications: replaced.size };
  for (const c of list) {
    if (c.id && replaced.has(c.id)) continue;
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
    for (const t of secondaryTopicsOf(c)) tally.secondary.set(t, (tally.secondary.get(t) ?? 0) + 1);
  }
  return tally;
}

/**
 * The one-line figures every tool prints the same way (pufa simulate, pufa stats, #统计):
 * `咨询 12 人次；解答 9，追问澄清 2，非城管事项 1；解答率 75.0%；闲聊 3`.
 */
export function figuresLine(c: Counts, chitchat: number): string {
  return `咨询 ${c.total} 人次；解答 ${c.answered}，追问澄清 ${c.clarified}，非城管事项 ${c.outOfScope}；解答率 ${formatShare(answeredShare(c))}；闲聊 ${chitchat}`;
}
