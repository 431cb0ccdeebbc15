import { Cluster } from 'ioredis';
import type { ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import { loadConfig, type Config } from '../config/config.js';
import { resolveHashSalt } from '../config/salt.js';
import { PufaError } from '../core/errors.js';
import { createLogger } from '../core/logger.js';
import { hashId } from '../core/privacy.js';
import { createBrain, type Brain } from '../nlu/brain.js';
import { compose } from '../pipeline/compose.js';
import { describeRedis, openStatsRedis, type StatsRedis, type StatsRedisHandle } from '../redis/connection.js';
import { processHealth, RedisHealth } from '../redis/health.js';
import { RedisStatsRecorder } from '../stats/redis-recorder.js';
import type { StatsRecorder } from '../stats/types.js';
import type { ChatMessage } from '../wechat/platform.js';
import { createWechatyPlatform, type WechatPuppet, type WechatyInstance, type WechatyPlatform } from '../wechat/wechaty-platform.js';
import { Announcements, type AnnounceWorkerTiming } from './announce/announcements.js';
import { BrainHolder } from './brain-holder.js';
import type { BotContext, BotServices } from './context.js';
import { accountKey, botKeys } from './keys.js';
import { LoginWatch } from './login-watch.js';
import { MergeRegistry } from './merge.js';
import { PacedSender } from './sender.js';
import { RedisSessionStore } from './session-store.js';
import { StaffDirectory } from './staff/directory.js';
import { BOT_STEPS } from './steps.js';

/** Config overrides: values as in the environment, or already typed (lists as arrays). */
export type ConfigOverrides = Partial<Record<keyof Config, unknown>>;

export interface CreateBotOptions {
  /** A wechaty puppet instance (tests: wechaty-puppet-mock). Default: WECHATY_PUPPET by name. */
  puppet?: WechatPuppet;
  /** Overrides of the configuration (on top of the environment). */
  config?: ConfigOverrides;
  logger?: Logger;
  /** A ready brain (tests build one per file). Default: built from PUFA_INTENTS_DIR / PUFA_KNOWLEDGE_DIR at start. */
  brain?: Brain;
  /** A Redis client for statistics, sessions, limits and announcements. Default: openStatsRedis (REDIS_URL or embedded). */
  redis?: StatsRedis;
  /** Where consultations are counted. Default: RedisStatsRecorder on `redis`. */
  recorder?: StatsRecorder;
  /** Jitter source of the paced sender (0 ≤ r < 1). */
  random?: () => number;
  /** Show the login QR code (default: printed in the terminal). */
  showQr?: (qrcode: string) => void;
  /** How soon a crashed process's announcement is taken over (BullMQ lock / stalled check; default 30 s). */
  announceWorker?: AnnounceWorkerTiming;
}

export interface Bot {
  /** Open Redis (if not given), build the brain (if not given), log in to WeChat. */
  start(): Promise<void>;
  /** Pause announcements, send what is queued (briefly), log out, flush statistics, close queues. */
  stop(): Promise<void>;
  readonly wechaty: WechatyInstance;
  readonly config: Config;
  /** Available after start(). */
  readonly services: BotServices | undefined;
  /** Resolves at the (next) login. */
  loggedIn(): Promise<void>;
}

/** A parsed config value back in its environment form, so the config can be parsed again (lists joined, booleans as words). */
function toEnvValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

export function resolveConfig(overrides: ConfigOverrides = {}, env: Record<string, string | undefined> = process.env): Config {
  const normalized: ConfigOverrides = {};
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) normalized[k as keyof Config] = toEnvValue(v);
  return loadConfig(env, normalized);
}

/** How long stop() waits for the announcement worker and queue before cutting their connections. */
const STOP_WORKER_MS = 5000;

function withTimeout(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    p.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

/** Connection errors and readiness of the bot's Redis client feed the health object. Returns a detach function. */
function attachHealth(redis: StatsRedis, health: RedisHealth): () => void {
  const onError = (err: Error): void => void health.observe(err);
  // A new connection says nothing about "full" or "auth": only a connection problem is over.
  const onReady = (): void => {
    if (health.state === 'down') health.ok();
  };
  const onEnd = (): void => void health.observe(new Error('Connection is closed.'));
  redis.on('error', onError);
  redis.on('ready', onReady);
  redis.on('end', onEnd);
  return () => {
    redis.off('error', onError);
    redis.off('ready', onReady);
    redis.off('end', onEnd);
  };
}

/** A Redis connection for BullMQ: same server and credentials, but blocking-friendly. */
function bullConnectionFrom(redis: StatsRedis): ConnectionOptions {
  const blocking = { maxRetriesPerRequest: null, enableOfflineQueue: true, commandTimeout: undefined, lazyConnect: false, retryStrategy: (n: number) => Math.min(200 * n, 5000) };
  if (redis instanceof Cluster) {
    return redis.duplicate(undefined, { enableOfflineQueue: true, lazyConnect: false, redisOptions: { ...redis.options.redisOptions, ...blocking } }) as unknown as ConnectionOptions;
  }
  return redis.duplicate({ ...blocking, connectionName: `pufa-bull-${process.pid}` }) as unknown as ConnectionOptions;
}

/**
 * The WeChat bot: wechaty (one adapter, src/wechat/) → the bot's steps (steps.ts) → the
 * brain pipeline → the paced sender. Staff commands, announcements (BullMQ), login
 * notices. Several processes (one per WeChat account, each with its own WECHATY_NAME)
 * may share one Redis.
 */
export function createBot(options: CreateBotOptions = {}): Bot {
  const config = resolveConfig(options.config);
  const logger = (options.logger ?? createLogger(config)).child({ component: 'bot' });
  // HASH_SALT, or the one generated once under PUFA_DATA_DIR (shared with `pufa simulate`).
  const salt = resolveHashSalt(config, logger).salt;
  const account = accountKey(config.WECHATY_NAME);
  const keys = botKeys(config.REDIS_PREFIX);
  const run = compose(BOT_STEPS);

  let services: BotServices | undefined;
  let loginWatch: LoginWatch | undefined;
  let redisHandle: StatsRedisHandle | undefined;
  let ownRecorder = false;
  let redisListeners: (() => void) | undefined;
  let running = false;
  let inFlight = 0;

  async function handle(msg: ChatMessage): Promise<void> {
    const bot = services;
    if (!bot || !running) return;
    const ctx: BotContext = {
      msg,
      bot,
      user: hashId(salt, msg.talker.id),
      room: msg.room ? hashId(salt, msg.room.id) : undefined,
      text: '',
      staff: false,
      replies: [],
    };
    inFlight += 1;
    try {
      await run(ctx);
    } finally {
      inFlight -= 1;
    }
  }

  const platform: WechatyPlatform = createWechatyPlatform({
    ...(options.puppet ? { puppet: options.puppet } : {}),
    ...(config.WECHATY_PUPPET ? { puppetName: config.WECHATY_PUPPET } : {}),
    ...(config.WECHATY_PUPPET_SERVICE_TOKEN ? { token: config.WECHATY_PUPPET_SERVICE_TOKEN } : {}),
    name: config.WECHATY_NAME,
    dataDir: config.PUFA_DATA_DIR,
    botName: config.BOT_NAME,
    logger,
    ...(options.showQr ? { showQr: options.showQr } : {}),
    handlers: {
      message: handle,
      login: async (self) => loginWatch?.onLogin(self),
      logout: async (info) => loginWatch?.onLogout(info),
    },
  });

  async function start(): Promise<void> {
    if (running) return;
    if (!options.puppet && !config.WECHATY_PUPPET) {
      throw new PufaError('PUFA_ERR_CONFIG', 'invalid configuration', { problems: ['WECHATY_PUPPET: set it (e.g. wechaty-puppet-wechat4u) or pass a puppet instance to createBot'] });
    }
    let redis = options.redis;
    if (!redis) {
      // Fail fast at start (wrong password, no such db, unreachable host: the error names the cause).
      redisHandle = await openStatsRedis(config, logger, { purpose: 'service', requireConnection: true, connectionName: `pufa-bot-${account}` });
      redis = redisHandle.redis;
    }
    const health = new RedisHealth({
      logger,
      where: redisHandle?.url ?? describeRedis(config),
      // A tiny write: fails while Redis is full, refuses the password or is unreachable.
      probe: () => redis.set(`${keys.base}health:${account}`, String(Date.now()), 'PX', 60_000),
    });
    redisListeners = attachHealth(redis, health);
    processHealth.redis = health;
    const recorder = options.recorder ?? new RedisStatsRecorder({ redis, logger, config, salt, health });
    ownRecorder = !options.recorder;
    const pipelineDeps = { config, logger, recorder, sessions: new RedisSessionStore(redis, keys), salt };
    const build = () => createBrain({ config, logger });
    const brain = new BrainHolder(options.brain ?? (await build()), pipelineDeps, build);
    const sender = new PacedSender({
      platform,
      redis,
      keys,
      account,
      logger,
      minIntervalMs: config.SEND_MIN_INTERVAL_MS,
      jitterMs: config.SEND_JITTER_MS,
      dailyCap: config.SEND_DAILY_CAP,
      maxChars: config.SEND_MAX_CHARS,
      timeZone: config.STATS_TIMEZONE,
      maxQueue: config.SEND_QUEUE_MAX,
      staleMs: config.SEND_STALE_SEC * 1000,
      health,
      ...(options.random ? { random: options.random } : {}),
    });
    const staff = new StaffDirectory({ staff: config.BOT_STAFF, salt, platform, sender, logger });
    const sharedRedis = redis;
    processHealth.sendQueueLength = () => sender.pending;
    const announcements = new Announcements({ config, logger, redis, keys, account, salt, platform, sender, staff, health, connection: () => bullConnectionFrom(sharedRedis), ...(options.announceWorker ? { worker: options.announceWorker } : {}) });
    services = { config, logger, redis, keys, account, salt, platform, sender, recorder, brain, merges: new MergeRegistry(config.BOT_MERGE_WINDOW_SEC * 1000), announcements, staff, health };
    loginWatch = new LoginWatch({
      redis,
      keys,
      account,
      logger,
      staff,
      announcements,
      isLoggedIn: () => platform.isLoggedIn(),
      restart: () => platform.restart(),
      reloginWaitSec: config.BOT_RELOGIN_WAIT_SEC,
      timeZone: config.STATS_TIMEZONE,
    });
    if (config.BOT_ROOMS.length === 0) logger.warn('BOT_ROOMS is empty: no group is served (private chats only)');
    running = true;
    try {
      await platform.start();
    } catch (err) {
      await stop().catch(() => undefined);
      throw new PufaError('PUFA_ERR_WECHAT', `could not start the WeChat puppet: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    logger.info({ account, rooms: config.BOT_ROOMS.length, staff: config.BOT_STAFF.length }, 'bot started');
  }

  async function stop(): Promise<void> {
    const bot = services;
    if (!bot) return;
    running = false;
    loginWatch?.close();
    // Let the announcement in progress finish its current group and go back to the queue.
    // Bounded: with Redis down or refusing the password, BullMQ's close would wait forever.
    await bot.announcements.stopWorker(STOP_WORKER_MS).catch((err: unknown) => logger.warn({ err }, 'announcement worker did not stop cleanly'));
    const deadline = Date.now() + 5000;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await bot.sender.close(3000);
    // Bounded: a puppet that never connected (wechaty-puppet-service without network) waits 15 s and more.
    await withTimeout(
      platform.stop().catch((err: unknown) => logger.warn({ err }, 'wechaty did not stop cleanly')),
      STOP_WORKER_MS,
    );
    await bot.announcements.close(STOP_WORKER_MS).catch((err: unknown) => logger.warn({ err }, 'announcement queue did not close cleanly'));
    if (ownRecorder) await bot.recorder.close();
    else await withTimeout(bot.recorder.flush(), 3000);
    bot.health.close();
    redisListeners?.();
    redisListeners = undefined;
    if (processHealth.redis === bot.health) {
      processHealth.redis = undefined;
      processHealth.sendQueueLength = () => 0;
    }
    await redisHandle?.close();
    redisHandle = undefined;
    services = undefined;
    logger.info({ account }, 'bot stopped');
  }

  return {
    start,
    stop,
    wechaty: platform.wechaty,
    config,
    get services() {
      return services;
    },
    loggedIn: () => loginWatch?.loggedIn ?? Promise.reject(new PufaError('PUFA_ERR_WECHAT', 'bot not started')),
  };
}
