import type { Logger } from 'pino';
import type { StatsRedis } from '../redis/connection.js';
import type { ChatContact } from '../chat/platform.js';
import type { Announcements } from './announce/announcements.js';
import { formatZoned } from './announce/schedule.js';
import type { BotKeys } from '../redis/bot-keys.js';
import type { StaffDirectory } from './staff/directory.js';

/**
 * Login and logout. A logout that the bot did not ask for is written to Redis (so it
 * survives a restart), announcements pause, and if no new login follows within
 * BOT_RELOGIN_WAIT_SEC the puppet is restarted (a new QR code is printed when the
 * session is gone). At the next login every staff member gets a private message.
 */
export interface LoginWatchOptions {
  redis: StatsRedis;
  keys: BotKeys;
  account: string;
  logger: Logger;
  staff: StaffDirectory;
  announcements: Announcements;
  isLoggedIn: () => boolean;
  restart: () => Promise<void>;
  reloginWaitSec: number;
  timeZone: string;
}

export class LoginWatch {
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Resolves at each login (tests and start-up wait on it). */
  loggedIn: Promise<void>;
  private markLoggedIn: () => void = () => undefined;

  constructor(private readonly o: LoginWatchOptions) {
    this.loggedIn = new Promise((resolve) => (this.markLoggedIn = resolve));
  }

  async onLogin(_self: ChatContact): Promise<void> {
    if (this.closed) return;
    const { redis, keys, account, logger, staff, announcements, timeZone } = this.o;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    logger.info({ account }, '微信已登录 / logged in to WeChat');
    announcements.startWorker();
    this.markLoggedIn();
    let since: string | null = null;
    try {
      since = await redis.get(keys.logout(account));
    } catch (err) {
      logger.warn({ err }, 'could not read the logout mark');
    }
    if (since) {
      await redis.del(keys.logout(account)).catch(() => 0);
      const text = `【系统通知】普法助手（${account}）于 ${formatZoned(Number(since), timeZone)} 掉线，已于 ${formatZoned(Date.now(), timeZone)} 重新登录。掉线期间群众的提问可能没有得到回复，排队中的公告已继续发送。`;
      const n = await staff.notifyAll(text).catch((err: unknown) => {
        logger.warn({ err }, 'could not tell staff about the logout');
        return 0;
      });
      logger.info({ account, staffTold: n }, 'staff told about the earlier logout');
    }
  }

  async onLogout(info: { expected: boolean; reason?: string }): Promise<void> {
    if (info.expected || this.closed) return;
    const { redis, keys, account, logger, announcements } = this.o;
    logger.warn({ account, reason: info.reason }, '微信已掉线，等待重新登录 / logged out of WeChat; waiting for a new login');
    this.loggedIn = new Promise((resolve) => (this.markLoggedIn = resolve));
    // NX: keep the time of the first logout if several follow.
    await redis.set(keys.logout(account), String(Date.now()), 'NX').catch((err: unknown) => logger.warn({ err }, 'could not store the logout mark'));
    void announcements.stopWorker().catch((err: unknown) => logger.warn({ err }, 'could not pause announcements'));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reconnect(), this.o.reloginWaitSec * 1000);
    this.timer.unref();
  }

  private async reconnect(): Promise<void> {
    this.timer = undefined;
    if (this.closed || this.o.isLoggedIn()) return;
    this.o.logger.warn({ account: this.o.account }, 'no login after the logout; restarting the puppet (scan the new QR code if one is shown)');
    try {
      await this.o.restart();
    } catch (err) {
      this.o.logger.error({ err }, 'restarting the puppet failed; retrying later');
      this.timer = setTimeout(() => void this.reconnect(), this.o.reloginWaitSec * 1000);
      this.timer.unref();
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
