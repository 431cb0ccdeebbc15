import { formatZoned } from './announce/schedule.js';
export class LoginWatch {
    o;
    timer;
    closed = false;
    /** Resolves at each login (tests and start-up wait on it). */
    loggedIn;
    markLoggedIn = () => undefined;
    constructor(o) {
        this.o = o;
        this.loggedIn = new Promise((resolve) => (this.markLoggedIn = resolve));
    }
    async onLogin(_self) {
        if (this.closed)
            return;
        const { redis, keys, account, logger, staff, announcements, timeZone } = this.o;
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
        logger.info({ account }, '微信已登录 / logged in to WeChat');
        announcements.startWorker();
        this.markLoggedIn();
        let since = null;
        try {
            since = await redis.get(keys.logout(account));
        }
        catch (err) {
            logger.warn({ err }, 'could not read the logout mark');
        }
        if (since) {
            await redis.del(keys.logout(account)).catch(() => 0);
            const text = `【系统通知】普法助手（${account}）于 ${formatZoned(Number(since), timeZone)} 掉线，已于 ${formatZoned(Date.now(), timeZone)} 重新登录。掉线期间群众的提问可能没有得到回复，排队中的公告已继续发送。`;
            const n = await staff.notifyAll(text).catch((err) => {
                logger.warn({ err }, 'could not tell staff about the logout');
                return 0;
            });
            logger.info({ account, staffTold: n }, 'staff told about the earlier logout');
        }
    }
    async onLogout(info) {
        if (info.expected || this.closed)
            return;
        const { redis, keys, account, logger, announcements } = this.o;
        logger.warn({ account, reason: info.reason }, '微信已掉线，等待重新登录 / logged out of WeChat; waiting for a new login');
        this.loggedIn = new Promise((resolve) => (this.markLoggedIn = resolve));
        // NX: keep the time of the first logout if several follow.
        await redis.set(keys.logout(account), String(Date.now()), 'NX').catch((err) => logger.warn({ err }, 'could not store the logout mark'));
        void announcements.stopWorker().catch((err) => logger.warn({ err }, 'could not pause announcements'));
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.reconnect(), this.o.reloginWaitSec * 1000);
        this.timer.unref();
    }
    async reconnect() {
        this.timer = undefined;
        if (this.closed || this.o.isLoggedIn())
            return;
        this.o.logger.warn({ account: this.o.account }, 'no login after the logout; restarting the puppet (scan the new QR code if one is shown)');
        try {
            await this.o.restart();
        }
        catch (err) {
            this.o.logger.error({ err }, 'restarting the puppet failed; retrying later');
            this.timer = setTimeout(() => void this.reconnect(), this.o.reloginWaitSec * 1000);
            this.timer.unref();
        }
    }
    close() {
        this.closed = true;
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
    }
}
//# sourceMappingURL=login-watch.js.map