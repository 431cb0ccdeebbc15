import * as z from './zod.js';
import { PufaError } from '../core/errors.js';
import { maskSecrets, registerSecret } from '../core/privacy.js';
/**
 * The one configuration module. `loadConfig(env)` parses and validates every variable
 * once and returns a frozen object; an error names each bad variable and what is wrong.
 * Every variable is listed in `.env.example`.
 */
// Environment strings, or typed values passed as overrides (a boolean, a list): a config is
// parsed once, and typed overrides go in as they are rather than back through strings.
const bool = z.union([
    z.boolean(),
    z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', '']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v)),
]);
const listItems = (items) => items.map((s) => s.trim()).filter((s) => s.length > 0);
const list = z.union([z.array(z.string()).transform(listItems), z.string().transform((v) => listItems(v.split(/[,，]/)))]);
const int = (min, max) => z.coerce.number().int().min(min).max(max);
const num = (min, max) => z.coerce.number().min(min).max(max);
export const configSchema = z.object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** auto: pretty when stdout is a terminal. */
    LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
    PUFA_INTENTS_DIR: z.string().min(1).default('intents'),
    PUFA_KNOWLEDGE_DIR: z.string().min(1).default('knowledge'),
    PUFA_CACHE_DIR: z.string().min(1).default('.cache'),
    PUFA_DATA_DIR: z.string().min(1).default('data'),
    /** Longest message kept for matching, in characters. */
    PUFA_MAX_INPUT_CHARS: int(50, 10000).default(400),
    NLU_ANSWER_THRESHOLD: num(0, 1).optional(),
    NLU_CLARIFY_THRESHOLD: num(0, 1).optional(),
    NLU_MIN_GAP: num(0, 1).optional(),
    /** When "not ours" wins without confidence: ask back with the bureau topics scoring at least this share of it (1 = always decline). */
    NLU_NOT_OURS_SHARE: num(0, 1).optional(),
    /** A bureau topic the model is at least this sure of is answered without an evidence word of the text (1 = never). */
    NLU_SURE_THRESHOLD: num(0, 1).optional(),
    /** A letter (a message of at least NLU_LETTER_CHARS characters) is answered only from this top score on (0 = as any message). */
    NLU_LETTER_ANSWER_THRESHOLD: num(0, 1).optional(),
    NLU_LETTER_CHARS: int(20, 10000).optional(),
    /** Secret salt for hashing WeChat ids. Required when WeChat is configured. */
    HASH_SALT: z.string().min(16, 'must be at least 16 characters').optional(),
    REDIS_URL: z
        .string()
        .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
        .optional(),
    REDIS_SENTINELS: list.optional(),
    REDIS_SENTINEL_NAME: z.string().min(1).default('mymaster'),
    REDIS_CLUSTER_NODES: list.optional(),
    REDIS_PREFIX: z
        .string()
        .regex(/^[A-Za-z0-9_:.-]*$/, 'may only contain letters, digits and _ : . -')
        .default('pufa:'),
    REDIS_SERVER_BIN: z.string().min(1).default('redis-server'),
    STATS_RETENTION_DAYS: int(1, 3650).default(400),
    STATS_BUFFER_MAX: int(0, 1_000_000).default(10_000),
    STATS_REVIEW_MAX: int(10, 1_000_000).default(2_000),
    STATS_TIMEZONE: z.string().min(1).default('Asia/Shanghai'),
    /** Answers with a topic score below this go to the staff review list as low-confidence. */
    STATS_REVIEW_LOW_SCORE: num(0, 1).default(0.5),
    /** "Was it helpful?" line after a private answer (at most once per citizen per day); `off` = never. */
    BOT_FEEDBACK_PROMPT: z.string().min(1).max(100).default('有帮助吗？回复 👍 或 👎'),
    WECHATY_PUPPET: z.string().min(1).optional(),
    WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
    WECHATY_NAME: z.string().min(1).default('pufa-bot'),
    BOT_NAME: z.string().min(1).default('普法助手'),
    BOT_WAKE_WORDS: list.default(['问', '咨询', '城管', '普法']),
    BOT_ROOMS: list.default([]),
    BOT_STAFF: list.default([]),
    BOT_MAX_MESSAGE_AGE_SEC: int(1, 86400).default(120),
    BOT_USER_RATE_PER_MIN: int(1, 1000).default(6),
    BOT_ROOM_RATE_PER_MIN: int(1, 1000).default(20),
    BOT_MERGE_WINDOW_SEC: int(0, 3600).default(60),
    BOT_CLARIFY_TTL_SEC: int(10, 86400).default(600),
    /** A follow-up without its own topic ("那罚多少钱？") is understood in the previous answer's topic for this long. */
    BOT_CONTEXT_TTL_SEC: int(10, 86400).default(300),
    BOT_NONTEXT_HINT_SEC: int(0, 86400).default(3600),
    /** Group answers wait this long before sending, so the same question from others meanwhile joins one reply. */
    BOT_MERGE_HOLD_MS: int(0, 60_000).default(1500),
    /** After a logout, restart the puppet (new QR code / session) when no login followed within this time. */
    BOT_RELOGIN_WAIT_SEC: int(5, 86400).default(60),
    SEND_MIN_INTERVAL_MS: int(0, 600_000).default(1500),
    SEND_JITTER_MS: int(0, 600_000).default(1000),
    SEND_DAILY_CAP: int(1, 1_000_000).default(2000),
    SEND_MAX_CHARS: int(50, 5000).default(600),
    ANNOUNCE_GROUP_INTERVAL_MS: int(0, 3_600_000).default(5000),
    // ---- Hardening (issue 9) ----
    /** Longest announcement text (#公告 / #定时), in characters; longer ones are refused with a clear message. */
    ANNOUNCE_MAX_CHARS: int(10, 20_000).default(1000),
    /** Most messages waiting in one account's send queue; beyond it new citizen replies are refused (urgent ones still go first). */
    SEND_QUEUE_MAX: int(10, 1_000_000).default(500),
    /** A citizen's reply that waited longer than this in the send queue is replaced by one short apology. */
    SEND_STALE_SEC: int(5, 86_400).default(180),
    /** At start, how long to wait for Redis before giving up with the cause (wrong password, no such db, unreachable). */
    REDIS_START_TIMEOUT_SEC: int(1, 600).default(10),
    /** `pufa simulate` and other batch writers: how long to wait for Redis to come back before giving up (exit non-zero). */
    REDIS_BATCH_WAIT_SEC: int(0, 86_400).default(60),
    /** Staff web console (src/console/): served by `pufa start` when set, and by `pufa console`. */
    CONSOLE_PORT: int(0, 65535).optional(),
    CONSOLE_HOST: z.string().min(1).default('127.0.0.1'),
    /** Hours a console login lasts without activity. */
    CONSOLE_SESSION_HOURS: num(0.1, 720).default(12),
    /** Failed-or-not login attempts allowed per client address and minute. */
    CONSOLE_LOGIN_PER_MIN: int(1, 1000).default(5),
    /** Behind a reverse proxy: trust X-Forwarded-For / -Proto from it (and mark cookies Secure on https). */
    CONSOLE_TRUST_PROXY: bool.default(false),
});
/** Variables whose values are never echoed (only masked) in error messages and logs. */
const SECRET_VARIABLES = new Set(['HASH_SALT', 'WECHATY_PUPPET_SERVICE_TOKEN']);
const URL_VARIABLES = new Set(['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES']);
/** A configured value as it may appear in an error message: secrets never, URLs with the password masked. */
function shown(name, value) {
    if (SECRET_VARIABLES.has(name))
        return `(${String(value).length} characters, not shown)`;
    const text = JSON.stringify(value);
    return URL_VARIABLES.has(name) ? maskSecrets(text) : text;
}
/** Every secret of the configuration is registered so that log lines mask it wherever it appears. */
function registerSecrets(source) {
    for (const name of SECRET_VARIABLES)
        if (typeof source[name] === 'string')
            registerSecret(source[name]);
    for (const name of URL_VARIABLES) {
        const value = source[name];
        const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,，]/) : [];
        for (const entry of entries) {
            const m = /^[a-z][a-z0-9+.-]*:\/\/[^:@/]*:([^@/]+)@/i.exec(String(entry).trim());
            if (m?.[1]) {
                registerSecret(m[1]);
                try {
                    registerSecret(decodeURIComponent(m[1]));
                }
                catch {
                    // not URI-encoded
                }
            }
        }
    }
}
/** Parse and validate `env` (default `process.env`). Throws PUFA_ERR_CONFIG naming every bad variable. */
export function loadConfig(env = process.env, overrides = {}) {
    const source = {};
    for (const key of Object.keys(configSchema.shape)) {
        const value = env[key];
        if (value !== undefined && value !== '')
            source[key] = value;
    }
    Object.assign(source, overrides);
    registerSecrets(source);
    const parsed = configSchema.safeParse(source);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => {
            const name = issue.path.join('.') || '(config)';
            const got = source[name];
            return `${name}: ${issue.message}${got === undefined ? '' : ` (got ${shown(name, got)})`}`;
        });
        throw new PufaError('PUFA_ERR_CONFIG', 'invalid configuration', { problems });
    }
    // HASH_SALT may be unset: whatever records consultations resolves it with
    // resolveHashSalt() (src/config/salt.ts), which generates one under PUFA_DATA_DIR once.
    return Object.freeze(parsed.data);
}
/**
 * @deprecated The public development salt. Nothing that records consultations may use it
 * (a stored hash would equal HMAC(public salt, id)): use resolveHashSalt() from
 * src/config/salt.ts. Kept only so that older imports compile.
 */
export const DEV_HASH_SALT = 'pufa-dev-salt-not-for-production';
//# sourceMappingURL=config.js.map