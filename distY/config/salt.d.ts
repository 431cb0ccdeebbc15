import type { Logger } from 'pino';
import type { Config } from './config.js';
/**
 * The salt of every stored citizen/group hash. HASH_SALT when set; otherwise one generated
 * once (24 random bytes) and kept in `${PUFA_DATA_DIR}/hash-salt` (mode 0600), with a
 * warning: the bot, `pufa simulate` and `pufa chat` on the same data directory then use
 * the same salt, so their hashes match. There is no public fallback salt: a stored hash
 * must never equal HMAC(known salt, WeChat id).
 */
export declare const SALT_FILE = "hash-salt";
export interface ResolvedSalt {
    salt: string;
    source: 'env' | 'file' | 'generated';
    /** The file, for `file` and `generated`. */
    file?: string;
}
export declare function resolveHashSalt(config: Pick<Config, 'HASH_SALT' | 'PUFA_DATA_DIR'>, logger?: Logger): ResolvedSalt;
