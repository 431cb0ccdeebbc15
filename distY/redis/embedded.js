import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PufaError } from '../core/errors.js';
import { startRedisServer } from './server.js';
const LOCK_STALE_MS = 30_000;
function portFile(dir) {
    return path.join(dir, 'port');
}
function readPort(dir) {
    try {
        const n = Number(readFileSync(portFile(dir), 'utf8').trim());
        return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
    }
    catch {
        return undefined;
    }
}
function canonical(dir) {
    try {
        return realpathSync(dir);
    }
    catch {
        return path.resolve(dir);
    }
}
/**
 * True when a redis-server answers PING on 127.0.0.1:port and its working directory is
 * `dir` (so a stale port file pointing at some other program's port is not trusted).
 */
export function probeRedis(port, dir, timeoutMs = 800) {
    const want = canonical(dir);
    return new Promise((resolve) => {
        let buf = '';
        let done = false;
        const finish = (ok) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            sock.destroy();
            resolve(ok);
        };
        const sock = net.connect(port, '127.0.0.1');
        const timer = setTimeout(() => finish(false), timeoutMs);
        sock.setEncoding('utf8');
        sock.on('connect', () => sock.write('PING\r\n*3\r\n$6\r\nCONFIG\r\n$3\r\nGET\r\n$3\r\ndir\r\n'));
        sock.on('data', (chunk) => {
            buf += chunk;
            if (!buf.startsWith('+PONG\r\n')) {
                if (buf.length >= 7 || buf.startsWith('-'))
                    finish(false);
                return;
            }
            if (buf.includes(`\r\n${want}\r\n`))
                finish(true);
            else if (/^\+PONG\r\n-/.test(buf) || /\$3\r\ndir\r\n\$\d+\r\n[^\r]*\r\n$/.test(buf))
                finish(false);
        });
        sock.on('error', () => finish(false));
        sock.on('close', () => finish(false));
    });
}
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
/** Take the start lock; false when another live process holds it. */
function tryLock(lockPath) {
    try {
        const fd = openSync(lockPath, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return true;
    }
    catch (err) {
        if (err.code !== 'EEXIST')
            throw err;
    }
    try {
        const holder = Number(readFileSync(lockPath, 'utf8').trim());
        const age = Date.now() - statSync(lockPath).mtimeMs;
        if (!Number.isInteger(holder) || holder <= 0 || !pidAlive(holder) || age > LOCK_STALE_MS) {
            unlinkSync(lockPath);
            return tryLock(lockPath);
        }
    }
    catch {
        // The holder just released it; try again on the next round.
    }
    return false;
}
function unlock(lockPath) {
    try {
        unlinkSync(lockPath);
    }
    catch {
        // already gone
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Reuse the running server of `dir`, or start one (on `port` when given). */
async function ensureServer(dir, bin, logger, port) {
    const lockPath = path.join(dir, 'start.lock');
    const deadline = Date.now() + 20_000;
    for (;;) {
        const known = readPort(dir);
        if (known !== undefined && (await probeRedis(known, dir)))
            return { port: known };
        if (tryLock(lockPath)) {
            try {
                const again = readPort(dir);
                if (again !== undefined && (await probeRedis(again, dir)))
                    return { port: again };
                const server = await startRedisServer({ bin, dir, persist: true, ...(port ? { port } : {}) });
                writeFileSync(portFile(dir), `${server.port}\n`);
                logger.info({ dir, port: server.port }, 'started embedded redis-server');
                return { port: server.port, server };
            }
            finally {
                unlock(lockPath);
            }
        }
        if (Date.now() > deadline) {
            throw new PufaError('PUFA_ERR_REDIS', `another process holds ${lockPath} and has not started redis-server within 20 s; if none is running, delete that file`);
        }
        await sleep(100);
    }
}
/** Open (start or reuse) the embedded redis-server of `${dataDir}/redis`. */
export async function openEmbeddedRedis(options) {
    const dir = path.resolve(options.dataDir, 'redis');
    mkdirSync(dir, { recursive: true });
    const { logger, bin } = options;
    const first = await ensureServer(dir, bin, logger);
    const port = first.port;
    let server = first.server;
    if (!server)
        logger.info({ dir, port }, 'using the embedded redis-server already running for this data directory');
    let watcher;
    let checking = false;
    if (options.keep) {
        watcher = setInterval(() => {
            if (checking)
                return;
            checking = true;
            void (async () => {
                try {
                    if (await probeRedis(port, dir))
                        return;
                    logger.warn({ port }, 'embedded redis-server is gone; starting it again');
                    const again = await ensureServer(dir, bin, logger, port);
                    if (again.server)
                        server = again.server;
                }
                catch (err) {
                    logger.error({ err: err instanceof Error ? err.message : String(err) }, 'could not restart the embedded redis-server');
                }
                finally {
                    checking = false;
                }
            })();
        }, options.watchIntervalMs ?? 2000);
        watcher.unref();
    }
    let released = false;
    return {
        url: `redis://127.0.0.1:${port}`,
        port,
        dir,
        get server() {
            return server;
        },
        async release() {
            if (released)
                return;
            released = true;
            if (watcher)
                clearInterval(watcher);
            if (!server)
                return;
            await server.stop();
            if (readPort(dir) === server.port) {
                try {
                    unlinkSync(portFile(dir));
                }
                catch {
                    // already gone
                }
            }
            logger.info({ dir, port: server.port }, 'stopped embedded redis-server');
        },
    };
}
//# sourceMappingURL=embedded.js.map