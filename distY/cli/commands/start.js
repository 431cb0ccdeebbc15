import { describeRedis, openStatsRedis } from '../../redis/connection.js';
import { scrub } from '../../core/logger.js';
import { RedisStatsRecorder } from '../../stats/redis-recorder.js';
import { loadRuntime } from '../runtime.js';
function stopSignal(logger) {
    return new Promise((resolve) => {
        const on = (signal) => {
            logger.info({ signal }, '正在停止 / stopping (press Ctrl+C again to quit at once)');
            process.once(signal, () => process.exit(130));
            resolve(signal);
        };
        process.once('SIGINT', on);
        process.once('SIGTERM', on);
    });
}
/**
 * A puppet's bug must not take the bot down (wechaty-puppet-service without network threw
 * `TypeError: this.listener.onError is not a function` from a promise and crashed the
 * process): such rejections are logged, masked and once a minute per message, and the bot
 * goes on. Returns a function that removes the handler.
 */
function survivePuppetRejections(logger) {
    const seen = new Map();
    const onRejection = (reason) => {
        const text = scrub(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
        const now = Date.now();
        if (now - (seen.get(text) ?? 0) < 60_000)
            return;
        if (seen.size > 100)
            seen.clear();
        seen.set(text, now);
        logger.error({ err: text }, 'unhandled rejection (a library bug, e.g. the puppet); the bot keeps running');
    };
    process.on('unhandledRejection', onRejection);
    return () => process.off('unhandledRejection', onRejection);
}
/** Run the WeChat bot until `until` (or a signal); returns after a graceful stop. */
export async function runBot(options) {
    const { config, logger } = options;
    const stats = await openStatsRedis(config, logger, { purpose: 'service', requireConnection: true, connectionName: `pufa-bot-${config.WECHATY_NAME}` });
    logger.info({ redis: describeRedis(config, stats.mode === 'embedded' ? stats.url : undefined), puppet: config.WECHATY_PUPPET }, 'starting the WeChat bot');
    // Loaded here: the terminal chat (no puppet) does not load wechaty.
    const restoreConsole = options.until ? () => undefined : (await import('../../wechat/log-bridge.js')).captureConsole(logger);
    const stopHandling = survivePuppetRejections(logger);
    // Listen for SIGINT / SIGTERM from the start: a puppet that cannot connect must not make Ctrl+C useless.
    const until = options.until ?? stopSignal(logger);
    let bot;
    let consoleServer;
    // With CONSOLE_PORT the staff console (and /healthz, /metrics) runs in this process; every
    // consultation passes through the metrics on its way to Redis.
    // (Imported only then: prom-client and fastify are not loaded without a console.)
    const consoleMetrics = config.CONSOLE_PORT !== undefined ? await import('../../console/metrics.js') : undefined;
    const metrics = consoleMetrics ? new consoleMetrics.ConsoleMetrics() : undefined;
    const recorder = consoleMetrics && metrics ? new consoleMetrics.MetricsRecorder(new RedisStatsRecorder({ redis: stats.redis, logger, config }), metrics) : undefined;
    try {
        // Imported here: the terminal chat (no puppet) does not load wechaty.
        const { createBot } = await import('../../bot/create-bot.js');
        bot = createBot({ config, logger, redis: stats.redis, ...(recorder ? { recorder } : {}) });
        const started = bot.start().then(() => 'started');
        if ((await Promise.race([started, until.then(() => 'stop')])) === 'started') {
            if (metrics) {
                const running = bot;
                const { createConsoleServer } = await import('../../console/server.js');
                consoleServer = await createConsoleServer({ config, logger, redis: stats.redis, metrics, bot: () => running.services });
                await consoleServer.listen();
            }
            await until;
        }
        else
            started.catch(() => undefined);
    }
    finally {
        await consoleServer?.close().catch((err) => logger.warn({ err }, 'the console did not stop cleanly'));
        await bot?.stop().catch((err) => logger.error({ err }, 'the bot did not stop cleanly'));
        await recorder?.close().catch((err) => logger.warn({ err }, 'statistics were not flushed cleanly'));
        await stats.close();
        stopHandling();
        restoreConsole();
    }
}
export async function runStart(options) {
    if (!options.config.WECHATY_PUPPET) {
        const { runChat } = await import('../../terminal/chat.js');
        await runChat({ config: options.config, logger: options.logger });
        return;
    }
    await runBot(options);
}
export function registerStartCommand(program) {
    program
        .command('start')
        .description('启动微信机器人；未配置 WECHATY_PUPPET 时进入本地终端对话 (run the WeChat bot, or the terminal chat without a puppet)')
        .action(async () => {
        // Parsed once. The bot is a service: it logs at info unless LOG_LEVEL says otherwise (the chat stays quiet).
        const runtime = loadRuntime({}, { defaultLogLevel: (config) => (config.WECHATY_PUPPET ? 'info' : 'warn') });
        await runStart(runtime);
        // Some puppets leave sockets and timers behind (gRPC channels): exit shortly after a
        // graceful stop instead of running on as a process that says "bot stopped".
        if (runtime.config.WECHATY_PUPPET)
            setTimeout(() => process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0), 1500).unref();
    });
}
//# sourceMappingURL=start.js.map