import { createChatService } from '../chat/service.js';
import { loadConfig } from '../config/config.js';
import { resolveHashSalt } from '../config/salt.js';
import { PufaError } from '../core/errors.js';
import { createLogger } from '../core/logger.js';
import { createBrain } from '../nlu/brain.js';
import { describeRedis, openStatsRedis } from '../redis/connection.js';
import { RedisHealth, watchConnection } from '../redis/health.js';
import { RedisStatsRecorder } from '../stats/redis-recorder.js';
import { createWechatyPlatform } from '../wechat/wechaty-platform.js';
import { Announcements } from './announce/announcements.js';
import { serviceNotices } from '../render/notices.js';
import { BrainHolder } from './brain-holder.js';
import { accountKey, botKeys } from '../redis/bot-keys.js';
import { LoginWatch } from './login-watch.js';
import { RedisChatStore } from './redis-store.js';
import { PacedSender } from './sender.js';
import { botStaffCommands } from './staff/commands.js';
import { StaffDirectory } from './staff/directory.js';
/** How long stop() waits for the announcement worker and queue before cutting their connections. */
const STOP_WORKER_MS = 5000;
function withTimeout(p, ms) {
    return new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        const done = () => {
            clearTimeout(timer);
            resolve();
        };
        p.then(done, done);
    });
}
/** A Redis connection for BullMQ: same server and credentials, but blocking-friendly. */
function bullConnectionFrom(redis) {
    const blocking = { maxRetriesPerRequest: null, enableOfflineQueue: true, commandTimeout: undefined, lazyConnect: false, retryStrategy: (n) => Math.min(200 * n, 5000) };
    if (redis.isCluster) {
        const cluster = redis;
        return cluster.duplicate(undefined, { enableOfflineQueue: true, lazyConnect: false, redisOptions: { ...cluster.options.redisOptions, ...blocking } });
    }
    const single = redis;
    return single.duplicate({ ...blocking, connectionName: `pufa-bull-${process.pid}` });
}
/** The wechaty adapter's options from the config (puppet by instance or by name, its token, the memory card). */
function platformOptions(config, logger, options) {
    return {
        ...(options.puppet ? { puppet: options.puppet } : {}),
        ...(config.WECHATY_PUPPET ? { puppetName: config.WECHATY_PUPPET } : {}),
        ...(config.WECHATY_PUPPET_SERVICE_TOKEN ? { token: config.WECHATY_PUPPET_SERVICE_TOKEN } : {}),
        name: config.WECHATY_NAME,
        dataDir: config.PUFA_DATA_DIR,
        botName: config.BOT_NAME,
        logger,
        ...(options.showQr ? { showQr: options.showQr } : {}),
    };
}
/** Redis for the bot: the one given, or opened here — failing fast at start (wrong password, no such db, unreachable host: the error names the cause). */
async function openRedis(config, logger, given, account) {
    if (given)
        return { redis: given };
    const handle = await openStatsRedis(config, logger, { purpose: 'service', requireConnection: true, connectionName: `pufa-bot-${account}` });
    return { redis: handle.redis, handle };
}
/** Redis health: a tiny write as probe; connection errors and readiness of the client feed it. Returns it and a detach function. */
function watchHealth(redis, where, probeKey, logger) {
    const health = new RedisHealth({ logger, where, probe: () => redis.set(probeKey, String(Date.now()), 'PX', 60_000) });
    return { health, detach: watchConnection(redis, health) };
}
/** The paced sender of the account: every message of the bot goes out through it. */
function pacedSender(config, logger, platform, redis, health, account, brain, random) {
    return new PacedSender({
        staleApology: () => serviceNotices(brain.brain.kb.common).staleApology,
        platform,
        redis,
        keys: botKeys(config.REDIS_PREFIX),
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
        ...(random ? { random } : {}),
    });
}
/** Everything the bot's own features use: recorder, brain, sender, staff, announcements. */
async function botServices(base, options) {
    const { config, logger, salt, account, platform, redis, health } = base;
    const keys = botKeys(config.REDIS_PREFIX);
    const recorder = options.recorder ?? new RedisStatsRecorder({ redis, logger, config, salt, health });
    const build = () => createBrain({ config, logger, longRunning: true, warmUp: true });
    const brain = new BrainHolder(options.brain ?? (await build()), build);
    const sender = pacedSender(config, logger, platform, redis, health, account, brain, options.random);
    const staff = new StaffDirectory({ staff: config.BOT_STAFF, salt, platform, sender, logger });
    const announcements = new Announcements({ config, logger, redis, keys, account, salt, platform, sender, staff, health, connection: () => bullConnectionFrom(redis), ...(options.announceWorker ? { worker: options.announceWorker } : {}) });
    return { config, logger, redis, keys, account, salt, platform, sender, recorder, brain, announcements, staff, health };
}
/** Login notices, announcements paused while logged out, the puppet restarted when no login follows. */
function loginWatch(bot, platform) {
    const { redis, keys, account, logger, staff, announcements, config } = bot;
    return new LoginWatch({
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
}
/** The WeChat edge of the chat service: messages → CHAT_STEPS → the paced sender, state and limits in Redis, staff commands. */
function wechatChat(bot, platform, watch) {
    return createChatService({
        platform,
        brain: bot.brain,
        store: new RedisChatStore(bot.redis, bot.keys),
        recorder: bot.recorder,
        config: bot.config,
        logger: bot.logger,
        salt: bot.salt,
        outbox: bot.sender,
        commands: botStaffCommands(bot),
        health: bot.health,
        events: { login: (self) => watch.onLogin(self), logout: (info) => watch.onLogout(info) },
    });
}
/**
 * The WeChat bot: the chat service (src/chat/: one MessageContext, CHAT_STEPS) on the
 * wechaty platform (src/wechat/), with the paced sender as its outbox and its state in
 * Redis; plus staff commands, announcements (BullMQ) and login notices. Several processes
 * (one per WeChat account, each with its own WECHATY_NAME) may share one Redis.
 */
export function createBot(options = {}) {
    const config = options.config ?? loadConfig();
    const logger = (options.logger ?? createLogger(config)).child({ component: 'bot' });
    // HASH_SALT, or the one generated once under PUFA_DATA_DIR (shared with `pufa simulate`).
    const salt = resolveHashSalt(config, logger).salt;
    const account = accountKey(config.WECHATY_NAME);
    const platform = createWechatyPlatform(platformOptions(config, logger, options));
    let running;
    async function assemble() {
        const { redis, handle } = await openRedis(config, logger, options.redis, account);
        const { health, detach } = watchHealth(redis, handle?.url ?? describeRedis(config), `${botKeys(config.REDIS_PREFIX).base}health:${account}`, logger);
        const bot = await botServices({ config, logger, salt, account, platform, redis, health }, options);
        const watch = loginWatch(bot, platform);
        return { bot, chat: wechatChat(bot, platform, watch), watch, ownRecorder: !options.recorder, detachHealth: detach, ...(handle ? { redisHandle: handle } : {}) };
    }
    async function start() {
        if (running)
            return;
        if (!options.puppet && !config.WECHATY_PUPPET) {
            throw new PufaError('PUFA_ERR_CONFIG', 'invalid configuration', { problems: ['WECHATY_PUPPET: set it (e.g. wechaty-puppet-wechat4u) or pass a puppet instance to createBot'] });
        }
        running = await assemble();
        if (config.BOT_ROOMS.length === 0)
            logger.warn('BOT_ROOMS is empty: no group is served (private chats only)');
        try {
            await running.chat.start();
        }
        catch (err) {
            await stop().catch(() => undefined);
            throw new PufaError('PUFA_ERR_WECHAT', `could not start the WeChat puppet: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
        logger.info({ account, rooms: config.BOT_ROOMS.length, staff: config.BOT_STAFF.length }, 'bot started');
    }
    async function stop() {
        const r = running;
        if (!r)
            return;
        const { bot, chat } = r;
        // No new messages from here on; those in flight may finish (bounded).
        const drained = chat.drain(5000);
        r.watch.close();
        // Let the announcement in progress finish its current group and go back to the queue.
        // Bounded: with Redis down or refusing the password, BullMQ's close would wait forever.
        await bot.announcements.stopWorker(STOP_WORKER_MS).catch((err) => logger.warn({ err }, 'announcement worker did not stop cleanly'));
        await drained;
        await bot.sender.close(3000);
        // Bounded: a puppet that never connected (wechaty-puppet-service without network) waits 15 s and more.
        await withTimeout(platform.stop().catch((err) => logger.warn({ err }, 'wechaty did not stop cleanly')), STOP_WORKER_MS);
        await bot.announcements.close(STOP_WORKER_MS).catch((err) => logger.warn({ err }, 'announcement queue did not close cleanly'));
        if (r.ownRecorder)
            await bot.recorder.close();
        else
            await withTimeout(bot.recorder.flush(), 3000);
        bot.health.close();
        r.detachHealth();
        await r.redisHandle?.close();
        running = undefined;
        logger.info({ account }, 'bot stopped');
    }
    return {
        start,
        stop,
        wechaty: platform.wechaty,
        config,
        get services() {
            return running?.bot;
        },
        get chat() {
            return running?.chat;
        },
        loggedIn: () => running?.watch.loggedIn ?? Promise.reject(new PufaError('PUFA_ERR_WECHAT', 'bot not started')),
    };
}
//# sourceMappingURL=create-bot.js.map