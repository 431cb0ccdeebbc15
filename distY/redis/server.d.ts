/** A redis-server child process started by us (embedded default set-up and tests). */
export interface RedisServerHandle {
    url: string;
    port: number;
    dir: string;
    pid: number | undefined;
    /** Stop the server (SIGTERM, then SIGKILL after a grace period). */
    stop(): Promise<void>;
    /** Kill it abruptly (tests simulate a crash). */
    kill(): Promise<void>;
}
export interface StartRedisOptions {
    /** Path or name of the binary (looked up in PATH). */
    bin?: string;
    /** Working directory for RDB/AOF files; created if missing. */
    dir: string;
    /** 0 picks a free port. */
    port?: number;
    /** Persist to disk (appendonly + RDB). Off for throwaway test servers. */
    persist?: boolean;
    timeoutMs?: number;
}
export declare const REDIS_INSTALL_HINT: string;
export declare function freePort(): Promise<number>;
/** Start a private redis-server bound to 127.0.0.1. Throws PUFA_ERR_REDIS_BINARY with install instructions when missing. */
export declare function startRedisServer(options: StartRedisOptions): Promise<RedisServerHandle>;
