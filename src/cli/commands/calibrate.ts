import type { Command } from 'commander';
import { PufaError } from '../../core/errors.js';
import { textNormalizer } from '../../core/normalize.js';
import { loadKnowledgeBase } from '../../knowledge/load.js';
import { calibrate } from '../../nlu/calibrate.js';
import { RANKER_KINDS, type RankerKind } from '../../nlu/rankers.js';
import { loadRuntime } from '../runtime.js';

export function registerCalibrateCommand(program: Command): void {
  program
    .command('calibrate')
    .description('用训练语料交叉验证，推荐答复/追问/婉拒阈值 (calibrate decision thresholds by k-fold CV on our own utterances)')
    .option('--folds <n>', 'number of folds (2–20)', '5')
    .option('--json', 'print JSON')
    .option('--ranker <kind>', `ranking engine to calibrate: ${RANKER_KINDS.join(', ')}`, 'pufa')
    .action(async (opts: { folds: string; json?: boolean; ranker: string }) => {
      const folds = Number(opts.folds);
      if (!Number.isInteger(folds) || folds < 2 || folds > 20) throw new PufaError('PUFA_ERR_INPUT', `--folds must be a whole number from 2 to 20 (got "${opts.folds}")`);
      if (!(RANKER_KINDS as readonly string[]).includes(opts.ranker)) throw new PufaError('PUFA_ERR_INPUT', `--ranker must be one of ${RANKER_KINDS.join(', ')} (got "${opts.ranker}")`);
      const ranker = opts.ranker as RankerKind;
      const { config } = loadRuntime();
      const kb = loadKnowledgeBase({ intentsDir: config.PUFA_INTENTS_DIR, knowledgeDir: config.PUFA_KNOWLEDGE_DIR });
      const result = await calibrate(kb.intents, kb.terms, textNormalizer(config.PUFA_MAX_INPUT_CHARS), { folds, ranker });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      const b = result.best;
      process.stdout.write(
        [
          `ranker: ${result.ranker}; held-out utterances: ${result.samples} (${result.folds}-fold)`,
          `top-1 intent accuracy: ${(result.top1 * 100).toFixed(1)}%, top-1 topic accuracy: ${(result.top1Topic * 100).toFixed(1)}%`,
          ...(result.ranker === 'legacy'
            ? [
                `topic prior: weight ${result.mix.priorWeight}, sharpness ${result.mix.sharpness}, half length ${result.mix.halfLength}`,
                `  held-out top-1 topic by weight/sharpness/half-length: ${[...result.mixes].sort((a, b) => b.top1Topic - a.top1Topic).slice(0, 8).map((m) => `${m.priorWeight}/${m.sharpness}/${m.halfLength}=${(m.top1Topic * 100).toFixed(1)}%`).join(' ')} …`,
              ]
            : []),
          `best thresholds: NLU_ANSWER_THRESHOLD=${b.thresholds.answer} NLU_CLARIFY_THRESHOLD=${b.thresholds.clarify} NLU_MIN_GAP=${b.thresholds.gap}`,
          `  answered ${b.answered} (correct ${b.answeredCorrect}), clarified ${b.clarified} (right intent offered ${b.clarifiedUseful}), declined ${b.declined}; utility ${b.utility.toFixed(1)}`,
        ].join('\n') + '\n',
      );
    });
}
