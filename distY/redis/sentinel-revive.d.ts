import type { Redis } from 'ioredis';
/** How many unexpected ends were repaired in this process (tests print it). */
export declare function revivedConnections(): number;
export declare function reviveAfterUnexpectedEnd(client: Redis, delayMs?: number): Redis;
