import readline from 'node:readline';
import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import { resolveHashSalt } from '../../config/salt.js';
import type { Brain } from '../../nlu/brain.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { MemorySessionStore } from '../../pipeline/session.js';
import { isPufaError } from '../../core/errors.js';
import { openStatsRecorder } from '../../stats/open.js';
import { MemoryRecorder, type StatsRecorder } from '../../stats/types.js';
import { loadBrain, loadRuntime } from '../runtime.js';

export interface ChatOptions {
  config: Config;
  logger: Logger;
  brain?: Brain;
  /** Where consultations are counted; default: the configured Redis (REDIS_URL or the embedded redis-server). */
  recorder?: StatsRecorder;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

const BANNER = [
  '城管普法助手 · 本地终端对话（未配置微信时的默认模式）',
  '直接输入问题并回车，例如：占道经营怎么处罚 / 楼下烧烤油烟太大找谁 / 闻到煤气味怎么办',
  '机器人让您选择时，回复数字即可；输入“退出”或按 Ctrl+D 结束。',
  '',
].join('\n');

const LOADING = '城管普法助手正在加载问答模型，请稍候…\n';

const QUIT = new Set(['退出', 'exit', 'quit', ':q', '再见了']);

/**
 * The local terminal conversation (what `npm start` runs with no WeChat configured):
 * the same pipeline as WeChat, channel `console`, clarification follow-ups included.
 */
export async function runChat(options: ChatOptions): Promise<void> {
  const { config, logger } = options;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  // Say at once that we are loading (the model, and the embedded Redis when there is no
  // REDIS_URL, take a moment), load both side by side, then say we are ready.
  const started = performance.now();
  if (!options.brain) output.write(LOADING);
  let recorder = options.recorder;
  let close: (() => Promise<void>) | undefined;
  const opening = recorder ? undefined : openStatsRecorder(config, logger);
  // Handled below; without this an early brain failure would leave it unobserved.
  opening?.catch(() => undefined);
  let brain: Brain;
  try {
    brain = options.brain ?? (await loadBrain({ config, logger }));
  } catch (err) {
    await opening?.then((o) => o.close()).catch(() => undefined);
    throw err;
  }
  if (opening) {
    try {
      const opened = await opening;
      recorder = opened.recorder;
      close = opened.close;
    } catch (err) {
      if (!isPufaError(err)) throw err;
      // The chat still works without statistics, but the user is told so, and how to fix it.
      output.write(`注意：咨询统计不可用，本次对话不会计入统计。\n${err.describe()}\n\n`);
      recorder = new MemoryRecorder();
    }
  }
  if (!recorder) recorder = new MemoryRecorder();
  if (!options.brain) output.write(`已就绪（加载用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）。\n\n`);
  const pipeline = createPipeline(brain, {
    config,
    logger,
    recorder,
    sessions: new MemorySessionStore(),
    salt: resolveHashSalt(config, logger).salt,
  });
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const rl = readline.createInterface({ input, output, terminal: interactive, historySize: 100 });
  output.write(BANNER);
  const prompt = (): void => {
    if (interactive) rl.setPrompt('您> ');
    if (interactive) rl.prompt();
  };
  prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (QUIT.has(text.toLowerCase())) break;
    if (text === '') {
      prompt();
      continue;
    }
    const result = await pipeline.handle({ text: line, kind: 'text', channel: 'console', userId: 'console-user', at: new Date() });
    for (const reply of result.replies) output.write(`助手> ${reply.replace(/\n/g, '\n      ')}\n\n`);
    prompt();
  }
  rl.close();
  await recorder.flush();
  await close?.();
  output.write('再见！如需人工服务请拨打城管热线 12319。\n');
}

export function registerChatCommand(program: Command): void {
  program
    .command('chat')
    .description('在终端里和机器人对话 (interactive terminal chat; what npm start runs without WeChat)')
    .action(async () => {
      const runtime = loadRuntime();
      await runChat(runtime);
    });
}
