/** Debian's chromium, driven by playwright-core (`PUFA_CHROMIUM` names another). */
export const CHROMIUM = process.env.PUFA_CHROMIUM ?? '/usr/bin/chromium';

/** Headless in a container on a busy CI machine: no sandbox or GPU, no /dev/shm, no background traffic. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A staff member's desktop (the size docs/console.png is drawn at), in the bureau's language and time zone. */
export const DESKTOP = { viewport: { width: 1360, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true };
