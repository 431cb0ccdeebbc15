import type { Logger } from 'pino';
import { loadConfig, type Config } from '../config/config.js';
import { createLogger } from '../core/logger.js';
import type { Brain } from '../nlu/brain.js';

/**
 * What most commands need: the validated config (parsed once, here), a logger on stderr,
 * and the brain. Command-line tools are quiet by default (warn) unless LOG_LEVEL says otherwise.
 */
export interface Runtime {
  config: Config;
  logger: Logger;
}

export interface RuntimeOptions {
  /** The log level when LOG_LEVEL is not set, from the parsed config (default warn). */
  defaultLogLevel?: (config: Config) => Config['LOG_LEVEL'];
}

export function loadRuntime(overrides: Partial<Record<keyof Config, unknown>> = {}, options: RuntimeOptions = {}): Runtime {
  const parsed = loadConfig(process.env, overrides);
  const levelGiven = process.env.LOG_LEVEL !== undefined || overrides.LOG_LEVEL !== undefined;
  const level = levelGiven ? parsed.LOG_LEVEL : (options.defaultLogLevel?.(parsed) ?? 'warn');
  // The default level is a typed value set on the parsed config, not a second parse.
  const config = level === parsed.LOG_LEVEL ? parsed : Object.freeze({ ...parsed, LOG_LEVEL: level });
  const logger = createLogger(config);
  return { config, logger };
}

/** The brain, imported on demand: a command's `--help` does not load node-nlp or the model. */
export async function loadBrain(runtime: Runtime): Promise<Brain> {
  const { createBrain } = await import('../nlu/brain.js');
  return createBrain({ config: runtime.config, logger: runtime.logger });
}
