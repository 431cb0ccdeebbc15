/**
 * Every Redis key of the WeChat bot, in one place. All share REDIS_PREFIX and the hash tag
 * `{bot}` (one Cluster slot, so MULTI may touch several). Ids in keys are salted hashes,
 * never raw WeChat ids. `<account>` is WECHATY_NAME: each account has its own sender
 * counters, login notice and announcement queue; rate limits and sessions are shared.
 *
 * | key                            | type   | content                                          | expires              |
 * |--------------------------------|--------|--------------------------------------------------|----------------------|
 * | `session:<conv>`               | STRING | pending clarification choices (JSON)             | BOT_CLARIFY_TTL_SEC  |
 * | `rl:u:<user>`                  | STRING | answers to one citizen in the current window     | 60 s after its first |
 * | `rl:r:<room>`                  | STRING | answers in one group in the current window       | 60 s after its first |
 * | `hint:<user>`                  | STRING | non-text hint already given                      | BOT_NONTEXT_HINT_SEC |
 * | `send:<account>:<YYYY-MM-DD>`  | STRING | messages sent by the account that day (cap)      | 2 days               |
 * | `logout:<account>`             | STRING | time of a logout staff were not yet told about   | never                |
 * | `ann:seq`                      | STRING | last announcement number                         | never                |
 * | `ann:draft:<staff>`            | STRING | announcement preview awaiting #确认 (JSON)        | 30 minutes           |
 * | `ann:<id>`                     | HASH   | announcement: text, targets, state, counted…     | 90 days after done   |
 * | `ann:<id>:groups`              | HASH   | `<room>` → `sending` / `sent` / `failed:<why>`   | 90 days after done   |
 * | `ann:stats:<YYYY-MM-DD>`       | HASH   | `pushes`, `groups` (announcements in statistics) | never                |
 */
export declare const BOT_HASH_TAG = "{bot}";
export interface BotKeys {
    readonly base: string;
    session(conversation: string): string;
    userRate(user: string): string;
    roomRate(room: string): string;
    hint(user: string): string;
    sendCount(account: string, day: string): string;
    logout(account: string): string;
    readonly announceSeq: string;
    announceDraft(staff: string): string;
    announce(id: string): string;
    announceGroups(id: string): string;
    announceStats(day: string): string;
    /** BullMQ key prefix (BullMQ adds `:<queue>:…`). */
    readonly bullPrefix: string;
}
export declare function botKeys(prefix?: string): BotKeys;
/** WECHATY_NAME as a safe key / queue-name part. */
export declare function accountKey(name: string): string;
