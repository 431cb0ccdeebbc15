import type { Logger } from 'pino';
import { loadConfig, type Config } from '../config/config.js';
import { createLogger } from '../core/logger.js';
import type { Brain } from '../nlu/brain.js';

/**
 * What most commands need: the validated config, a logger on stderr, and the brain.
 * Command-line tools are quiet by default (warn) unless LOG_LEVEL says otherwise.
 */
export interface Runtime {
  config: Config;
  logger: Logger;
}

export function loadRuntime(overrides: Partial<Record<keyof Config, unknown>> = {}): Runtime {
  const env = { ...process.env };
  if (env.LOG_LEVEL === undefined) env.LOG_LEVEL = 'warn';
  const config = loadConfig(env, overrides);
  const logger = createLogger(config);
  return { config, logger };
}

/** The brain, imported on demand: a command's `--help` does not load node-nlp or the model. */
export async function loadBrain(runtime: Runtime): Promise<Brain> {
  const { createBrain } = await import('../nlu/brain.js');
  return createBrain({ config: runtime.config, logger: runtime.logger });
}
