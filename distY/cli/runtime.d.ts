import type { Logger } from 'pino';
import { type Config } from '../config/config.js';
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
export declare function loadRuntime(overrides?: Partial<Record<keyof Config, unknown>>, options?: RuntimeOptions): Runtime;
/** The brain, imported on demand: a command's `--help` does not load node-nlp or the model. */
export declare function loadBrain(runtime: Runtime): Promise<Brain>;
