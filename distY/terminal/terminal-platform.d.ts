import type { ChatPlatform, Destination, Outgoing, PlatformEvents } from '../chat/platform.js';
/**
 * The terminal as a chat platform: each line typed is a message of one person in a private
 * conversation (channel `console`: test data, left out of the official figures); replies
 * are printed as `助手> …`. Lines are handled one after another, each reply printed before
 * the next prompt.
 */
export interface TerminalPlatformOptions {
    input: NodeJS.ReadableStream;
    output: NodeJS.WritableStream;
    /** Printed once the terminal is ready (the usage lines). */
    banner?: string;
}
export declare class TerminalPlatform implements ChatPlatform {
    private readonly o;
    readonly name = "terminal";
    private rl;
    private loop;
    constructor(o: TerminalPlatformOptions);
    start(events: PlatformEvents): Promise<void>;
    /** Resolves when the person quits (退出, Ctrl+D, end of input). */
    closed(): Promise<void>;
    stop(): Promise<void>;
    isLoggedIn(): boolean;
    send(_to: Destination, content: Outgoing): Promise<void>;
}
