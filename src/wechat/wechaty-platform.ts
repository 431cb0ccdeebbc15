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
import { FileBox } from 'file-box';
import type { AccountPlatform, ChatContact, ChatRoom, Destination, Outgoing, PlatformEvents } from '../chat/platform.js';
import { PufaError } from '../core/errors.js';
import { toChatContact, toInboundMessage } from './convert.js';
import { bridgeWechatyLog } from './log-bridge.js';

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
export function scrubIds(text: string): string {
  return text.replace(/(?:wxid_[\w-]+|[\w-]+@chatroom|@@?[0-9a-f]{16,}|\bc[a-z0-9]{24}\b)/giu, '[id]');
}

function printQr(qrcode: string): void {
  qrcodeTerminal.generate(qrcode, { small: true }, (art) => process.stderr.write(`\n请用微信扫描二维码登录 / scan to log in:\n${art}\n`));
}

/** Build the Wechaty: a puppet instance (tests), or a puppet by name with its token; the login session in the memory card. */
function buildWechaty(options: WechatyPlatformOptions): Wechaty {
  mkdirSync(options.dataDir, { recursive: true });
  const memoryName = path.resolve(options.dataDir, options.name);
  if (options.puppet) return WechatyBuilder.build({ name: memoryName, puppet: options.puppet });
  return WechatyBuilder.build({
    name: memoryName,
    ...(options.puppetName ? { puppet: options.puppetName as PuppetModuleName } : {}),
    ...(options.token ? { puppetOptions: { token: options.token } } : {}),
  });
}

/** The login QR code: shown (terminal by default) while waiting, its status logged. */
function onScan(options: WechatyPlatformOptions) {
  return (qrcode: string, status: ScanStatus): void => {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      (options.showQr ?? printQr)(qrcode);
      options.logger.info({ url: qrcodeValueToImageUrl(qrcode), status: ScanStatus[status] }, '等待扫码登录 / waiting for the QR code to be scanned');
    } else {
      options.logger.info({ status: ScanStatus[status] }, 'login QR code status');
    }
  };
}

/** Run an event handler without letting its failure escape into wechaty. */
function guarded(logger: Logger, what: string, fn: () => Promise<void> | void): void {
  void (async () => {
    try {
      await fn();
    } catch (err) {
      logger.error({ err }, what);
    }
  })();
}

/**
 * Puppets retry in tight loops (e.g. while the network is down): log each distinct error
 * at most once a minute, with how often it repeated meanwhile.
 */
function errorLimiter(logger: Logger): (err: unknown) => void {
  const seenErrors = new Map<string, { at: number; repeated: number }>();
  return (err) => {
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
  };
}

/** Sending through wechaty: groups with @-mentions, contacts; files become FileBoxes here. */
function sender(wechaty: Wechaty): (to: Destination, content: Outgoing) => Promise<void> {
  const find = async <T>(what: string, lookup: Promise<T | undefined>): Promise<T> => {
    const found = await lookup;
    if (!found) throw new PufaError('PUFA_ERR_WECHAT', what);
    return found;
  };
  // Base64 rather than a Buffer box: it serialises (puppet-service, mock) as well as it sends.
  const payload = (content: Outgoing) => ('file' in content ? FileBox.fromBase64(Buffer.from(content.file.data).toString('base64'), content.file.name) : content.text);
  return async (to, content) => {
    if (!wechaty.isLoggedIn) throw new PufaError('PUFA_ERR_WECHAT', 'not logged in');
    if (to.kind === 'contact') {
      const contact = await find('contact not found', wechaty.Contact.find({ id: to.id }));
      await contact.say(payload(content));
      return;
    }
    const room = await find('group not found (the bot may have left it)', wechaty.Room.find({ id: to.id }));
    if ('file' in content) {
      await room.say(payload(content));
      return;
    }
    const mentions: Contact[] = [];
    for (const id of content.mentions ?? []) {
      const c = await wechaty.Contact.find({ id }).catch(() => undefined);
      if (c) mentions.push(c);
    }
    await room.say(content.text, ...mentions);
  };
}

export function createWechatyPlatform(options: WechatyPlatformOptions): WechatyPlatform {
  const { logger } = options;
  // wechaty's own log lines (which print the puppet token) go through our masking logger.
  bridgeWechatyLog(logger, options.token);
  const wechaty = buildWechaty(options);
  let events: PlatformEvents | undefined;
  let stopping = false;
  let started = false;

  // One listener per event, registered once; they reach whatever events start() was given.
  wechaty.on('scan', onScan(options));
  wechaty.on('login', (user) => guarded(logger, 'login handler failed', async () => events?.login?.(await toChatContact(user, false))));
  wechaty.on('logout', (_user, reason) => guarded(logger, 'logout handler failed', () => events?.logout?.({ expected: stopping, ...(reason ? { reason: String(reason) } : {}) })));
  wechaty.on('error', errorLimiter(logger));
  wechaty.on('message', (msg) => guarded(logger, 'message could not be handled', async () => events?.message(await toInboundMessage(msg, wechaty, options.botName))));

  return {
    name: 'wechaty',
    wechaty,
    async start(handlers: PlatformEvents) {
      events = handlers;
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
    send: sender(wechaty),
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
