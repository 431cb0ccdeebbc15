/**
 * One table of error codes (in the style of fastify's lib/errors.js). Every error a
 * staff member or an installer can see carries a code and a message they can act on.
 */
export declare const ERROR_CODES: {
    readonly PUFA_ERR_CONFIG: "configuration is invalid";
    readonly PUFA_ERR_INTENTS: "intent data is invalid";
    readonly PUFA_ERR_KNOWLEDGE: "knowledge data is invalid";
    readonly PUFA_ERR_LAWS: "law texts could not be read";
    readonly PUFA_ERR_MODEL: "the NLU model could not be trained or loaded";
    readonly PUFA_ERR_INPUT: "input is invalid";
    readonly PUFA_ERR_REDIS: "Redis is unavailable";
    readonly PUFA_ERR_REDIS_BINARY: "redis-server is not installed";
    readonly PUFA_ERR_EXPORT: "export failed";
    readonly PUFA_ERR_WECHAT: "WeChat connection failed";
};
export type ErrorCode = keyof typeof ERROR_CODES;
export declare class PufaError extends Error {
    readonly code: ErrorCode;
    /** Individual problems, e.g. one line per bad entry of a data file. */
    readonly problems: readonly string[];
    constructor(code: ErrorCode, message: string, options?: {
        problems?: readonly string[];
        cause?: unknown;
    });
    /** Message plus the list of problems, for terminals and logs. */
    describe(): string;
}
export declare function isPufaError(err: unknown): err is PufaError;
