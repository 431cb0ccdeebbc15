import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PufaError } from '../core/errors.js';
export const REDIS_INSTALL_HINT = 'redis-server was not found. Install it with: sudo apt-get install -y redis-server (Debian/Ubuntu), ' +
    'brew install redis (macOS); or set REDIS_URL to an existing Redis, or REDIS_SERVER_BIN to the binary.';
export async function freePort() {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const addr = srv.address();
            const port = typeof addr === 'object' && addr ? addr.port : 0;
            srv.close(() => resolve(port));
        });
    });
}
function waitForPort(port, child, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    return new Promise((resolve, reject) => {
        const attempt = () => {
            if (child.exitCode !== null) {
                reject(new PufaError('PUFA_ERR_REDIS', `redis-server exited with code ${child.exitCode} before it was ready`));
                return;
            }
            const sock = net.connect(port, '127.0.0.1');
            sock.once('connect', () => {
                sock.end();
                resolve();
            });
            sock.once('error', () => {
                sock.destroy();
                if (Date.now() > deadline)
                    reject(new PufaError('PUFA_ERR_REDIS', `redis-server did not listen on port ${port} within ${timeoutMs} ms`));
                else
                    setTimeout(attempt, 25);
            });
        };
        attempt();
    });
}
/** Start a private redis-server bound to 127.0.0.1. Throws PUFA_ERR_REDIS_BINARY with install instructions when missing. */
export async function startRedisServer(options) {
    const bin = options.bin ?? 'redis-server';
    const dir = path.resolve(options.dir);
    mkdirSync(dir, { recursive: true });
    const port = options.port && options.port > 0 ? options.port : await freePort();
    const persist = options.persist ?? false;
    const args = [
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--dir', dir,
        '--daemonize', 'no',
        '--protected-mode', 'yes',
        '--loglevel', 'warning',
        '--logfile', '',
        ...(persist ? ['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '300 1'] : ['--appendonly', 'no', '--save', '']),
    ];
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const spawnError = await new Promise((resolve) => {
        child.once('error', (err) => resolve(err));
        child.once('spawn', () => resolve(null));
    });
    if (spawnError) {
        if (spawnError.code === 'ENOENT')
            throw new PufaError('PUFA_ERR_REDIS_BINARY', REDIS_INSTALL_HINT, { cause: spawnError });
        throw new PufaError('PUFA_ERR_REDIS', `could not start ${bin}: ${spawnError.message}`, { cause: spawnError });
    }
    await waitForPort(port, child, options.timeoutMs ?? 10_000);
    const exited = new Promise((resolve) => {
        if (child.exitCode !== null)
            resolve();
        else
            child.once('exit', () => resolve());
    });
    const stopWith = async (signal) => {
        if (child.exitCode !== null || child.signalCode !== null)
            return;
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
    };
    return {
        url: `redis://127.0.0.1:${port}`,
        port,
        dir,
        pid: child.pid,
        stop: () => stopWith('SIGTERM'),
        kill: () => stopWith('SIGKILL'),
    };
}
//# sourceMappingURL=server.js.map