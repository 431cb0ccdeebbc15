import { describe, expect, it } from 'vitest';
import { ANCHOR_THRESHOLDS, DEFAULT_THRESHOLDS, decide, thresholdsFor } from '../../src/nlu/decide.js';

const t = { answer: 0.6, clarify: 0.3, gap: 0.2 };
const s = (intent: string, score: number) => ({ intent, topic: intent.split('.')[0] ?? '', score });

describe('decide', () => {
  it('answers a confident, clear winner', () => {
    const d = decide([s('street_vending.penalty', 0.92), s('street_vending.permit', 0.05)], t);
    expect(d.action).toBe('answer');
    expect(d.top?.intent).toBe('street_vending.penalty');
  });

  it('clarifies when the top two are close, offering both', () => {
    const d = decide([s('noise.report', 0.48), s('fumes_bbq.bbq', 0.41), s('street_vending.report', 0.08)], t);
    expect(d.action).toBe('clarify');
    expect(d.candidates.map((c) => c.intent)).toEqual(['noise.report', 'fumes_bbq.bbq']);
  });

  it('offers at most three choices', () => {
    const d = decide([s('a.x', 0.35), s('b.x', 0.3), s('c.x', 0.2), s('d.x', 0.15)], t);
    expect(d.action).toBe('clarify');
    expect(d.candidates).toHaveLength(3);
  });

  it('reports the score the decision was taken on: the topic\'s, not the intent\'s share of it', () => {
    const d = decide([s('greenery.damage', 0.13), s('greenery.trees', 0.13), s('greenery.occupy', 0.13), s('noise.report', 0.05)], { answer: 0.3, clarify: 0.1, gap: 0.2 });
    expect(d.action).toBe('answer');
    expect(d.confidence).toBeCloseTo(0.39);
  });

  it('declines when nothing scores above the clarify threshold', () => {
    expect(decide([s('noise.report', 0.2)], t).action).toBe('out_of_scope');
    expect(decide([], t).action).toBe('out_of_scope');
  });

  it('declines with the redirect when an out-of-scope intent wins clearly', () => {
    const d = decide([s('out_of_scope.traffic', 0.9), s('parking.penalty', 0.05)], t);
    expect(d.action).toBe('out_of_scope');
    expect(d.top?.intent).toBe('out_of_scope.traffic');
  });

  it('declines with the redirect when an out-of-scope intent wins, even narrowly (no bureau topics offered that scored lower)', () => {
    const d = decide([s('out_of_scope.appliance', 0.45), s('fumes_bbq.fumes', 0.4)], t);
    expect(d.action).toBe('out_of_scope');
    expect(d.top?.intent).toBe('out_of_scope.appliance');
    expect(d.candidates).toEqual([]);
  });

  it('with the shipped rule, asks back when "not ours" wins narrowly: the bureau topics with evidence, then the redirect of "not ours" last', () => {
    const shipped = { ...DEFAULT_THRESHOLDS, answer: 0.6, clarify: 0.3, gap: 0.2 };
    const d = decide([s('out_of_scope.appliance', 0.45), s('fumes_bbq.fumes', 0.4), s('noise.report', 0.1)], shipped);
    expect(d.action).toBe('clarify');
    expect(d.top?.intent).toBe('fumes_bbq.fumes');
    expect(d.candidates.map((c) => c.intent)).toEqual(['fumes_bbq.fumes', 'out_of_scope.appliance']);
    // Confident "not ours" is still declined with its redirect.
    expect(decide([s('out_of_scope.traffic', 0.9), s('parking.penalty', 0.05)], shipped).action).toBe('out_of_scope');
    // A bureau topic the text gave no evidence for is not offered, so nothing is left to ask: decline.
    const noEvidence = decide([s('out_of_scope.appliance', 0.45), { ...s('fumes_bbq.fumes', 0.4), evidence: false }], shipped);
    expect(noEvidence.action).toBe('out_of_scope');
  });

  it('with the shipped rule, a question back on bureau topics also offers "not ours" last when it scores as much as a choice must', () => {
    const shipped = { ...DEFAULT_THRESHOLDS, answer: 0.6, clarify: 0.3, gap: 0.2 };
    const d = decide([s('noise.report', 0.4), s('fumes_bbq.fumes', 0.3), s('street_vending.report', 0.18), s('out_of_scope.neighbor', 0.16)], shipped);
    expect(d.action).toBe('clarify');
    expect(d.top?.intent).toBe('noise.report');
    expect(d.candidates.map((c) => c.intent)).toEqual(['noise.report', 'fumes_bbq.fumes', 'out_of_scope.neighbor']);
    // Below the floor of a choice (max(clarify / 2, a quarter of the top)), it is not offered.
    const low = decide([s('noise.report', 0.4), s('fumes_bbq.fumes', 0.3), s('out_of_scope.neighbor', 0.1)], shipped);
    expect(low.candidates.map((c) => c.intent)).toEqual(['noise.report', 'fumes_bbq.fumes']);
    // The anchor keeps its first rule.
    const anchor = decide([s('noise.report', 0.4), s('fumes_bbq.fumes', 0.3), s('out_of_scope.neighbor', 0.2)], { ...ANCHOR_THRESHOLDS, answer: 0.6, clarify: 0.3 });
    expect(anchor.candidates.map((c) => c.topic)).not.toContain('out_of_scope');
  });

  it("keeps the anchor's rule: bureau alternatives without the redirect choice", () => {
    const d = decide([s('out_of_scope.appliance', 0.45), s('fumes_bbq.fumes', 0.4)], { ...ANCHOR_THRESHOLDS, answer: 0.6, clarify: 0.3 });
    expect(d.action).toBe('clarify');
    expect(d.candidates.map((c) => c.intent)).toEqual(['fumes_bbq.fumes']);
  });

  it('never offers chitchat or out-of-scope intents as choices (without the shipped redirect rule)', () => {
    const d = decide([s('chitchat.greeting', 0.2), s('noise.report', 0.4), s('out_of_scope.other', 0.35)], t);
    expect(d.candidates.every((c) => c.topic !== 'chitchat' && c.topic !== 'out_of_scope')).toBe(true);
  });

  it('never offers a topic the text gave no evidence for', () => {
    const ranking = [
      { ...s('gas_safety.leak', 0.3), evidence: false },
      { ...s('noise.night', 0.25), evidence: true },
      { ...s('waste_sorting.how', 0.2), evidence: false },
    ];
    const d = decide(ranking, { answer: 0.5, clarify: 0.15, gap: 0.2 });
    expect(d.action).toBe('clarify');
    expect(d.candidates.map((c) => c.topic)).toEqual(['noise']);
    const none = decide(ranking.map((r) => ({ ...r, evidence: false })), { answer: 0.5, clarify: 0.15, gap: 0.2 });
    expect(none.action).toBe('out_of_scope');
    expect(none.candidates).toEqual([]);
  });

  it('does not answer on a topic the text gave no evidence for', () => {
    const d = decide([{ ...s('gas_safety.leak', 0.9), evidence: false }, { ...s('noise.night', 0.05), evidence: true }], { answer: 0.5, clarify: 0.15, gap: 0.2 });
    expect(d.action).not.toBe('answer');
    const ok = decide([{ ...s('gas_safety.leak', 0.9), evidence: true }], { answer: 0.5, clarify: 0.15, gap: 0.2 });
    expect(ok.action).toBe('answer');
  });

  it('declines with the general redirect when no department stands out within "not ours"', () => {
    const t2 = { answer: 0.25, clarify: 0.1, gap: 0.1, generalRedirectBelow: 0.2 };
    const flat = [s('out_of_scope.social_security', 0.09), s('out_of_scope.traffic', 0.08), s('out_of_scope.other', 0.07), ...['a', 'b', 'c', 'd', 'e', 'f'].map((x) => s(`out_of_scope.${x}`, 0.06)), { ...s('parking.sidewalk', 0.05), evidence: false }];
    const d = decide(flat, t2);
    expect(d.action).toBe('out_of_scope');
    expect(d.top?.intent).toBe('out_of_scope.other');
    // One department stands out: its own redirect.
    const clear = decide([s('out_of_scope.traffic', 0.5), s('out_of_scope.other', 0.1), s('out_of_scope.labor', 0.1)], t2);
    expect(clear.top?.intent).toBe('out_of_scope.traffic');
    // Unset (the anchor): the best intent, however small its share.
    expect(decide(flat, { answer: 0.25, clarify: 0.1, gap: 0.1 }).top?.intent).toBe('out_of_scope.social_security');
    // The redirect offered as the last choice of a question back follows the same rule.
    const ask = decide([{ ...s('parking.sidewalk', 0.4), evidence: true }, s('out_of_scope.social_security', 0.08), s('out_of_scope.other', 0.07), ...['a', 'b', 'c', 'd', 'e', 'f'].map((x) => s(`out_of_scope.${x}`, 0.05))], { ...t2, outOfScopeAlternatives: 0.5, offerNotOurs: true });
    expect(ask.action).toBe('clarify');
    expect(ask.candidates.map((c) => c.intent)).toEqual(['parking.sidewalk', 'out_of_scope.other']);
  });

  it('answers without an evidence word only when the model is at least `sure` of the topic', () => {
    const sure = { answer: 0.25, clarify: 0.1, gap: 0.1, sure: 0.6 };
    const high = decide([{ ...s('hotline_report.hotline', 0.85), evidence: false }, { ...s('noise.night', 0.05), evidence: true }], sure);
    expect(high.action).toBe('answer');
    expect(high.top?.intent).toBe('hotline_report.hotline');
    const below = decide([{ ...s('gas_safety.leak', 0.58), evidence: false }, { ...s('out_of_scope.other', 0.3), evidence: false }], sure);
    expect(below.action).toBe('out_of_scope');
    expect(DEFAULT_THRESHOLDS.sure).toBe(0.6);
  });

  it('answers a letter only from its own threshold: the same ranking is asked back in a letter and answered in a question', () => {
    const withLetters = { ...t, answer: 0.3, gap: 0.1, letter: { chars: 150, answer: 0.4 } };
    const ranking = [s('city_appearance.sanitation', 0.34), s('waste_sorting.rules', 0.2), s('out_of_scope.other', 0.1)];
    expect(decide(ranking, thresholdsFor(withLetters, 40)).action).toBe('answer');
    const inLetter = decide(ranking, thresholdsFor(withLetters, 150));
    expect(inLetter.action).toBe('clarify');
    expect(inLetter.candidates.map((c) => c.topic)).toEqual(['city_appearance', 'waste_sorting']);
    expect(decide([s('noise.report', 0.45), s('fumes_bbq.bbq', 0.2)], thresholdsFor(withLetters, 300)).action).toBe('answer');
  });

  it('keeps the thresholds as they are without a letter rule, or when the letter rule asks no more', () => {
    expect(thresholdsFor(t, 1000)).toBe(t);
    const lower = { ...t, letter: { chars: 100, answer: 0.5 } };
    expect(thresholdsFor(lower, 1000)).toBe(lower);
    expect(thresholdsFor(DEFAULT_THRESHOLDS, 10)).toBe(DEFAULT_THRESHOLDS);
  });
});
