import { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { BotServices } from '../bot/context.js';
import type { Config } from '../config/config.js';
import type { StatsRedis } from '../redis/connection.js';
import { RedisHealth } from '../redis/health.js';
import { type Session } from './accounts.js';
import { ConsoleMetrics } from './metrics.js';
/**
 * The staff console: a fastify server with a small JSON API under /api (login required;
 * every change needs the CSRF token and is written to the audit log), the pages (plain
 * HTML + ES modules + ECharts from node_modules), and /healthz and /metrics for operations.
 * Served by the bot process (CONSOLE_PORT) or alone by `pufa console`.
 */
export interface ConsoleOptions {
    config: Config;
    logger: Logger;
    redis: StatsRedis;
    /** The running bot in this process, if any (review retrain, live groups, health, metrics). */
    bot?: () => BotServices | undefined;
    /**
     * The Redis health object /healthz and /metrics report. Default: the bot's (`bot().health`)
     * in the bot's process; alone (`pufa console`), one of the console's own, fed by its
     * connection's events and a probe.
     */
    health?: RedisHealth;
    metrics?: ConsoleMetrics;
}
export interface ConsoleServer {
    app: FastifyInstance;
    metrics: ConsoleMetrics;
    /** Listen on CONSOLE_HOST:port (default CONSOLE_PORT); returns the URL. */
    listen(port?: number): Promise<string>;
    close(): Promise<void>;
}
/** Works from src/console (tsx) and dist/console (built): the pages stay in src/console/public. */
export declare const PUBLIC_DIR: string;
declare module 'fastify' {
    interface FastifyRequest {
        staff?: Session;
    }
}
export declare function createConsoleServer(o: ConsoleOptions): Promise<ConsoleServer>;
