import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { PufaError } from '../../core/errors.js';
import type { Brain } from '../../nlu/brain.js';
import { predictedTopic, scorePredictions, type EvalItem, type EvalPrediction, type EvalReport } from '../../nlu/evaluate.js';
import { loadBrain, loadRuntime } from '../runtime.js';

/** Parse a JSONL file of `{"text","topic",…}` lines; every bad line is reported with its number. */
export function readEvalFile(file: string): EvalItem[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PufaError('PUFA_ERR_INPUT', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const items: EvalItem[] = [];
  const problems: string[] = [];
  raw.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const obj = JSON.parse(line) as Record<string, unknown>;
      if (typeof obj.text !== 'string' || typeof obj.topic !== 'string') {
        problems.push(`${file}:${i + 1}: needs string fields "text" and "topic"`);
        return;
      }
      items.push({ text: obj.text, topic: obj.topic, uncertain: obj.uncertain === true });
    } catch (err) {
      problems.push(`${file}:${i + 1}: not valid JSON (${(err as Error).message})`);
    }
  });
  if (problems.length > 0) throw new PufaError('PUFA_ERR_INPUT', `${problems.length} bad line(s) in ${file}`, { problems });
  if (items.length === 0) throw new PufaError('PUFA_ERR_INPUT', `${file} has no questions`);
  return items;
}

/** Library form of `pufa eval`. */
export async function evaluate(brain: Brain, items: readonly EvalItem[]): Promise<{ report: EvalReport; predictions: EvalPrediction[] }> {
  const predictions: EvalPrediction[] = [];
  for (const item of items) {
    const reply = await brain.ask(item.text, { channel: 'private' });
    predictions.push({ item, predicted: predictedTopic(reply), reply });
  }
  return { report: scorePredictions(predictions), predictions };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatReport(r: EvalReport): string {
  const lines: string[] = [];
  lines.push('topic                  support  pred  correct  precision  recall    f1');
  for (const t of r.topics) {
    lines.push(
      `${t.topic.padEnd(22)} ${String(t.support).padStart(7)} ${String(t.predicted).padStart(5)} ${String(t.correct).padStart(8)} ${pct(t.precision).padStart(10)} ${pct(t.recall).padStart(7)} ${pct(t.f1).padStart(6)}`,
    );
  }
  lines.push('');
  lines.push('confusions (label → predicted: count):');
  for (const c of r.confusions.slice(0, 25)) lines.push(`  ${c.label} → ${c.predicted}: ${c.count}`);
  lines.push('');
  const sub = (name: string, s: EvalReport['certain']): string =>
    `${name}: ${s.correct}/${s.total} = ${pct(s.accuracy)} (clarify ${pct(s.clarifyRate)}, right topic among choices ${pct(s.clarifyHitRate)})`;
  lines.push(sub('certain-only accuracy', r.certain));
  lines.push(sub('uncertain accuracy', r.uncertain));
  lines.push(sub('overall accuracy', r));
  return lines.join('\n');
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('用带标签的问题集评估意图识别准确率 (evaluate on a labelled JSONL file)')
    .argument('<file>', 'JSONL 文件，每行 {"text", "topic", "uncertain"?}')
    .option('--json', '输出 JSON：total, correct, accuracy, certain, uncertain, topics, confusions')
    .option('--errors', '列出每条判错的问题 (list every mistake)')
    .action(async (file: string, opts: { json?: boolean; errors?: boolean }) => {
      const items = readEvalFile(file);
      const brain = await loadBrain(loadRuntime());
      const { report, predictions } = await evaluate(brain, items);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return;
      }
      if (opts.errors) {
        for (const p of predictions) {
          if (p.predicted !== p.item.topic) {
            process.stdout.write(`[${p.item.topic} → ${p.predicted} ${p.reply.intent ?? ''} ${p.reply.score.toFixed(2)}] ${p.item.text.slice(0, 100)}\n`);
          }
        }
        process.stdout.write('\n');
      }
      process.stdout.write(`${formatReport(report)}\n`);
    });
}
