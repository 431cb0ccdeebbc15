import { mkdirSync } from 'node:fs';
import path from 'node:path';
import qrcodeTerminal from 'qrcode-terminal';
import { ScanStatus, WechatyBuilder, qrcodeValueToImageUrl, } from 'wechaty';
import { FileBox } from 'file-box';
import { PufaError } from '../core/errors.js';
import { toChatContact, toInboundMessage } from './convert.js';
import { bridgeWechatyLog } from './log-bridge.js';
/** Puppet error messages often quote contact or room ids: keep them out of the logs. */
export function scrubIds(text) {
    return text.replace(/(?:wxid_[\w-]+|[\w-]+@chatroom|@@?[0-9a-f]{16,}|\bc[a-z0-9]{24}\b)/giu, '[id]');
}
function printQr(qrcode) {
    qrcodeTerminal.generate(qrcode, { small: true }, (art) => process.stderr.write(`\n请用微信扫描二维码登录 / scan to log in:\n${art}\n`));
}
/** Build the Wechaty: a puppet instance (tests), or a puppet by name with its token; the login session in the memory card. */
function buildWechaty(options) {
    mkdirSync(options.dataDir, { recursive: true });
    const memoryName = path.resolve(options.dataDir, options.name);
    if (options.puppet)
        return WechatyBuilder.build({ name: memoryName, puppet: options.puppet });
    return WechatyBuilder.build({
        name: memoryName,
        ...(options.puppetName ? { puppet: options.puppetName } : {}),
        ...(options.token ? { puppetOptions: { token: options.token } } : {}),
    });
}
/** The login QR code: shown (terminal by default) while waiting, its status logged. */
function onScan(options) {
    return (qrcode, status) => {
        if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
            (options.showQr ?? printQr)(qrcode);
            options.logger.info({ url: qrcodeValueToImageUrl(qrcode), status: ScanStatus[status] }, '等待扫码登录 / waiting for the QR code to be scanned');
        }
        else {
            options.logger.info({ status: ScanStatus[status] }, 'login QR code status');
        }
    };
}
/** Run an event handler without letting its failure escape into wechaty. */
function guarded(logger, what, fn) {
    void (async () => {
        try {
            await fn();
        }
        catch (err) {
            logger.error({ err }, what);
        }
    })();
}
/**
 * Puppets retry in tight loops (e.g. while the network is down): log each distinct error
 * at most once a minute, with how often it repeated meanwhile.
 */
function errorLimiter(logger) {
    const seenErrors = new Map();
    return (err) => {
        const message = scrubIds(err instanceof Error ? err.message : String(err));
        const now = Date.now();
        const seen = seenErrors.get(message);
        if (seen && now - seen.at < 60_000) {
            seen.repeated += 1;
            return;
        }
        if (seenErrors.size > 100)
            seenErrors.clear();
        seenErrors.set(message, { at: now, repeated: 0 });
        logger.warn({ err: message, ...(seen?.repeated ? { repeated: seen.repeated } : {}) }, 'wechaty reported an error');
    };
}
/** Sending through wechaty: groups with @-mentions, contacts; files become FileBoxes here. */
function sender(wechaty) {
    const find = async (what, lookup) => {
        const found = await lookup;
        if (!found)
            throw new PufaError('PUFA_ERR_WECHAT', what);
        return found;
    };
    // Base64 rather than a Buffer box: it serialises (puppet-service, mock) as well as it sends.
    const payload = (content) => ('file' in content ? FileBox.fromBase64(Buffer.from(content.file.data).toString('base64'), content.file.name) : content.text);
    return async (to, content) => {
        if (!wechaty.isLoggedIn)
            throw new PufaError('PUFA_ERR_WECHAT', 'not logged in');
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
        const mentions = [];
        for (const id of content.mentions ?? []) {
            const c = await wechaty.Contact.find({ id }).catch(() => undefined);
            if (c)
                mentions.push(c);
        }
        await room.say(content.text, ...mentions);
    };
}
export function createWechatyPlatform(options) {
    const { logger } = options;
    // wechaty's own log lines (which print the puppet token) go through our masking logger.
    bridgeWechatyLog(logger, options.token);
    const wechaty = buildWechaty(options);
    let events;
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
        async start(handlers) {
            events = handlers;
            stopping = false;
            await wechaty.start();
            started = true;
        },
        async stop() {
            if (!started)
                return;
            stopping = true;
            started = false;
            await wechaty.stop();
        },
        async restart() {
            stopping = true;
            try {
                await wechaty.stop();
            }
            finally {
                stopping = false;
            }
            await wechaty.start();
            started = true;
        },
        isLoggedIn: () => wechaty.isLoggedIn,
        self() {
            if (!wechaty.isLoggedIn)
                return undefined;
            const me = wechaty.currentUser;
            return { id: me.id, name: me.name() };
        },
        send: sender(wechaty),
        async rooms() {
            const list = await wechaty.Room.findAll();
            const out = [];
            for (const room of list)
                out.push({ id: room.id, topic: await room.topic().catch(() => '') });
            return out;
        },
        async findContact(key) {
            const all = await wechaty.Contact.findAll();
            for (const c of all) {
                const info = await toChatContact(c);
                if (info.id === key || (info.alias !== undefined && info.alias === key))
                    return info;
            }
            return undefined;
        },
    };
}
//# sourceMappingURL=wechaty-platform.js.map