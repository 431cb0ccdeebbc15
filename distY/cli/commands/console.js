import { openStatsRedis } from '../../redis/connection.js';
import { createConsoleServer } from '../../console/server.js';
import { loadRuntime } from '../runtime.js';
/**
 * `pufa console`: the staff web console alone, on the same Redis as the bot (which may run
 * on another machine). Figures, review queue, exports and announcements work here; retrain
 * needs the bot's own process (its console, CONSOLE_PORT).
 */
export function registerConsoleCommand(program) {
    program
        .command('console')
        .description('启动工作人员网页控制台 (serve the staff web console: dashboard, review, announcements, exports)')
        .option('--port <port>', '端口 port (default CONSOLE_PORT or 8080)')
        .action(async (opts) => {
        const { config, logger } = loadRuntime({ LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' });
        const store = await openStatsRedis(config, logger, { purpose: 'service', connectionName: 'pufa-console' });
        const server = await createConsoleServer({ config, logger, redis: store.redis });
        try {
            const url = await server.listen(opts.port !== undefined ? Number(opts.port) : undefined);
            process.stderr.write(`控制台已启动 / console: ${url}\n（新建账号：pufa staff add <账号名>；Ctrl+C 停止）\n`);
            await new Promise((resolve) => {
                process.once('SIGINT', () => resolve());
                process.once('SIGTERM', () => resolve());
            });
        }
        finally {
            await server.close();
            await store.close();
        }
    });
}
//# sourceMappingURL=console.js.map