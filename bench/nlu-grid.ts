// The decision thresholds over labelled files of our own (default: test/nlu/data/holdout-set.jsonl and
// dev-set.jsonl; never ../shared/eval), scored by the utility of `pufa calibrate`: right answer or right
// decline +1, wrong answer −2, question back offering the right topic +0.4, offering none of it −0.3,
// declining a bureau matter −1. Prints the best settings and the shipped one.
// Usage: npx tsx bench/nlu-grid.ts [file.jsonl …]   (PUFA_CACHE_DIR for the model cache, default .cache)
import path from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { createBrain } from '../src/nlu/brain.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../src/nlu/decide.js';
import { evaluate, readEvalFile } from '../src/nlu/eval-file.js';

const files = process.argv.length > 2 ? process.argv.slice(2) : ['test/nlu/data/holdout-set.jsonl', 'test/nlu/data/dev-set.jsonl'];
if (files.some((f) => path.resolve(f).includes(`${path.sep}shared${path.sep}eval${path.sep}`))) throw new Error('the eval file is for measuring only, never for choosing thresholds');
const items = files.flatMap((f) => readEvalFile(f));
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const { kb } = await createBrain({ config });

interface Row {
  t: Thresholds;
  utility: number;
  accuracy: number;
  precision: number;
  choices: number;
  declined: number | null;
}
const rows: Row[] = [];
/** No alternatives: "not ours" winning is always declined. */
const NEVER = 1e9;
for (const answer of [0.2, 0.25, 0.3, 0.35, 0.4])
  for (const gap of [0, 0.05, 0.1, 0.15, 0.2])
    for (const clarify of [0.05, 0.1, 0.15])
      for (const outOfScopeAlternatives of [NEVER, 0.3, 0.5, 0.7]) {
        const t: Thresholds = { answer, clarify, gap, outOfScopeAlternatives, offerNotOurs: outOfScopeAlternatives !== NEVER };
        const { report, predictions } = await evaluate(await createBrain({ config, kb, thresholds: t }), items);
        let utility = 0;
        for (const p of predictions) {
          const label = p.item.topic;
          if (p.predicted === 'clarify') utility += p.reply.choices.some((c) => c.topic === label) ? 0.4 : -0.3;
          else if (p.predicted === label) utility += 1;
          else utility -= p.predicted === 'out_of_scope' ? 1 : 2;
        }
        const c = report.certain;
        rows.push({ t, utility, accuracy: c.accuracy, precision: c.answeredPrecision, choices: c.clarifyHitRate, declined: c.outOfScopeDeclined });
      }
const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
const show = (r: Row): string =>
  `${r.utility.toFixed(1).padStart(7)}  answer ${r.t.answer} clarify ${r.t.clarify} gap ${r.t.gap} not-ours alternatives ${r.t.outOfScopeAlternatives === NEVER ? 'never' : r.t.outOfScopeAlternatives}  accuracy ${pct(r.accuracy)} precision ${pct(r.precision)} choices ${pct(r.choices)} declined ${pct(r.declined)}`;
console.log(`${items.length} lines from ${files.join(', ')}; utility, best first:`);
for (const r of [...rows].sort((a, b) => b.utility - a.utility).slice(0, 15)) console.log(show(r));
const shipped = rows.find((r) => r.t.answer === DEFAULT_THRESHOLDS.answer && r.t.clarify === DEFAULT_THRESHOLDS.clarify && r.t.gap === DEFAULT_THRESHOLDS.gap && r.t.outOfScopeAlternatives === DEFAULT_THRESHOLDS.outOfScopeAlternatives);
if (shipped) console.log(`shipped:\n${show(shipped)}`);
