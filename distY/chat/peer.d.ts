import { inspect } from 'node:util';
/**
 * A person or a group on a chat platform, with its raw platform id sealed inside.
 *
 * The raw id is needed for one thing: to reply (and to @-mention) on the same platform. It
 * must never reach a log line or a store, so the message context carries a Peer instead of
 * the id: the id is a private field, printed and serialised as `[peer]`. Steps compare it
 * with a configured entry (`is`) without reading it; only the send path and the platform
 * adapters read it, through `peerId`.
 */
export declare class Peer {
    #private;
    constructor(id: string);
    /** Whether this peer's raw id equals a configured entry (a BOT_STAFF or BOT_ROOMS id). */
    is(entry: string): boolean;
    toJSON(): string;
    toString(): string;
    [inspect.custom](): string;
    /** Only for the send path and the platform adapters: the raw id, to address a reply. */
    static idOf(peer: Peer): string;
}
/** The raw platform id of a peer: for the send path and the platform adapters only. */
export declare function peerId(peer: Peer): string;
