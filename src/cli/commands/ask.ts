import type { Command } from 'commander';
import { PufaError } from '../../core/errors.js';
import type { BrainReply, Channel } from '../../core/types.js';
import type { Brain } from '../../nlu/brain.js';
import { loadBrain, loadRuntime } from '../runtime.js';

/** The JSON shape of `pufa ask --json`. */
export interface AskResult {
  intent: string | null;
  topic: string;
  score: number;
  action: BrainReply['action'];
  reply: string;
  citations: BrainReply['citations'];
  choices: BrainReply['choices'];
  urgent: boolean;
}

const CHANNELS: readonly Channel[] = ['private', 'room', 'console'];

/** Library form of `pufa ask`: the reply a citizen would get. */
export async function ask(brain: Brain, text: string, channel: Channel = 'private'): Promise<AskResult> {
  const r = await brain.ask(text, { channel });
  return {
    intent: r.intent,
    topic: r.topic,
    score: Number(r.score.toFixed(4)),
    action: r.action,
    reply: r.reply,
    citations: r.citations,
    choices: r.choices,
    urgent: r.urgent,
  };
}

export function registerAskCommand(program: Command): void {
  program
    .command('ask')
    .description('回答一条咨询，显示群众会收到的回复 (answer one question)')
    .argument('<text...>', '群众的问题，例如 "占道经营怎么处罚"')
    .option('--json', '输出 JSON：intent, topic, score, action, reply, citations')
    .option('--channel <channel>', '按哪种会话回答：private（完整）| room（群内简短）| console', 'private')
    .action(async (words: string[], opts: { json?: boolean; channel: string }) => {
      const text = words.join(' ');
      if (!CHANNELS.includes(opts.channel as Channel)) {
        throw new PufaError('PUFA_ERR_INPUT', `--channel must be one of ${CHANNELS.join(', ')} (got "${opts.channel}")`);
      }
      if (text.length > 100_000) throw new PufaError('PUFA_ERR_INPUT', 'the question is longer than 100,000 characters');
      const runtime = loadRuntime();
      const brain = await loadBrain(runtime);
      const result = await ask(brain, text, opts.channel as Channel);
      process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : `${result.reply}\n`);
    });
}
