/**
 * Chat benchmark (part of `npm run bench`; standalone: `npx tsx bench/chat.ts`).
 *
 * What the one step list costs on top of answering: messages per second through the whole
 * chat service (CHAT_STEPS on the in-memory platform: guards, rate limit, merge, the answer
 * steps, the reply sent) against the answer steps alone (createPipeline, the baseline), the
 * same brain, the same messages, in the same run. In-memory store and recorder: no Redis.
 * Medians over BENCH_RUNS runs (default 5) of BENCH_CHAT_MESSAGES messages (default 2000),
 * the two variants alternating within each run.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pino from 'pino';
import { MemoryPlatform } from '../src/chat/memory-platform.js';
import { createPipeline } from '../src/chat/pipeline.js';
import { createChatService } from '../src/chat/service.js';
import { MemorySessionStore } from '../src/chat/session.js';
import { MemoryChatStore } from '../src/chat/store.js';
import { loadConfig } from '../src/config/config.js';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { createBrain } from '../src/nlu/brain.js';
import { MemoryRecorder } from '../src/stats/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MESSAGES = Number(process.env.BENCH_CHAT_MESSAGES ?? 2000);
const BOT = '普法助手';
const ROOMS = 20;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function benchChat(): Promise<{ pipelinePerSec: number; chatPerSec: number; ratio: number }> {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    PUFA_INTENTS_DIR: path.join(root, 'intents'),
    PUFA_KNOWLEDGE_DIR: path.join(root, 'knowledge'),
    PUFA_CACHE_DIR: path.join(root, '.cache'),
    BOT_NAME: BOT,
    BOT_ROOMS: '*',
    BOT_USER_RATE_PER_MIN: '1000',
    BOT_ROOM_RATE_PER_MIN: '1000',
  });
  const logger = pino({ level: 'silent' });
  const kb = loadKnowledgeBase({ intentsDir: config.PUFA_INTENTS_DIR, knowledgeDir: config.PUFA_KNOWLEDGE_DIR });
  const brain = await createBrain({ config, logger, kb });
  const texts = kb.intents.flatMap((i) => i.utterances);
  const messages = Array.from({ length: MESSAGES }, (_, i) => ({ text: texts[i % texts.length]!, user: `u${i % 500}`, room: i % 2 ? { id: `r${i % ROOMS}@chatroom`, topic: `普法群${i % ROOMS}` } : undefined }));
  const salt = 'bench-chat-salt-0123456789';

  const pipelineRun = async (): Promise<number> => {
    const pipeline = createPipeline(brain, { config, logger, recorder: new MemoryRecorder(), sessions: new MemorySessionStore(), salt });
    const t0 = performance.now();
    for (const m of messages) {
      await pipeline.handle({ text: m.text, kind: 'text', channel: m.room ? 'room' : 'private', userId: m.user, ...(m.room ? { roomId: m.room.id, roomName: m.room.topic } : {}), at: new Date() });
    }
    return (messages.length / (performance.now() - t0)) * 1000;
  };
  const chatRun = async (): Promise<number> => {
    const platform = new MemoryPlatform(BOT);
    const chat = createChatService({ platform, brain, store: new MemoryChatStore(), recorder: new MemoryRecorder(), config, logger, salt });
    await chat.start();
    const t0 = performance.now();
    for (const m of messages) {
      await platform.say(m.room ? { from: m.user, text: `@${BOT} ${m.text}`, room: m.room, mentionsSelf: true } : { from: m.user, text: m.text });
    }
    const perSec = (messages.length / (performance.now() - t0)) * 1000;
    await chat.stop();
    if (platform.sent.length < messages.length / 2) throw new Error(`only ${platform.sent.length} replies for ${messages.length} messages`);
    return perSec;
  };

  await pipelineRun(); // warm-up
  await chatRun();
  const p: number[] = [];
  const c: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    p.push(await pipelineRun());
    c.push(await chatRun());
  }
  // The ratio of each run (the two variants ran side by side), then its median: steadier than a ratio of medians on a busy machine.
  const result = { pipelinePerSec: median(p), chatPerSec: median(c), ratio: median(c.map((x, i) => x / p[i]!)) };
  console.log(`chat service (${RUNS} runs × ${MESSAGES} messages, medians; in-memory store and recorder)`);
  console.log(`  ${'answer steps alone (createPipeline)'.padEnd(52)}${result.pipelinePerSec.toFixed(0)} messages/s`);
  console.log(`  ${'whole chat service (CHAT_STEPS, memory platform)'.padEnd(52)}${result.chatPerSec.toFixed(0)} messages/s`);
  console.log(`  ${'ratio whole / answer steps (median per run)'.padEnd(52)}${result.ratio.toFixed(3)}  (runs: ${c.map((x, i) => (x / p[i]!).toFixed(2)).join(' ')})`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchChat().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
