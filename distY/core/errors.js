/**
 * One table of error codes (in the style of fastify's lib/errors.js). Every error a
 * staff member or an installer can see carries a code and a message they can act on.
 */
export const ERROR_CODES = {
    PUFA_ERR_CONFIG: 'configuration is invalid',
    PUFA_ERR_INTENTS: 'intent data is invalid',
    PUFA_ERR_KNOWLEDGE: 'knowledge data is invalid',
    PUFA_ERR_LAWS: 'law texts could not be read',
    PUFA_ERR_MODEL: 'the NLU model could not be trained or loaded',
    PUFA_ERR_INPUT: 'input is invalid',
    PUFA_ERR_REDIS: 'Redis is unavailable',
    PUFA_ERR_REDIS_BINARY: 'redis-server is not installed',
    PUFA_ERR_EXPORT: 'export failed',
    PUFA_ERR_WECHAT: 'WeChat connection failed',
};
export class PufaError extends Error {
    code;
    /** Individual problems, e.g. one line per bad entry of a data file. */
    problems;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'PufaError';
        this.code = code;
        this.problems = options.problems ?? [];
    }
    /** Message plus the list of problems, for terminals and logs. */
    describe() {
        const head = `${this.code}: ${this.message}`;
        return this.problems.length === 0 ? head : `${head}\n${this.problems.map((p) => `  - ${p}`).join('\n')}`;
    }
}
export function isPufaError(err) {
    return err instanceof PufaError;
}
//# sourceMappingURL=errors.js.map