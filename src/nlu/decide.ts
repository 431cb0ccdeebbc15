import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC, type Action, type IntentScore } from '../core/types.js';

/**
 * The three outcomes, chosen from the ranked intents by calibrated thresholds on the top
 * score and on the gap to the runner-up. Defaults come from `pufa calibrate` (k-fold
 * cross-validation over our own training utterances; see README "Accuracy").
 */
export interface Thresholds {
  /** Minimum top score to answer directly. */
  answer: number;
  /** Minimum top score to offer choices; below it the bot declines. */
  clarify: number;
  /** Minimum gap between the top two intents of different topics to answer directly. */
  gap: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.6, clarify: 0.3, gap: 0.2 };

export interface Decision {
  action: Action;
  /** The intent to answer (answer / out_of_scope with a redirect), or the top candidate (clarify). */
  top: IntentScore | undefined;
  /** Candidates offered when clarifying (2–3, in-scope only). */
  candidates: IntentScore[];
}

const MAX_CHOICES = 3;

function inScope(s: IntentScore): boolean {
  return s.topic !== OUT_OF_SCOPE_TOPIC && s.topic !== CHITCHAT_TOPIC;
}

/** Decide what to do with a ranking (highest first, `None` already removed). */
export function decide(ranking: readonly IntentScore[], t: Thresholds): Decision {
  const top = ranking[0];
  if (!top || top.score < t.clarify) return { action: 'out_of_scope', top: undefined, candidates: [] };

  // The runner-up that would change the answer: a different intent. Siblings of the same
  // topic still count, since 处罚 and 申请 are different answers.
  const second = ranking[1];
  const gap = top.score - (second?.score ?? 0);
  const confident = top.score >= t.answer && gap >= t.gap;

  if (top.topic === OUT_OF_SCOPE_TOPIC) {
    // A confident "this is not ours" declines with the redirect; a hesitant one may still
    // be an in-scope question worded oddly, so offer the in-scope candidates if any.
    const alternatives = ranking.filter(inScope).filter((s) => s.score >= Math.max(t.clarify / 2, top.score * 0.5));
    if (confident || alternatives.length === 0) return { action: 'out_of_scope', top, candidates: [] };
    return { action: 'clarify', top: alternatives[0], candidates: alternatives.slice(0, MAX_CHOICES) };
  }
  if (confident || top.topic === CHITCHAT_TOPIC) return { action: 'answer', top, candidates: [] };

  const floor = Math.max(t.clarify / 2, top.score * 0.25);
  const candidates = ranking.filter(inScope).filter((s) => s.score >= floor).slice(0, MAX_CHOICES);
  if (candidates.length === 0) return { action: 'out_of_scope', top: undefined, candidates: [] };
  return { action: 'clarify', top: candidates[0], candidates };
}
