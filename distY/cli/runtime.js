import { loadConfig } from '../config/config.js';
import { createLogger } from '../core/logger.js';
export function loadRuntime(overrides = {}, options = {}) {
    const parsed = loadConfig(process.env, overrides);
    const levelGiven = process.env.LOG_LEVEL !== undefined || overrides.LOG_LEVEL !== undefined;
    const level = levelGiven ? parsed.LOG_LEVEL : (options.defaultLogLevel?.(parsed) ?? 'warn');
    // The default level is a typed value set on the parsed config, not a second parse.
    const config = level === parsed.LOG_LEVEL ? parsed : Object.freeze({ ...parsed, LOG_LEVEL: level });
    const logger = createLogger(config);
    return { config, logger };
}
/** The brain, imported on demand: a command's `--help` does not load node-nlp or the model. */
export async function loadBrain(runtime) {
    const { createBrain } = await import('../nlu/brain.js');
    return createBrain({ config: runtime.config, logger: runtime.logger });
}
//# sourceMappingURL=runtime.js.map