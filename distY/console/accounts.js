import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { PufaError } from '../core/errors.js';
import { consoleKeys } from './keys.js';
/**
 * Staff accounts of the console: a name chosen by the bureau and a password hashed with
 * scrypt (node:crypto). Sessions live in Redis under a hash of a random token; the token
 * itself is only in the staff member's httpOnly cookie. Every change goes to the audit log.
 */
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };
/** Staff names: what the bureau controls (a login name), letters, digits, CJK, `_.-`, 2–32 chars. */
export const STAFF_NAME = /^[\p{L}\p{N}_.-]{2,32}$/u;
export const MIN_PASSWORD = 10;
function scrypt(password, salt, keylen, options) {
    return new Promise((resolve, reject) => scryptCb(password.normalize('NFKC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}
/** `scrypt$N$r$p$<salt b64>$<key b64>` */
export async function hashPassword(password) {
    const salt = randomBytes(16);
    const key = await scrypt(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
    return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}
export async function verifyPassword(password, stored) {
    const [kind, n, r, p, salt, key] = stored.split('$');
    if (kind !== 'scrypt' || !salt || !key)
        return false;
    const expected = Buffer.from(key, 'base64');
    const got = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * Number(n) * Number(r) });
    return got.length === expected.length && timingSafeEqual(got, expected);
}
/** A hash every unknown name is checked against, so a wrong name takes as long as a wrong password. */
let dummyHash;
export function tokenHash(token) {
    return createHash('sha256').update(token).digest('hex');
}
export function checkStaffName(name) {
    const n = name.trim();
    if (!STAFF_NAME.test(n))
        throw new PufaError('PUFA_ERR_INPUT', `账号名只能用 2–32 个字母、数字、汉字或 _ . -（收到 ${JSON.stringify(name)}）`);
    return n;
}
export class StaffAccounts {
    redis;
    sessionHours;
    keys;
    constructor(redis, prefix, sessionHours = 12) {
        this.redis = redis;
        this.sessionHours = sessionHours;
        this.keys = consoleKeys(prefix);
    }
    /** Create (or, with `replace`, reset the password of) a staff login. */
    async add(name, password, options = {}) {
        const n = checkStaffName(name);
        if (password.length < MIN_PASSWORD)
            throw new PufaError('PUFA_ERR_INPUT', `密码至少 ${MIN_PASSWORD} 个字符`);
        const exists = (await this.redis.exists(this.keys.staff(n))) === 1;
        if (exists && !options.replace)
            throw new PufaError('PUFA_ERR_INPUT', `账号 ${n} 已存在（重设密码请加 --reset）`);
        const hash = await hashPassword(password);
        await this.redis.multi().hset(this.keys.staff(n), { hash, createdAt: new Date().toISOString(), createdBy: options.by ?? 'cli' }).sadd(this.keys.staffSet, n).exec();
        if (exists)
            await this.dropSessionsOf(n);
        await this.audit(options.by ?? 'cli', exists ? 'staff.reset' : 'staff.add', n);
        return exists ? 'updated' : 'created';
    }
    async remove(name, by = 'cli') {
        const n = checkStaffName(name);
        const removed = (await this.redis.del(this.keys.staff(n))) === 1;
        await this.redis.srem(this.keys.staffSet, n);
        await this.dropSessionsOf(n);
        if (removed)
            await this.audit(by, 'staff.remove', n);
        return removed;
    }
    async list() {
        return (await this.redis.smembers(this.keys.staffSet)).sort();
    }
    /** The staff name when the password is right; undefined otherwise (same time either way). */
    async check(name, password) {
        const n = name.trim();
        const stored = STAFF_NAME.test(n) ? await this.redis.hget(this.keys.staff(n), 'hash') : null;
        if (!stored) {
            dummyHash ??= hashPassword('not-a-password-0000');
            await verifyPassword(password, await dummyHash);
            return undefined;
        }
        return (await verifyPassword(password, stored)) ? n : undefined;
    }
    /** A new session; returns the cookie token. */
    async login(name) {
        const token = randomBytes(32).toString('base64url');
        const session = { name, id: tokenHash(token), at: Date.now() };
        await this.redis.set(this.keys.session(session.id), JSON.stringify({ name, at: session.at }), 'EX', this.ttlSec());
        return { token, session };
    }
    /** The session of a cookie token (sliding expiry), if valid and the account still exists. */
    async session(token) {
        if (!token || token.length > 200)
            return undefined;
        const id = tokenHash(token);
        const raw = await this.redis.get(this.keys.session(id));
        if (!raw)
            return undefined;
        const data = JSON.parse(raw);
        if ((await this.redis.exists(this.keys.staff(data.name))) !== 1)
            return undefined;
        await this.redis.expire(this.keys.session(id), this.ttlSec());
        return { name: data.name, id, at: data.at };
    }
    async logout(session) {
        await this.redis.del(this.keys.session(session.id));
    }
    ttlSec() {
        return Math.max(60, Math.round(this.sessionHours * 3600));
    }
    async dropSessionsOf(name) {
        let cursor = '0';
        do {
            const [next, found] = (await this.redis.scan(cursor, 'MATCH', this.keys.session('*'), 'COUNT', 200));
            cursor = next;
            for (const key of found) {
                const raw = await this.redis.get(key);
                if (raw && JSON.parse(raw).name === name)
                    await this.redis.del(key);
            }
        } while (cursor !== '0');
    }
    /** Write one line to the audit log: who did what, when. Never contains a password or a raw id. */
    async audit(who, what, detail = '', ip = '') {
        await this.redis.xadd(this.keys.audit, 'MAXLEN', '~', '10000', '*', 'at', new Date().toISOString(), 'who', who, 'what', what, 'detail', detail.slice(0, 500), 'ip', ip);
    }
    async auditLog(count = 100) {
        const rows = (await this.redis.xrevrange(this.keys.audit, '+', '-', 'COUNT', count));
        return rows.map(([id, flat]) => {
            const f = {};
            for (let i = 0; i + 1 < flat.length; i += 2)
                f[flat[i]] = flat[i + 1];
            return { id, at: f.at ?? '', who: f.who ?? '', what: f.what ?? '', detail: f.detail ?? '' };
        });
    }
}
//# sourceMappingURL=accounts.js.map