import type { StatsRedis } from '../redis/connection.js';
import { type ConsoleKeys } from './keys.js';
/** Staff names: what the bureau controls (a login name), letters, digits, CJK, `_.-`, 2–32 chars. */
export declare const STAFF_NAME: RegExp;
export declare const MIN_PASSWORD = 10;
/** `scrypt$N$r$p$<salt b64>$<key b64>` */
export declare function hashPassword(password: string): Promise<string>;
export declare function verifyPassword(password: string, stored: string): Promise<boolean>;
export interface Session {
    name: string;
    /** Hash of the token: the session id used in logs, CSRF binding and the audit log. */
    id: string;
    at: number;
}
export interface AuditEntry {
    id: string;
    at: string;
    who: string;
    what: string;
    detail: string;
}
export declare function tokenHash(token: string): string;
export declare function checkStaffName(name: string): string;
export declare class StaffAccounts {
    private readonly redis;
    private readonly sessionHours;
    readonly keys: ConsoleKeys;
    constructor(redis: StatsRedis, prefix: string, sessionHours?: number);
    /** Create (or, with `replace`, reset the password of) a staff login. */
    add(name: string, password: string, options?: {
        replace?: boolean;
        by?: string;
    }): Promise<'created' | 'updated'>;
    remove(name: string, by?: string): Promise<boolean>;
    list(): Promise<string[]>;
    /** The staff name when the password is right; undefined otherwise (same time either way). */
    check(name: string, password: string): Promise<string | undefined>;
    /** A new session; returns the cookie token. */
    login(name: string): Promise<{
        token: string;
        session: Session;
    }>;
    /** The session of a cookie token (sliding expiry), if valid and the account still exists. */
    session(token: string | undefined): Promise<Session | undefined>;
    logout(session: Session): Promise<void>;
    private ttlSec;
    private dropSessionsOf;
    /** Write one line to the audit log: who did what, when. Never contains a password or a raw id. */
    audit(who: string, what: string, detail?: string, ip?: string): Promise<void>;
    auditLog(count?: number): Promise<AuditEntry[]>;
}
