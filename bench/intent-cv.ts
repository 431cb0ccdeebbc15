// How the pufa ranker should choose the intent within a topic (README "Choosing the intent within a topic").
//
// 1. Cross-validation over the utterances of intents/ (k = 5, folds stratified per intent, fixed
//    seed): the pufa ranker is trained on 4/5 and, for each held-out utterance and each rule of
//    sharing a topic among its intents (node-nlp as shipped before, the intent centroids alone,
//    blends), we count (a) within its gold topic, whether its gold intent gets the largest share
//    (utterances whose gold topic scores ≥ 0.05, below which the rule is not applied), and
//    (b) whether the best intent of `rank()`'s top topic — what the brain answers — is its gold
//    intent (end to end, the topic stage included).
// 2. Churn: the ranker trained on all of intents/, then again on a copy with a few utterances of
//    our own added to one intent (two such changes); for each rule, how many decisions (action
//    and intent, or the choices offered) of texts of *other* topics move — every utterance of
//    intents/ and the lines of our dev and holdout sets.
//
// One training per fold and per data change (~60 s each on 2 cores); every rule is then the same
// saved model imported into a ranker with that rule. Never reads ../shared/eval.
// Trained models are kept under $PUFA_CACHE_DIR/intent-cv (delete it to retrain).
// Usage: npx tsx bench/intent-cv.ts   (INTENT_CV_FOLDS=5, INTENT_CV_SEED=7, INTENT_CV_CHURN=0 to skip
// part 2, INTENT_CV_CONTROL=1 to also retrain on unchanged data, INTENT_CV_FILE for the per-text JSON).
import path from 'node:path';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../src/config/config.js';
import { textNormalizer } from '../src/core/normalize.js';
import type { IntentScore } from '../src/core/types.js';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import type { IntentDef } from '../src/knowledge/types.js';
import { modelKey, packModel, unpackModel, type ModelData } from '../src/nlu/cache.js';
import { decide, DEFAULT_THRESHOLDS, topicScores } from '../src/nlu/decide.js';
import { createRanker, WITHIN_TOPIC, type WithinTopicRule } from '../src/nlu/rankers.js';

const root = path.resolve('.');
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const kb = loadKnowledgeBase({ intentsDir: path.join(root, 'intents'), knowledgeDir: path.join(root, 'knowledge') });
const normalize = textNormalizer(config.PUFA_MAX_INPUT_CHARS);
const FOLDS = Number(process.env.INTENT_CV_FOLDS ?? 5);
const SEED = Number(process.env.INTENT_CV_SEED ?? 7);
/** Below this a topic's intents are shared by node-nlp alone whatever the rule (rankers.ts CENTROID_MIN_SCORE). */
const RULE_MIN_SCORE = 0.05;

const RULES: Record<string, WithinTopicRule> = {
  'node-nlp (before)': { nlpWeight: 1 },
  'centroids alone': { nlpWeight: 0 },
  'blend α=0.7': { nlpWeight: 0.7 },
  'blend α=0.5': { nlpWeight: 0.5 },
  'blend α=0.3': { nlpWeight: 0.3 },
  'blend α=0.2': { nlpWeight: 0.2 },
  'blend α=0.15': { nlpWeight: 0.15 },
  'blend α=0.1': { nlpWeight: 0.1 },
  'blend α=0.05': { nlpWeight: 0.05 },
  'node-nlp ≥0.9 else α=0.5': { nlpWeight: 0.5, confidentAt: 0.9 },
  'nn + mass 0.5 of centroids': { nlpWeight: 0, centroidMass: 0.5 },
  'nn + mass 2 of centroids': { nlpWeight: 0, centroidMass: 2 },
};
const shipped = Object.entries(RULES).find(([, r]) => JSON.stringify(r) === JSON.stringify(WITHIN_TOPIC))?.[0] ?? 'shipped';
if (!(shipped in RULES)) RULES[shipped] = WITHIN_TOPIC;

/** mulberry32: a small seeded generator, so the folds are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample {
  text: string;
  topic: string;
  intent: string;
  fold: number;
}
// Stratified: each intent's utterances shuffled, then dealt to the folds in turn (continuing
// where the previous intent stopped, so the folds are the same size).
const rnd = random(SEED);
const samples: Sample[] = [];
let deal = 0;
for (const i of kb.intents) {
  const order = i.utterances.map((_, j) => j);
  for (let j = order.length - 1; j > 0; j -= 1) {
    const k = Math.floor(rnd() * (j + 1));
    [order[j], order[k]] = [order[k] as number, order[j] as number];
  }
  for (const j of order) samples.push({ text: i.utterances[j] as string, topic: i.topic, intent: i.id, fold: deal++ % FOLDS });
}

const rankerOptions = { terms: kb.terms, normalize };

/** Trained models are kept (by their data and settings) so that a rule added later costs no training. */
const modelDir = path.join(config.PUFA_CACHE_DIR, 'intent-cv');

async function trained(intents: readonly IntentDef[]): Promise<ModelData> {
  const t = performance.now();
  const ranker = createRanker('pufa', intents, rankerOptions);
  const key = modelKey({ intentsHash: createHash('sha256').update(JSON.stringify(intents)).digest('hex'), engine: 'pufa', settings: { terms: kb.terms, maxChars: config.PUFA_MAX_INPUT_CHARS, ...ranker.settings } });
  const file = path.join(modelDir, `${key}.bin`);
  if (existsSync(file)) return unpackModel(readFileSync(file));
  await ranker.train(intents);
  const model = ranker.export();
  mkdirSync(modelDir, { recursive: true });
  writeFileSync(file, packModel(model));
  console.error(`  trained on ${intents.reduce((n, i) => n + i.utterances.length, 0)} utterances in ${Math.round((performance.now() - t) / 1000)} s`);
  return model;
}

/** The ranking of each text by a ranker with `rule` on the saved `model` (one message each, as the brain does). */
async function rankAll(intents: readonly IntentDef[], model: ModelData, rule: WithinTopicRule, texts: readonly string[]): Promise<IntentScore[][]> {
  const ranker = createRanker('pufa', intents, { ...rankerOptions, withinTopic: rule });
  ranker.import(model);
  const out: IntentScore[][] = [];
  for (const t of texts) {
    ranker.forget?.();
    out.push(await ranker.rank(normalize(t)));
  }
  return out;
}

const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

// ---- 1. cross-validation ----
interface Held {
  text: string;
  topic: string;
  intent: string;
  /** Per rule: the intent with the largest share within the gold topic (undefined: topic below the floor), and rank()'s top. */
  within: Record<string, string | undefined>;
  top: Record<string, string | undefined>;
  topTopic: string | undefined;
}
const held: Held[] = [];
console.error(`cross-validation: ${samples.length} utterances, ${kb.intents.length} intents, ${FOLDS} folds, seed ${SEED}`);
for (let f = 0; f < FOLDS; f += 1) {
  const train = kb.intents.map((i) => ({ ...i, utterances: samples.filter((s) => s.intent === i.id && s.fold !== f).map((s) => s.text) }));
  const test = samples.filter((s) => s.fold === f);
  console.error(`fold ${f + 1}/${FOLDS}: ${test.length} held out`);
  const model = await trained(train);
  const rows: Held[] = test.map((s) => ({ text: s.text, topic: s.topic, intent: s.intent, within: {}, top: {}, topTopic: undefined }));
  for (const [name, rule] of Object.entries(RULES)) {
    const rankings = await rankAll(train, model, rule, test.map((s) => s.text));
    rankings.forEach((ranking, k) => {
      const s = test[k] as Sample;
      const row = rows[k] as Held;
      const inTopic = ranking.filter((x) => x.topic === s.topic);
      const topicScore = inTopic.reduce((sum, x) => sum + x.score, 0);
      // The first of the sorted ranking: what rank() answers when this topic is chosen.
      row.within[name] = topicScore >= RULE_MIN_SCORE ? inTopic[0]?.intent : undefined;
      // What the brain answers: the best intent of the top topic (src/nlu/decide.ts).
      const top = topicScores(ranking)[0];
      row.top[name] = top?.best.intent;
      row.topTopic = top?.topic;
    });
  }
  held.push(...rows);
}

const ruleNames = Object.keys(RULES);
const scored = held.filter((h) => h.within[ruleNames[0] as string] !== undefined);
const topicRight = held.filter((h) => h.topTopic === h.topic).length;
const lines: string[] = [];
lines.push(`Held-out utterances: ${held.length}; gold topic scoring ≥ ${RULE_MIN_SCORE}: ${scored.length}; top-1 topic right: ${topicRight} (${pct(topicRight, held.length)}, the same for every rule)`);
lines.push('');
lines.push("| rule | (a) gold intent first within its gold topic | (b) the top topic's best intent is the gold intent |");
lines.push('|---|---|---|');
for (const name of ruleNames) {
  const a = scored.filter((h) => h.within[name] === h.intent).length;
  const b = held.filter((h) => h.top[name] === h.intent).length;
  lines.push(`| ${name} | ${a} / ${scored.length} (${pct(a, scored.length)}) | ${b} / ${held.length} (${pct(b, held.length)}) |`);
}
const base = ruleNames[0] as string;
lines.push('');
lines.push(`Against ${base}, (a): utterances the rule gets right that it gets wrong / the other way round`);
for (const name of ruleNames.slice(1)) {
  const won = scored.filter((h) => h.within[name] === h.intent && h.within[base] !== h.intent).length;
  const lost = scored.filter((h) => h.within[name] !== h.intent && h.within[base] === h.intent).length;
  lines.push(`  ${name}: +${won} / −${lost}`);
}
console.log(lines.join('\n'));

// ---- 2. churn ----
const report: Record<string, unknown> = { folds: FOLDS, seed: SEED, rules: RULES, held };
if (process.env.INTENT_CV_CHURN !== '0') {
  // Two small changes of our own words, each to one intent (a copy of intents/ in memory).
  const CHANGES: { intent: string; add: string[] }[] = [
    {
      intent: 'seized_items.retrieve',
      add: [
        '城管拖走的三轮车现在还能去领吗',
        '我的餐车扣在中队好几天了，去领要带啥',
        '被扣的秤和伞什么时候能拿',
        '扣押的货是不是要本人去领',
        '城管收了我的小推车，领的时候要交什么费',
        '暂扣单丢了还能把东西领回来吗',
        '摆摊的东西被收走了在哪个地方领取',
        '帮我妈去领被城管扣的电动车可以吗',
      ],
    },
    {
      intent: 'greenery.trees',
      add: [
        '小区里的大树枝快压到电线了找谁修剪',
        '门口行道树歪了要倒，谁来管',
        '楼下的树长得太高挡住阳台采光，可以申请修剪吗',
        '台风把路边树吹断了横在路上',
        '想把自家门前的一棵树移走要去哪里批',
        '树根把人行道拱起来了有人管么',
      ],
    },
  ];
  if (process.env.INTENT_CV_CONTROL === '1') CHANGES.unshift({ intent: kb.intents[0]?.id as string, add: [] });
  const lineFile = (f: string) =>
    readFileSync(path.join(root, f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { text: string; topic: string });
  const texts = [
    ...kb.intents.flatMap((i) => i.utterances.map((text) => ({ text, topic: i.topic }))),
    ...lineFile('test/nlu/data/dev-set.jsonl'),
    ...lineFile('test/nlu/data/holdout-set.jsonl'),
  ];
  /** What the citizen is told: the action and its intent, or the choices offered. */
  const decisionOf = (ranking: IntentScore[]): string => {
    const d = decide(ranking, DEFAULT_THRESHOLDS);
    return d.action === 'clarify' ? `clarify:${d.candidates.map((c) => c.intent).join(',')}` : `${d.action}:${d.top?.intent ?? ''}`;
  };
  const decisions = async (intents: readonly IntentDef[], model: ModelData, rule: WithinTopicRule) =>
    (await rankAll(intents, model, rule, texts.map((t) => t.text))).map((r) => {
      const top = topicScores(r)[0];
      return { top: top?.best.intent, topic: top?.topic, decision: decisionOf(r) };
    });
  console.error(`churn: the model on all of intents/`);
  const baseModel = await trained(kb.intents);
  const before: Record<string, Awaited<ReturnType<typeof decisions>>> = {};
  for (const [name, rule] of Object.entries(RULES)) before[name] = await decisions(kb.intents, baseModel, rule);
  const churn: Record<string, unknown>[] = [];
  const out: string[] = ['', '| rule | ' + CHANGES.map((c) => `+${c.add.length} to ${c.intent}: decisions moved / of them answers / top topic's best intent moved`).join(' | ') + ' |', '|---|' + CHANGES.map(() => '---|').join('')];
  const notes: string[] = [];
  const cells: Record<string, string[]> = Object.fromEntries(ruleNames.map((n) => [n, []]));
  for (const change of CHANGES) {
    console.error(`churn: +${change.add.length} utterances to ${change.intent}`);
    const intents = kb.intents.map((i) => (i.id === change.intent ? { ...i, utterances: [...i.utterances, ...change.add] } : i));
    const model = await trained(intents);
    const topic = kb.intents.find((i) => i.id === change.intent)?.topic;
    const others = texts.map((t, k) => ({ ...t, k })).filter((t) => t.topic !== topic);
    for (const [name, rule] of Object.entries(RULES)) {
      const after = await decisions(intents, model, rule);
      const was = before[name] ?? [];
      const moved = others.filter((t) => was[t.k]?.decision !== after[t.k]?.decision);
      const answers = moved.filter((t) => was[t.k]?.decision.startsWith('answer:') || after[t.k]?.decision.startsWith('answer:'));
      const tops = others.filter((t) => was[t.k]?.top !== after[t.k]?.top);
      const topicMoves = others.filter((t) => was[t.k]?.topic !== after[t.k]?.topic).length;
      cells[name]?.push(`${moved.length} / ${answers.length} / ${tops.length}`);
      churn.push({ change: change.intent, rule: name, others: others.length, topicMoves, moved: moved.map((t) => ({ text: t.text, before: was[t.k]?.decision, after: after[t.k]?.decision })) });
      if (name === base) notes.push(`(${change.intent}: ${others.length} texts of other topics; the top topic moved for ${topicMoves}, the same for every rule)`);
    }
  }
  for (const name of ruleNames) out.push(`| ${name} | ${(cells[name] ?? []).join(' | ')} |`);
  console.log([...out, ...notes].join('\n'));
  report.churn = churn;
}
writeFileSync(process.env.INTENT_CV_FILE ?? '/tmp/intent-cv.json', JSON.stringify(report, null, 1));
