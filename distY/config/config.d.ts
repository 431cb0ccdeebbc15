import * as z from './zod.js';
export declare const configSchema: import("zod").ZodObject<{
    NODE_ENV: import("zod").ZodDefault<import("zod").ZodEnum<{
        development: "development";
        production: "production";
        test: "test";
    }>>;
    LOG_LEVEL: import("zod").ZodDefault<import("zod").ZodEnum<{
        fatal: "fatal";
        error: "error";
        warn: "warn";
        info: "info";
        debug: "debug";
        trace: "trace";
        silent: "silent";
    }>>;
    LOG_FORMAT: import("zod").ZodDefault<import("zod").ZodEnum<{
        auto: "auto";
        pretty: "pretty";
        json: "json";
    }>>;
    PUFA_INTENTS_DIR: import("zod").ZodDefault<import("zod").ZodString>;
    PUFA_KNOWLEDGE_DIR: import("zod").ZodDefault<import("zod").ZodString>;
    PUFA_CACHE_DIR: import("zod").ZodDefault<import("zod").ZodString>;
    PUFA_DATA_DIR: import("zod").ZodDefault<import("zod").ZodString>;
    PUFA_MAX_INPUT_CHARS: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    NLU_ANSWER_THRESHOLD: import("zod").ZodOptional<z.coerce.ZodCoercedNumber<unknown>>;
    NLU_CLARIFY_THRESHOLD: import("zod").ZodOptional<z.coerce.ZodCoercedNumber<unknown>>;
    NLU_MIN_GAP: import("zod").ZodOptional<z.coerce.ZodCoercedNumber<unknown>>;
    NLU_NOT_OURS_SHARE: import("zod").ZodOptional<z.coerce.ZodCoercedNumber<unknown>>;
    NLU_SURE_THRESHOLD: import("zod").ZodOptional<z.coerce.ZodCoercedNumber<unknown>>;
    NLU_LETTER_ANSWER_THRESHOLD: import("zod").ZodOptional<z.coerce.ZodCoercedNumber<unknown>>;
    NLU_LETTER_CHARS: import("zod").ZodOptional<z.coerce.ZodCoercedNumber<unknown>>;
    HASH_SALT: import("zod").ZodOptional<import("zod").ZodString>;
    REDIS_URL: import("zod").ZodOptional<import("zod").ZodString>;
    REDIS_SENTINELS: import("zod").ZodOptional<import("zod").ZodUnion<readonly [import("zod").ZodPipe<import("zod").ZodArray<import("zod").ZodString>, import("zod").ZodTransform<string[], string[]>>, import("zod").ZodPipe<import("zod").ZodString, import("zod").ZodTransform<string[], string>>]>>;
    REDIS_SENTINEL_NAME: import("zod").ZodDefault<import("zod").ZodString>;
    REDIS_CLUSTER_NODES: import("zod").ZodOptional<import("zod").ZodUnion<readonly [import("zod").ZodPipe<import("zod").ZodArray<import("zod").ZodString>, import("zod").ZodTransform<string[], string[]>>, import("zod").ZodPipe<import("zod").ZodString, import("zod").ZodTransform<string[], string>>]>>;
    REDIS_PREFIX: import("zod").ZodDefault<import("zod").ZodString>;
    REDIS_SERVER_BIN: import("zod").ZodDefault<import("zod").ZodString>;
    STATS_RETENTION_DAYS: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    STATS_BUFFER_MAX: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    STATS_REVIEW_MAX: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    STATS_TIMEZONE: import("zod").ZodDefault<import("zod").ZodString>;
    STATS_REVIEW_LOW_SCORE: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    BOT_FEEDBACK_PROMPT: import("zod").ZodDefault<import("zod").ZodString>;
    WECHATY_PUPPET: import("zod").ZodOptional<import("zod").ZodString>;
    WECHATY_PUPPET_SERVICE_TOKEN: import("zod").ZodOptional<import("zod").ZodString>;
    WECHATY_NAME: import("zod").ZodDefault<import("zod").ZodString>;
    BOT_NAME: import("zod").ZodDefault<import("zod").ZodString>;
    BOT_WAKE_WORDS: import("zod").ZodDefault<import("zod").ZodUnion<readonly [import("zod").ZodPipe<import("zod").ZodArray<import("zod").ZodString>, import("zod").ZodTransform<string[], string[]>>, import("zod").ZodPipe<import("zod").ZodString, import("zod").ZodTransform<string[], string>>]>>;
    BOT_ROOMS: import("zod").ZodDefault<import("zod").ZodUnion<readonly [import("zod").ZodPipe<import("zod").ZodArray<import("zod").ZodString>, import("zod").ZodTransform<string[], string[]>>, import("zod").ZodPipe<import("zod").ZodString, import("zod").ZodTransform<string[], string>>]>>;
    BOT_STAFF: import("zod").ZodDefault<import("zod").ZodUnion<readonly [import("zod").ZodPipe<import("zod").ZodArray<import("zod").ZodString>, import("zod").ZodTransform<string[], string[]>>, import("zod").ZodPipe<import("zod").ZodString, import("zod").ZodTransform<string[], string>>]>>;
    BOT_MAX_MESSAGE_AGE_SEC: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    BOT_USER_RATE_PER_MIN: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    BOT_ROOM_RATE_PER_MIN: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    BOT_MERGE_WINDOW_SEC: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    BOT_CLARIFY_TTL_SEC: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    BOT_CONTEXT_TTL_SEC: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    BOT_NONTEXT_HINT_SEC: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    BOT_MERGE_HOLD_MS: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    BOT_RELOGIN_WAIT_SEC: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    SEND_MIN_INTERVAL_MS: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    SEND_JITTER_MS: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    SEND_DAILY_CAP: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    SEND_MAX_CHARS: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    ANNOUNCE_GROUP_INTERVAL_MS: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    ANNOUNCE_MAX_CHARS: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    SEND_QUEUE_MAX: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    SEND_STALE_SEC: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    REDIS_START_TIMEOUT_SEC: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    REDIS_BATCH_WAIT_SEC: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    CONSOLE_PORT: import("zod").ZodOptional<z.coerce.ZodCoercedNumber<unknown>>;
    CONSOLE_HOST: import("zod").ZodDefault<import("zod").ZodString>;
    CONSOLE_SESSION_HOURS: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    CONSOLE_LOGIN_PER_MIN: import("zod").ZodDefault<z.coerce.ZodCoercedNumber<unknown>>;
    CONSOLE_TRUST_PROXY: import("zod").ZodDefault<import("zod").ZodUnion<readonly [import("zod").ZodBoolean, import("zod").ZodPipe<import("zod").ZodEnum<{
        "": "";
        0: "0";
        1: "1";
        true: "true";
        false: "false";
        yes: "yes";
        no: "no";
        on: "on";
        off: "off";
    }>, import("zod").ZodTransform<boolean, "" | "0" | "1" | "true" | "false" | "yes" | "no" | "on" | "off">>]>>;
}, import("zod/v4/core").$strip>;
export type RawConfig = z.input<typeof configSchema>;
export type Config = Readonly<z.output<typeof configSchema>>;
/** Parse and validate `env` (default `process.env`). Throws PUFA_ERR_CONFIG naming every bad variable. */
export declare function loadConfig(env?: Record<string, string | undefined>, overrides?: Partial<Record<keyof Config, unknown>>): Config;
/**
 * @deprecated The public development salt. Nothing that records consultations may use it
 * (a stored hash would equal HMAC(public salt, id)): use resolveHashSalt() from
 * src/config/salt.ts. Kept only so that older imports compile.
 */
export declare const DEV_HASH_SALT = "pufa-dev-salt-not-for-production";
