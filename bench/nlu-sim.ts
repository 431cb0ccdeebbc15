// Decision rules and threshold calibration on the out-of-fold and dev-set probabilities of bench/nlu-cv.ts (topic level, evidence as shipped).
// MODELS=word_bal+char GRID='[{"answer":0.25,"clarify":0.1,"gap":0.2}]' npx tsx bench/nlu-sim.ts prints the eval rows; CALIB=1 runs the utility grid of `pufa calibrate`.
import { readFileSync } from 'node:fs';
import { decide, type Thresholds } from '../src/nlu/decide.js';
import { TopicEvidence } from '../src/nlu/evidence.js';
import type { IntentScore } from '../src/core/types.js';
import { generalFrequencies } from '../src/nlu/tokenizer.js';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
const kbT = loadKnowledgeBase({ intentsDir: 'intents', knowledgeDir: 'knowledge' });
const evOpts = process.env.EVOLD ? {} : process.env.EVTERMS ? { terms: kbT.terms } : { generalFrequency: generalFrequencies, terms: kbT.terms };
const J = JSON.parse(readFileSync(process.env.NLU_CV_FILE ?? '/tmp/nlu-cv.json', 'utf8'));
const classes: string[] = J.classes;
const samples: { n: string; topic: string; intent: string; fold: number; tokens: string[] }[] = J.samples;
const dev: { n: string; topic: string; tokens: string[] }[] = J.dev;
const FOLDS = 5;
// evidence per fold, and full
const intentsOf = (keep: (i: number) => boolean) => {
  const m = new Map<string, { id: string; topic: string; utterances: string[] }>();
  samples.forEach((s, i) => { if (!keep(i)) return; const e = m.get(s.intent) ?? { id: s.intent, topic: s.topic, utterances: [] }; e.utterances.push(s.n); m.set(s.intent, e); });
  return [...m.values()];
};
const tokOf = new Map<string, string[]>(); samples.forEach((s) => tokOf.set(s.n, s.tokens)); dev.forEach((d) => tokOf.set(d.n, d.tokens));
const tokenize = (t: string) => tokOf.get(t) ?? [];
const evFold = Array.from({ length: FOLDS }, (_, f) => TopicEvidence.train(intentsOf((i) => samples[i]!.fold !== f) as never, tokenize, (s) => s, evOpts));
const evFull = TopicEvidence.train(intentsOf(() => true) as never, tokenize, (s) => s, evOpts);
type Row = { topic: string; p: number[]; ev: Set<string>; len: number };
function mix(name: string, i: number, src: 'oof' | 'devP'): number[] {
  const parts = name.split('+');
  const ws = parts.map((p) => { const [n, w] = p.split('*'); return { n: n!, w: Number(w ?? 1) }; });
  const tot = ws.reduce((a, b) => a + b.w, 0);
  const out = new Array(classes.length).fill(0);
  for (const { n, w } of ws) { const p = J[src][n][i] as number[]; if (!p.length) return []; p.forEach((v, k) => (out[k] += (w / tot) * v)); }
  return out;
}
function metrics(rows: Row[], t: Thresholds, useEv: boolean) {
  let correct = 0, top1 = 0, top3 = 0, committed = 0, comRight = 0, clar = 0, hits = 0, oos = 0, oosDec = 0;
  for (const r of rows) {
    const ranking: IntentScore[] = r.p.map((v, k) => ({ intent: classes[k]!, topic: classes[k]!, score: v, ...(useEv ? { evidence: r.ev.has(classes[k]!) } : {}) })).sort((a, b) => b.score - a.score);
    const d = decide(r.p.length ? ranking : [], t);
    const order = ranking.map((x) => x.topic);
    if ((order[0] ?? 'out_of_scope') === r.topic) top1++;
    if ((order.length ? order.slice(0, 3) : ['out_of_scope']).includes(r.topic)) top3++;
    const pred = d.action === 'clarify' ? 'clarify' : d.action === 'out_of_scope' ? 'out_of_scope' : d.top!.topic;
    if (pred === r.topic) correct++;
    if (pred !== 'clarify') { committed++; if (pred === r.topic) comRight++; } else { clar++; if (d.candidates.some((c) => c.topic === r.topic)) hits++; }
    if (r.topic === 'out_of_scope') { oos++; if (d.action === 'out_of_scope') oosDec++; }
  }
  const f = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-').padStart(6);
  return `acc${f(correct, rows.length)} top1${f(top1, rows.length)} top3${f(top3, rows.length)} cov${f(committed, rows.length)} prec${f(comRight, committed)} hit${f(hits, clar)} oos${f(oosDec, oos)}`;
}
const models = (process.env.MODELS ?? Object.keys(J.oof).join(',')).split(',');
const grids: Thresholds[] = JSON.parse(process.env.GRID ?? '[{"answer":0.3,"clarify":0.15,"gap":0.15},{"answer":0.4,"clarify":0.15,"gap":0}]');
const useEv = process.env.NOEV !== '1';
for (const m of models) {
  const oofRows: Row[] = samples.map((s, i) => ({ topic: s.topic, p: mix(m, i, 'oof'), ev: evFold[s.fold]!.topics(s.tokens), len: [...s.n].length }));
  const devRows: Row[] = dev.map((d, i) => ({ topic: d.topic, p: mix(m, i, 'devP'), ev: evFull.topics(d.tokens), len: [...d.n].length }));
  for (const t of grids) {
    console.log(`${m.padEnd(28)} ${JSON.stringify(t)}\n  oof  ${metrics(oofRows, t, useEv)}\n  long ${metrics(oofRows.filter((r) => r.len >= 50), t, useEv)}\n  dev  ${metrics(devRows, t, useEv)}`);
  }
}
// utility grid (calibrate.ts weights, topic level) on OOF + dev
if (process.env.CALIB) {
  for (const m of models) {
    const oofRows: Row[] = samples.map((s, i) => ({ topic: s.topic, p: mix(m, i, 'oof'), ev: evFold[s.fold]!.topics(s.tokens), len: [...s.n].length }));
    const devRows: Row[] = dev.map((d, i) => ({ topic: d.topic, p: mix(m, i, 'devP'), ev: evFull.topics(d.tokens), len: [...d.n].length }));
    const rows = process.env.LONGONLY ? [...oofRows.filter((r) => r.len >= 50), ...devRows] : [...oofRows, ...devRows];
    const rankings = rows.map((r) => ({ r, ranking: r.p.map((v, k) => ({ intent: classes[k]!, topic: classes[k]!, score: v, evidence: r.ev.has(classes[k]!) })).sort((a, b) => b.score - a.score) }));
    let best: { u: number; t: Thresholds } | undefined;
    for (let a = 0.25; a <= 0.71; a += 0.05) for (let c = 0.05; c <= a; c += 0.05) for (let g = 0; g <= 0.41; g += 0.05) {
      const t = { answer: +a.toFixed(2), clarify: +c.toFixed(2), gap: +g.toFixed(2) };
      let u = 0, com = 0, comOk = 0;
      for (const { r, ranking } of rankings) {
        const d = decide(r.p.length ? ranking : [], t);
        if (d.action !== 'clarify') { com++; if ((d.action === 'answer' ? d.top!.topic : 'out_of_scope') === r.topic) comOk++; }
        if (d.action === 'answer') u += d.top!.topic === r.topic ? 1 : -Number(process.env.COST ?? 2);
        else if (d.action === 'clarify') u += d.candidates.some((x) => x.topic === r.topic) ? 0.4 : -0.3;
        else u += r.topic === 'out_of_scope' ? 1 : -1;
      }
      if (comOk / com < Number(process.env.MINPREC ?? 0)) continue;
      if (!best || u > best.u + 1e-9) best = { u, t };
    }
    console.log('CALIB', m, process.env.EXP_OOS_ALT ?? 0.5, JSON.stringify(best), '\n  oof ', metrics(oofRows, best!.t, true), '\n  long', metrics(oofRows.filter((r) => r.len >= 50), best!.t, true), '\n  dev ', metrics(devRows, best!.t, true));
  }
}
