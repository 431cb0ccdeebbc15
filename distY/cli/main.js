#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { isPufaError } from '../core/errors.js';
import { maskSecrets } from '../core/privacy.js';
import { registerCommands, requestedCommand } from './commands/index.js';
/**
 * `pufa` — the command-line tool. Each command lives in `src/cli/commands/<name>.ts` and
 * is also usable as a library function. Errors print a clear message and exit non-zero.
 * Only the module of the command being run is imported (see commands/index.ts), so
 * `pufa --help` and `pufa --version` load no model, node-nlp, wechaty or Redis client.
 */
export async function buildProgram(argv = process.argv) {
    const program = new Command('pufa')
        .description('城管普法助手 — 普法问答机器人命令行工具 (urban-management legal-publicity bot)')
        .version('0.1.0')
        .showHelpAfterError('(用 --help 查看用法 / run with --help for usage)')
        .exitOverride();
    await registerCommands(program, requestedCommand(argv.slice(2)));
    return program;
}
export async function main(argv = process.argv) {
    try {
        const program = await buildProgram(argv);
        await program.parseAsync(argv);
        return typeof process.exitCode === 'number' ? process.exitCode : 0;
    }
    catch (err) {
        if (err instanceof CommanderError) {
            // --help / --version exit with code 0; usage errors were already printed by commander.
            return err.exitCode;
        }
        if (isPufaError(err)) {
            process.stderr.write(`错误 ${maskSecrets(err.describe())}\n`);
            return 2;
        }
        process.stderr.write(`错误: ${maskSecrets(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
        return 1;
    }
}
const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(?:main\.[cm]?[jt]s|pufa)$/.test(process.argv[1]);
if (invokedDirectly) {
    // The reader went away (`pufa kb review-list --help | head`): stop quietly with the status of a
    // process ended by SIGPIPE (128 + 13), as other command-line tools do, not with a stack trace.
    // Non-zero, so that a supervised bot whose log pipe broke is still restarted (Restart=on-failure).
    process.stdout.on('error', (err) => {
        if (err.code !== 'EPIPE')
            throw err;
        process.exit(141);
    });
    main().then((code) => {
        process.exitCode = code;
    }, (err) => {
        process.stderr.write(`${String(err)}\n`);
        process.exitCode = 1;
    });
}
//# sourceMappingURL=main.js.map