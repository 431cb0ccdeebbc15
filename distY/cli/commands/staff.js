import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { PufaError } from '../../core/errors.js';
import { openStatsRedis } from '../../redis/connection.js';
import { MIN_PASSWORD, StaffAccounts } from '../../console/accounts.js';
import { loadRuntime } from '../runtime.js';
/**
 * `pufa staff add|list|remove`: console logins. Passwords are typed twice without echo
 * (or read from stdin with --password-stdin, for scripts) and stored only as scrypt hashes.
 */
async function readLine(prompt, hidden) {
    const muted = new Writable({ write: (_c, _e, cb) => cb() });
    process.stderr.write(prompt);
    const rl = createInterface({ input: process.stdin, output: hidden ? muted : process.stderr, terminal: hidden && process.stdin.isTTY });
    try {
        return await new Promise((resolve) => rl.once('line', resolve).once('close', () => resolve('')));
    }
    finally {
        rl.close();
        if (hidden)
            process.stderr.write('\n');
    }
}
async function readStdin() {
    let data = '';
    for await (const chunk of process.stdin)
        data += String(chunk);
    return data.split(/\r?\n/)[0] ?? '';
}
async function askPassword(fromStdin) {
    if (fromStdin || !process.stdin.isTTY)
        return readStdin();
    const first = await readLine(`密码（至少 ${MIN_PASSWORD} 个字符，输入时不显示）: `, true);
    const second = await readLine('再输入一次: ', true);
    if (first !== second)
        throw new PufaError('PUFA_ERR_INPUT', '两次输入的密码不一致');
    return first;
}
async function withAccounts(run) {
    const { config, logger } = loadRuntime();
    const store = await openStatsRedis(config, logger, { purpose: 'command', connectionName: 'pufa-staff' });
    try {
        return await run(new StaffAccounts(store.redis, config.REDIS_PREFIX, config.CONSOLE_SESSION_HOURS));
    }
    finally {
        await store.close();
    }
}
export function registerStaffCommand(program) {
    const staff = program.command('staff').description('管理控制台账号 (staff logins of the web console)');
    staff
        .command('add <name>')
        .description('新建控制台账号（--reset 重设已有账号的密码）(create a console login)')
        .option('--password-stdin', '从标准输入读取密码 read the password from stdin')
        .option('--reset', '账号已存在时重设密码（其已登录的会话失效）reset the password of an existing login')
        .action(async (name, opts) => {
        const password = await askPassword(Boolean(opts.passwordStdin));
        const result = await withAccounts((a) => a.add(name, password, { replace: Boolean(opts.reset), by: 'cli' }));
        process.stdout.write(result === 'created' ? `已创建控制台账号 ${name}\n` : `已重设 ${name} 的密码\n`);
    });
    staff
        .command('list')
        .description('列出控制台账号 (list console logins)')
        .action(async () => {
        const names = await withAccounts((a) => a.list());
        process.stdout.write(names.length === 0 ? '还没有控制台账号。用 pufa staff add <账号名> 创建。\n' : `${names.join('\n')}\n`);
    });
    staff
        .command('remove <name>')
        .description('删除控制台账号（立即退出登录）(remove a console login)')
        .action(async (name) => {
        const removed = await withAccounts((a) => a.remove(name, 'cli'));
        if (!removed)
            throw new PufaError('PUFA_ERR_INPUT', `没有账号 ${name}`);
        process.stdout.write(`已删除控制台账号 ${name}\n`);
    });
}
//# sourceMappingURL=staff.js.map