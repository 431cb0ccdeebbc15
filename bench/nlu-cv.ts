// Out-of-fold topic probabilities of LR variants over our own utterances (5 folds) and their probabilities on the dev set, written to NLU_CV_FILE (default /tmp/nlu-cv.json) for bench/nlu-sim.ts. Never reads ../shared/eval. Usage: npx tsx bench/nlu-cv.ts
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { loadConfig } from '../src/config/config.js';
import { normalizeText } from '../src/core/normalize.js';
import { ChineseTokenizer } from '../src/nlu/tokenizer.js';
import { CharLrTopicModel, type LinearTopicOptions } from '../src/nlu/topic-model.js';
import type { IntentDef } from '../src/knowledge/types.js';
const root = path.resolve('.');
const config = loadConfig({ LOG_LEVEL: 'silent' });
const kb = loadKnowledgeBase({ intentsDir: path.join(root, 'intents'), knowledgeDir: path.join(root, 'knowledge') });
const norm = (s: string) => normalizeText(s, { maxChars: config.PUFA_MAX_INPUT_CHARS }).text;
const tok = new ChineseTokenizer({ terms: kb.terms });
const tokens = (t: string) => tok.tokenize(t);
const variants: Record<string, LinearTopicOptions> = JSON.parse(process.env.VARIANTS ?? '{"word_bal":{"C":10,"minDf":1,"balanced":true,"words":true},"char":{"C":10,"minDf":1,"balanced":false,"words":false},"word_unbal":{"C":10,"minDf":1,"balanced":false,"words":true}}');
const FOLDS = 5;
// samples with fold ids (deterministic: index-based stratification per intent)
const samples: { text: string; topic: string; intent: string; fold: number }[] = [];
for (const i of kb.intents) i.utterances.forEach((u, j) => samples.push({ text: u, topic: i.topic, intent: i.id, fold: (j * 7 + i.id.length) % FOLDS }));
const dev = readFileSync('test/nlu/data/dev-set.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; topic: string });
const out: Record<string, unknown> = { samples: samples.map((s) => ({ ...s, n: norm(s.text), tokens: tokens(norm(s.text)) })), dev: dev.map((d) => ({ ...d, n: norm(d.text), tokens: tokens(norm(d.text)) })), classes: [], oof: {}, devP: {} };
const subset = (keep: (s: (typeof samples)[number]) => boolean): IntentDef[] => kb.intents.map((i) => ({ ...i, utterances: samples.filter((s) => s.intent === i.id && keep(s)).map((s) => s.text) }));
for (const [name, opts] of Object.entries(variants)) {
  const oof: number[][] = new Array(samples.length);
  const t = performance.now();
  for (let f = 0; f < FOLDS; f += 1) {
    const m = new CharLrTopicModel(norm, opts, tokens);
    m.train(subset((s) => s.fold !== f));
    out.classes = m.classes;
    samples.forEach((s, i) => { if (s.fold === f) { const p = m.probabilities(norm(s.text)); oof[i] = p ? [...p] : []; } });
  }
  const full = new CharLrTopicModel(norm, opts, tokens);
  full.train(kb.intents);
  (out.devP as Record<string, number[][]>)[name] = dev.map((d) => { const p = full.probabilities(norm(d.text)); return p ? [...p] : []; });
  (out.oof as Record<string, number[][]>)[name] = oof;
  console.log(name, Math.round(performance.now() - t), 'ms');
  writeFileSync(process.env.NLU_CV_FILE ?? '/tmp/nlu-cv.json', JSON.stringify(out));
}
