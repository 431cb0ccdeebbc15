import { format } from 'node:util';
import { log as wechatyLog } from 'wechaty';
import { scrub } from '../core/logger.js';
import { registerSecret } from '../core/privacy.js';
import { scrubIds } from './wechaty-platform.js';
/**
 * wechaty, its puppets and wechaty-token print through their own logger (brolog) and,
 * in places, straight to the console — including the puppet-service token (twice at the
 * default level when the service cannot be reached) and contact ids. This routes both
 * into our pino logger, where secrets (the token is registered as one), personal data
 * and WeChat ids are masked, and repeats of the same line are summed up once a minute.
 */
const LEVELS = { ERR: 'error', WARN: 'warn', INFO: 'info', VERB: 'debug', SILL: 'debug' };
function repeatFilter() {
    const seen = new Map();
    return (line) => {
        const key = line.replace(/^\d\d:\d\d:\d\d /, '').slice(0, 300);
        const now = Date.now();
        const s = seen.get(key);
        if (s && now - s.at < 60_000) {
            s.repeated += 1;
            return false;
        }
        if (seen.size > 200)
            seen.clear();
        seen.set(key, { at: now, repeated: 0 });
        return s?.repeated ?? 0;
    };
}
function clean(text) {
    return scrubIds(scrub(text));
}
/** wechaty's brolog lines → pino (component wechaty). Call once per process; returns nothing to undo (brolog has one printer). */
export function bridgeWechatyLog(logger, token) {
    registerSecret(token);
    const child = logger.child({ component: 'wechaty' });
    const fresh = repeatFilter();
    wechatyLog.enableLogging((levelTitle, raw) => {
        const text = raw ?? '';
        const level = LEVELS[levelTitle.trim()] ?? 'info';
        if (!child.isLevelEnabled(level))
            return;
        const repeated = fresh(text);
        if (repeated === false)
            return;
        child[level](repeated > 0 ? { repeated } : {}, clean(text.replace(/^\d\d:\d\d:\d\d /, '')));
    });
}
/**
 * For the bot process only (`pufa start`): console.* from libraries goes through the same
 * masking (wechaty-token prints errors, sometimes with the token, straight to the console).
 * Returns a function that restores the console.
 */
export function captureConsole(logger) {
    const child = logger.child({ component: 'console' });
    const fresh = repeatFilter();
    const original = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
    const route = (level) => (...args) => {
        const text = format(...args);
        const repeated = fresh(text);
        if (repeated === false)
            return;
        child[level](repeated > 0 ? { repeated } : {}, clean(text).slice(0, 2000));
    };
    console.log = route('info');
    console.info = route('info');
    console.warn = route('warn');
    console.error = route('error');
    console.debug = route('debug');
    return () => Object.assign(console, original);
}
//# sourceMappingURL=log-bridge.js.map