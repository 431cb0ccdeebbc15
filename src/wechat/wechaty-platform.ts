import { mkdirSync } from 'node:fs';
import path from 'node:path';
import qrcodeTerminal from 'qrcode-terminal';
import type { Logger } from 'pino';
import {
  ScanStatus,
  WechatyBuilder,
  qrcodeValueToImageUrl,
  type Contact,
  type PuppetModuleName,
  type Wechaty,
  type WechatyOptions,
} from 'wechaty';
import { PufaError } from '../core/errors.js';
import { toChatContact, toChatMessage } from './convert.js';
import { bridgeWechatyLog } from './log-bridge.js';
import type { ChatContact, ChatPlatform, ChatRoom, Destination, Outgoing, PlatformHandlers } from './platform.js';

/**
 * The wechaty adapter: the one place that builds a Wechaty, listens to its events and
 * sends through it. Exactly one listener per event; every message goes to
 * `handlers.message` as a plain ChatMessage.
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
  handlers: PlatformHandlers;
  /** Show the login QR code (default: print it in the terminal on stderr). */
  showQr?: (qrcode: string) => void;
}

export interface WechatyPlatform extends ChatPlatform {
  readonly wechaty: Wechaty;
  /** Stop and start the puppet again (a new login / QR code when the session is gone). */
  restart(): Promise<void>;
}

/** Puppet error messages often quote contact or room ids: keep them out of the logs. */
export function scrubIds(text: string): string {
  return text.replace(/(?:wxid_[\w-]+|[\w-]+@chatroom|@@?[0-9a-f]{16,}|\bc[a-z0-9]{24}\b)/giu, '[id]');
}

function printQr(qrcode: string): void {
  qrcodeTerminal.generate(qrcode, { small: true }, (art) => process.stderr.write(`\n请用微信扫描二维码登录 / scan to log in:\n${art}\n`));
}

export function createWechatyPlatform(options: WechatyPlatformOptions): WechatyPlatform {
  const { logger, handlers } = options;
  // wechaty's own log lines (which print the puppet token) go through our masking logger.
  bridgeWechatyLog(logger, options.token);
  mkdirSync(options.dataDir, { recursive: true });
  const memoryName = path.resolve(options.dataDir, options.name);
  const wechaty = options.puppet
    ? WechatyBuilder.build({ name: memoryName, puppet: options.puppet })
    : WechatyBuilder.build({
        name: memoryName,
        ...(options.puppetName ? { puppet: options.puppetName as PuppetModuleName } : {}),
        ...(options.token ? { puppetOptions: { token: options.token } } : {}),
      });

  let stopping = false;
  let started = false;

  wechaty.on('scan', (qrcode, status) => {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      (options.showQr ?? printQr)(qrcode);
      logger.info({ url: qrcodeValueToImageUrl(qrcode), status: ScanStatus[status] }, '等待扫码登录 / waiting for the QR code to be scanned');
    } else {
      logger.info({ status: ScanStatus[status] }, 'login QR code status');
    }
  });
  wechaty.on('login', (user) => {
    void (async () => {
      try {
        await handlers.login(await toChatContact(user, false));
      } catch (err) {
        logger.error({ err }, 'login handler failed');
      }
    })();
  });
  wechaty.on('logout', (_user, reason) => {
    void (async () => {
      try {
        await handlers.logout({ expected: stopping, ...(reason ? { reason: String(reason) } : {}) });
      } catch (err) {
        logger.error({ err }, 'logout handler failed');
      }
    })();
  });
  // Puppets retry in tight loops (e.g. while the network is down): log each distinct error
  // at most once a minute, with how often it repeated meanwhile.
  const seenErrors = new Map<string, { at: number; repeated: number }>();
  wechaty.on('error', (err) => {
    const message = scrubIds(err instanceof Error ? err.message : String(err));
    const now = Date.now();
    const seen = seenErrors.get(message);
    if (seen && now - seen.at < 60_000) {
      seen.repeated += 1;
      return;
    }
    if (seenErrors.size > 100) seenErrors.clear();
    seenErrors.set(message, { at: now, repeated: 0 });
    logger.warn({ err: message, ...(seen?.repeated ? { repeated: seen.repeated } : {}) }, 'wechaty reported an error');
  });
  wechaty.on('message', (msg) => {
    void (async () => {
      try {
        await handlers.message(await toChatMessage(msg, wechaty, options.botName));
      } catch (err) {
        logger.error({ err }, 'message could not be handled');
      }
    })();
  });

  async function roomById(id: string) {
    const room = await wechaty.Room.find({ id });
    if (!room) throw new PufaError('PUFA_ERR_WECHAT', 'group not found (the bot may have left it)');
    return room;
  }

  async function contactById(id: string): Promise<Contact> {
    const contact = await wechaty.Contact.find({ id });
    if (!contact) throw new PufaError('PUFA_ERR_WECHAT', 'contact not found');
    return contact;
  }

  return {
    wechaty,
    async start() {
      stopping = false;
      await wechaty.start();
      started = true;
    },
    async stop() {
      if (!started) return;
      stopping = true;
      started = false;
      await wechaty.stop();
    },
    async restart() {
      stopping = true;
      try {
        await wechaty.stop();
      } finally {
        stopping = false;
      }
      await wechaty.start();
      started = true;
    },
    isLoggedIn: () => wechaty.isLoggedIn,
    self(): ChatContact | undefined {
      if (!wechaty.isLoggedIn) return undefined;
      const me = wechaty.currentUser;
      return { id: me.id, name: me.name() };
    },
    async send(to: Destination, content: Outgoing): Promise<void> {
      if (!wechaty.isLoggedIn) throw new PufaError('PUFA_ERR_WECHAT', 'not logged in');
      if (to.kind === 'room') {
        const room = await roomById(to.id);
        if ('file' in content) {
          await room.say(content.file);
          return;
        }
        const mentions: Contact[] = [];
        for (const id of content.mentions ?? []) {
          const c = await wechaty.Contact.find({ id }).catch(() => undefined);
          if (c) mentions.push(c);
        }
        await room.say(content.text, ...mentions);
        return;
      }
      const contact = await contactById(to.id);
      await contact.say('file' in content ? content.file : content.text);
    },
    async rooms(): Promise<ChatRoom[]> {
      const list = await wechaty.Room.findAll();
      const out: ChatRoom[] = [];
      for (const room of list) out.push({ id: room.id, topic: await room.topic().catch(() => '') });
      return out;
    },
    async findContact(key: string): Promise<ChatContact | undefined> {
      const all = await wechaty.Contact.findAll();
      for (const c of all) {
        const info = await toChatContact(c);
        if (info.id === key || (info.alias !== undefined && info.alias === key)) return info;
      }
      return undefined;
    },
  };
}
