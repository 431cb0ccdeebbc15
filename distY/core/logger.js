import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import pino from 'pino';
import { maskSecrets, redactPii } from './privacy.js';
/**
 * pino logger: pretty in a terminal, JSON otherwise. Free text in log records is passed
 * through `redactPii` and `maskSecrets` (Redis URL passwords, HASH_SALT, tokens), and
 * fields that could carry raw ids are censored by path.
 */
export const REDACT_PATHS = [
    'userId', 'roomId', 'wxid', 'contactId', 'phone', 'idCard', 'name', 'nickname', 'alias',
    '*.userId', '*.roomId', '*.wxid', '*.contactId', '*.phone', '*.idCard', '*.name', '*.nickname', '*.alias',
    'msg.userId', 'msg.roomId',
];
/** Personal data and secrets out of one logged string. */
export function scrub(text) {
    return redactPii(maskSecrets(text));
}
function redactStrings(value, depth = 0) {
    if (typeof value === 'string')
        return scrub(value);
    if (depth > 4 || value === null || typeof value !== 'object')
        return value;
    if (value instanceof Error)
        return redactStrings(pino.stdSerializers.err(value), depth + 1);
    if (Array.isArray(value))
        return value.map((v) => redactStrings(v, depth + 1));
    const out = {};
    for (const [k, v] of Object.entries(value))
        out[k] = redactStrings(v, depth + 1);
    return out;
}
/**
 * Pretty lines for a terminal, formatted in this thread and written to stderr at once.
 * pino's `transport` would start pino-pretty in a worker thread, which cost a CLI command
 * about a quarter of its start-up (CPU) even when it logged nothing; here pino-pretty is
 * loaded on the first line written.
 */
function prettyStderr() {
    let prettify;
    return {
        write(line) {
            prettify ??= createRequire(import.meta.url)('pino-pretty').prettyFactory({
                colorize: true,
                translateTime: 'SYS:HH:MM:ss',
                ignore: 'pid,hostname',
            });
            const out = Buffer.from(prettify(line));
            for (let off = 0, tries = 0; off < out.length;) {
                try {
                    off += writeSync(2, out, off);
                }
                catch (err) {
                    // A non-blocking pipe that is full: retry a few times, then drop the line.
                    if (err.code !== 'EAGAIN' || ++tries > 100)
                        return;
                }
            }
        },
    };
}
export function createLogger(config, options = {}) {
    const pretty = !options.destination && (config.LOG_FORMAT === 'pretty' || (config.LOG_FORMAT === 'auto' && process.stdout.isTTY === true));
    const base = {
        level: config.LOG_LEVEL,
        base: undefined,
        redact: { paths: REDACT_PATHS, censor: '[redacted]' },
        // Error messages and stacks can quote user input (a phone number in a failed query).
        serializers: { err: (e) => redactStrings(e) },
        formatters: { log: (obj) => redactStrings(obj) },
        hooks: {
            logMethod(args, method) {
                // Redact the message string too (pino's redact only covers object paths).
                const redacted = args.map((a) => (typeof a === 'string' ? scrub(a) : a));
                method.apply(this, redacted);
            },
        },
    };
    if (options.destination)
        return pino(base, options.destination);
    if (pretty) {
        return pino(base, prettyStderr());
    }
    return pino(base, pino.destination(2));
}
//# sourceMappingURL=logger.js.map