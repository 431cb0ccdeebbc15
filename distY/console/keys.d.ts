/**
 * Redis keys of the staff console. All share REDIS_PREFIX and the hash tag `{console}`
 * (one Cluster slot). Session keys hold a hash of the cookie token, never the token.
 *
 * | key                          | type   | content                                                | expires                |
 * |------------------------------|--------|--------------------------------------------------------|------------------------|
 * | `staff:<name>`               | HASH   | `hash` (scrypt), `createdAt`, `createdBy`              | never                  |
 * | `staff`                      | SET    | staff names                                            | never                  |
 * | `session:<sha256(token)>`    | STRING | `{ name, at }` (JSON)                                  | CONSOLE_SESSION_HOURS  |
 * | `audit`                      | STREAM | `who`, `what`, `detail`, `ip` of every change          | capped (MAXLEN ~10000) |
 * | `review:done`                | HASH   | redacted question → `{ status, intent?, by, at }` (JSON) | never                |
 * | `review:assigned`            | HASH   | review entry id → `{ intent, text }` (JSON)            | never                  |
 * | `rooms:<account>`            | STRING | served groups `[{ room, topic }]` (JSON), for `pufa console` alone | 10 minutes |
 * | `retrain`                    | STRING | last retrain result (JSON)                             | never                  |
 * | `ratelimit:*`                | (rate-limit plugin) login attempts                      | 1 minute               |
 * | `health`                     | STRING | the console's Redis probe (a tiny write: fails when full) | 1 minute             |
 */
export declare const CONSOLE_HASH_TAG = "{console}";
export interface ConsoleKeys {
    readonly base: string;
    staff(name: string): string;
    readonly staffSet: string;
    session(tokenHash: string): string;
    readonly audit: string;
    readonly reviewDone: string;
    readonly reviewAssigned: string;
    rooms(account: string): string;
    readonly retrain: string;
    readonly rateLimit: string;
    readonly health: string;
}
export declare function consoleKeys(prefix?: string): ConsoleKeys;
