import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PufaError } from '../core/errors.js';
import { registerSecret } from '../core/privacy.js';
/**
 * The salt of every stored citizen/group hash. HASH_SALT when set; otherwise one generated
 * once (24 random bytes) and kept in `${PUFA_DATA_DIR}/hash-salt` (mode 0600), with a
 * warning: the bot, `pufa simulate` and `pufa chat` on the same data directory then use
 * the same salt, so their hashes match. There is no public fallback salt: a stored hash
 * must never equal HMAC(known salt, WeChat id).
 */
export const SALT_FILE = 'hash-salt';
const warned = new Set();
export function resolveHashSalt(config, logger) {
    if (config.HASH_SALT) {
        registerSecret(config.HASH_SALT);
        return { salt: config.HASH_SALT, source: 'env' };
    }
    const dir = path.resolve(config.PUFA_DATA_DIR);
    const file = path.join(dir, SALT_FILE);
    let existing;
    try {
        existing = readFileSync(file, 'utf8').trim();
    }
    catch (err) {
        if (err.code !== 'ENOENT') {
            throw new PufaError('PUFA_ERR_CONFIG', `HASH_SALT is not set and ${file} cannot be read (${err.code ?? 'error'}); set HASH_SALT`, { cause: err });
        }
    }
    if (existing !== undefined && existing.length >= 16) {
        registerSecret(existing);
        if (!warned.has(file)) {
            warned.add(file);
            logger?.warn({ file }, 'HASH_SALT is not set: using the salt generated earlier in this file (keep it secret and back it up; set HASH_SALT to its content to make it explicit)');
        }
        return { salt: existing, source: 'file', file };
    }
    const salt = randomBytes(24).toString('base64url');
    try {
        mkdirSync(dir, { recursive: true });
        // 'wx': two processes starting at once must not both write; the loser reads the winner's.
        writeFileSync(file, `${salt}\n`, { mode: 0o600, flag: existing === undefined ? 'wx' : 'w' });
        chmodSync(file, 0o600);
    }
    catch (err) {
        if (err.code === 'EEXIST')
            return resolveHashSalt(config, logger);
        throw new PufaError('PUFA_ERR_CONFIG', `HASH_SALT is not set and a salt could not be saved in ${file} (${err.code ?? 'error'}); set HASH_SALT`, { cause: err });
    }
    registerSecret(salt);
    warned.add(file);
    logger?.warn({ file }, 'HASH_SALT is not set: generated a secret salt and saved it in this file; every process using this data directory uses it (back it up: without it, new hashes will not match the stored ones)');
    return { salt, source: 'generated', file };
}
//# sourceMappingURL=salt.js.map