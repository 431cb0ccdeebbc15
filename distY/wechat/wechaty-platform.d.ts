import type { Logger } from 'pino';
import { type Wechaty, type WechatyOptions } from 'wechaty';
import type { AccountPlatform } from '../chat/platform.js';
/**
 * The wechaty adapter: the one place that builds a Wechaty, listens to its events and
 * sends through it — WeChat's implementation of ChatPlatform (src/chat/platform.ts).
 * Exactly one listener per event; every message goes to `events.message` as a plain
 * InboundMessage (raw ids sealed in Peers).
 */
/** The Wechaty instance, for embedding (plugins, extra listeners). */
export type WechatyInstance = Wechaty;
/** A wechaty puppet instance (e.g. `new PuppetMock()`), as accepted by WechatyBuilder. */
export type WechatPuppet = Exclude<NonNullable<WechatyOptions['puppet']>, string>;
export interface WechatyPlatformOptions {
    /** A puppet instance (tests: wechaty-puppet-mock). Takes precedence over `puppetName`. */
    puppet?: WechatPuppet;
    /** npm name of the puppet, e.g. `wechaty-puppet-wechat4u` or `wechaty-puppet-service`. */
    puppetName?: string;
    /** Token for token-based puppets (wechaty-puppet-service, padlocal…). */
    token?: string;
    /** Memory card name: the login session is kept in `<dataDir>/<name>.memory-card.json`. */
    name: string;
    dataDir: string;
    /** Display name of the bot (for the `@name` check when the puppet has no mention list). */
    botName: string;
    logger: Logger;
    /** Show the login QR code (default: print it in the terminal on stderr). */
    showQr?: (qrcode: string) => void;
}
export interface WechatyPlatform extends AccountPlatform {
    readonly wechaty: Wechaty;
}
/** Puppet error messages often quote contact or room ids: keep them out of the logs. */
export declare function scrubIds(text: string): string;
export declare function createWechatyPlatform(options: WechatyPlatformOptions): WechatyPlatform;
