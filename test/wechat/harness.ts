import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { inject } from 'vitest';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { createBot, type Bot, type CreateBotOptions } from '../../src/bot/create-bot.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createLogger } from '../../src/core/logger.js';
import { renderClarify } from '../../src/render/render.js';
import type { ClarifyChoice } from '../../src/core/types.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import { writeFixtureKb, type FixtureDirs } from '../helpers/fixture-kb.js';

/**
 * End-to-end harness: real wechaty on wechaty-puppet-mock, the real Redis of the global
 * test setup, the fixture knowledge base. Records every message the bot account sends.
 */
export type Mocker = InstanceType<typeof mock.Mocker>;
export type ContactMock = ReturnType<Mocker['createContact']>;
export type RoomMock = ReturnType<Mocker['createRoom']>;

export interface Sent {
  /** Message id (file payloads: `mocker.cacheFileBoxPayload.get(id)`). */
  id: string;
  at: number;
  /** Room id for group messages, contact id for private ones. */
  to: string;
  room: boolean;
  text: string;
  /** 'text' or the mock's numeric type for files. */
  type: number;
}

export const BOT_NAME = '普法助手';
export const SALT = 'test-salt-0123456789abcdef';

export interface Shared {
  kb: FixtureDirs;
  brain: Brain;
  redis: Redis;
  prefix: string;
  dataDir: string;
  logs: string[];
  logger: Logger;
  cleanup(): Promise<void>;
}

/** The ambiguous question of the tests: always answered with two choices. */
export const AMBIGUOUS = '摆摊';

/**
 * The real brain, except that AMBIGUOUS always gets a clarification (penalty / permit).
 * Whether a short question clarifies depends on the classifier's scores, which move as the
 * knowledge base is tuned (test/nlu covers that decision); here the point is what the bot
 * does with it: remember the choices in Redis and answer "回复 1" with the real brain.
 */
export function withAmbiguity(brain: Brain): Brain {
  return {
    ...brain,
    async ask(text, options = {}) {
      if (text.trim() !== AMBIGUOUS || options.pending) return brain.ask(text, options);
      const real = await brain.ask(text, options);
      const choices: ClarifyChoice[] = ['street_vending.penalty', 'street_vending.permit'].map((intent, i) => ({ n: i + 1, intent, topic: 'street_vending', label: brain.kb.answers.get(intent)?.title ?? intent }));
      return { ...real, action: 'clarify', intent: 'street_vending.penalty', topic: 'street_vending', citations: [], choices, reply: renderClarify(choices, brain.kb.common) };
    },
  };
}

/** Once per test file: fixture KB, brain, Redis client, unique prefix, log capture. */
export async function setupShared(name: string): Promise<Shared> {
  const kb = writeFixtureKb();
  const brain = withAmbiguity(await createBrain({ config: loadConfig({ PUFA_INTENTS_DIR: kb.intentsDir, PUFA_KNOWLEDGE_DIR: kb.knowledgeDir, PUFA_CACHE_DIR: kb.cacheDir, LOG_LEVEL: 'silent' }) }));
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  const prefix = `t-${name}-${process.pid}-${Date.now().toString(36)}:`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `pufa-${name}-`));
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString('utf8'));
      cb();
    },
  });
  const logger = createLogger({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }, { destination });
  return {
    kb,
    brain,
    redis,
    prefix,
    dataDir,
    logs,
    logger,
    async cleanup() {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      rmSync(kb.root, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface World {
  mocker: Mocker;
  puppet: PuppetMock;
  botUser: ContactMock;
  bot: Bot;
  sent: Sent[];
  /** Login QR codes shown. */
  qrs: string[];
}

/** Typed configuration values on top of the environment (lists as arrays, numbers as numbers). */
export type ConfigOverrides = Partial<Record<keyof Config, unknown>>;

/** The bot's configuration for a test: parsed once (loadConfig), as createBot takes it. */
export function baseConfig(shared: Shared, extra: ConfigOverrides = {}): Config {
  return loadConfig(process.env, {
    NODE_ENV: 'test',
    HASH_SALT: SALT,
    REDIS_PREFIX: shared.prefix,
    PUFA_DATA_DIR: shared.dataDir,
    PUFA_INTENTS_DIR: shared.kb.intentsDir,
    PUFA_KNOWLEDGE_DIR: shared.kb.knowledgeDir,
    PUFA_CACHE_DIR: shared.kb.cacheDir,
    WECHATY_NAME: 'test-bot',
    BOT_NAME,
    BOT_ROOMS: ['*普法群'],
    BOT_STAFF: ['城管张科长'],
    SEND_MIN_INTERVAL_MS: 60,
    SEND_JITTER_MS: 20,
    BOT_MERGE_HOLD_MS: 250,
    ANNOUNCE_GROUP_INTERVAL_MS: 200,
    ...extra,
  });
}

/** A mocker whose contacts and rooms are created by `populate` (same ids in every "process"). */
export function newMocker(): { mocker: Mocker; puppet: PuppetMock } {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  return { mocker, puppet };
}

/** Start a bot on this mocker, log the bot account in and record what it sends. */
export async function startBot(shared: Shared, mocker: Mocker, puppet: PuppetMock, botUser: ContactMock, config: Config, extra: Partial<CreateBotOptions> = {}): Promise<World> {
  const sent: Sent[] = [];
  const qrs: string[] = [];
  puppet.on('message', ({ messageId }) => {
    const p = mocker.messagePayload(messageId) as { talkerId?: string; roomId?: string; listenerId?: string; text?: string; type: number };
    if (p.talkerId !== botUser.id) return;
    sent.push({ id: messageId, at: Date.now(), to: p.roomId ?? p.listenerId ?? '', room: Boolean(p.roomId), text: p.text ?? '', type: p.type });
  });
  const bot = createBot({ puppet, brain: shared.brain, redis: shared.redis, logger: shared.logger, config, showQr: (qr) => qrs.push(qr), ...extra });
  await bot.start();
  mocker.login(botUser);
  await bot.loggedIn();
  return { mocker, puppet, botUser, bot, sent, qrs };
}

export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Wait for at least `atLeast` new items, then until no more arrive for `quietMs` (long replies come in parts). */
export async function settle<T>(list: () => T[], before: number, atLeast = 1, quietMs = 250, timeoutMs = 6000): Promise<T[]> {
  await waitFor(() => list().length >= before + atLeast, timeoutMs, `${atLeast} new message(s)`);
  let n = list().length;
  for (;;) {
    await sleep(quietMs);
    const now = list().length;
    if (now === n) return list().slice(before);
    n = now;
  }
}

/** Wait until the current minute has at least `needSec` seconds left (per-minute rate windows). */
export async function awayFromMinuteEdge(needSec = 5): Promise<void> {
  const left = 60 - ((Date.now() / 1000) % 60);
  if (left < needSec) await sleep(left * 1000 + 100);
}
