import { createInterface } from 'node:readline/promises';
import { PufaError } from '../../core/errors.js';
import { openStatsRedis } from '../../redis/connection.js';
import { TEST_CHANNELS } from '../../stats/keys.js';
import { shortRange, statsOverview } from '../../stats/overview.js';
import { countTestData, purgeTestData } from '../../stats/purge.js';
import { resolveRange } from '../../stats/report.js';
import { loadRuntime } from '../runtime.js';
/** The overview moved to src/stats/overview.ts (a library function the bot uses too). */
function positiveInt(value) {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 10_000)
        throw new PufaError('PUFA_ERR_INPUT', `--review 需要 1–10000 的整数 / --review needs a whole number 1–10000 (got ${JSON.stringify(value)})`);
    return n;
}
/** The library form of `pufa stats purge`: count, confirm, delete test data. */
export async function purgeCommand(options) {
    const { config, logger } = options;
    const { from, to } = resolveRange({ from: options.from, to: options.to });
    const channels = options.channels ?? [];
    for (const ch of channels) {
        if (!TEST_CHANNELS.includes(ch))
            throw new PufaError('PUFA_ERR_INPUT', `--channel 只能是 ${TEST_CHANNELS.join('|')} / --channel must be one of ${TEST_CHANNELS.join(', ')} (got ${JSON.stringify(ch)})`);
    }
    const store = options.redis ? undefined : await openStatsRedis(config, logger, { purpose: 'command', connectionName: 'pufa-purge' });
    try {
        const redis = options.redis ?? store.redis;
        const opts = { prefix: config.REDIS_PREFIX, from, to, channels, timezone: config.STATS_TIMEZONE };
        const count = await countTestData(redis, opts);
        const what = `${shortRange(from, to)} ${channels.length > 0 ? channels.join('、') : '全部渠道'}的测试数据：咨询 ${count.consultations} 人次，闲聊 ${count.chitchat} 条，待改进问题 ${count.reviewEntries} 条（正式数据不受影响）`;
        if (count.keys === 0 && count.reviewEntries === 0)
            return { count, deleted: false, text: `没有可删除的测试数据：${what}\n` };
        if (!options.yes) {
            if (!options.confirm || !(await options.confirm(count, what)))
                return { count, deleted: false, text: `未删除 / nothing deleted：${what}\n` };
        }
        await purgeTestData(redis, opts);
        return { count, deleted: true, text: `已删除 / deleted：${what}\n` };
    }
    finally {
        await store?.close();
    }
}
/** Ask on the terminal; without a terminal, refuse (use --yes in scripts). */
async function askOnTerminal(_count, what) {
    if (!process.stdin.isTTY) {
        process.stderr.write(`将删除 ${what}\n没有终端可确认；脚本中请加 --yes / no terminal to confirm: add --yes\n`);
        return false;
    }
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
        const answer = await rl.question(`将删除 ${what}\n确定删除吗？输入 yes 确认 / type yes to delete: `);
        return /^(y|yes|是|确认)$/i.test(answer.trim());
    }
    finally {
        rl.close();
    }
}
export function registerStatsCommand(program) {
    // `pufa stats purge --from …`: the options after `purge` are purge's own, not `stats`'s
    // (commander needs positional options on every level above; `pufa` itself has only -V/-h).
    program.enablePositionalOptions();
    const stats = program
        .command('stats')
        .description('在终端查看咨询统计 (quick statistics table in the terminal)')
        .enablePositionalOptions()
        .option('--today', '今天 today (default)')
        .option('--week', '本周 this week (Monday to today)')
        .option('--month', '本月 this calendar month to today (early in a month, last month is shown too)')
        .option('--last-month', '上月 the whole previous calendar month')
        .option('--year', '今年 this year to today')
        .option('--from <date>', '开始日期 YYYY-MM-DD')
        .option('--to <date>', '结束日期 YYYY-MM-DD')
        .option('--by <period>', '分时段 group by day|week|month|year')
        .option('--review [n]', '列出本期待改进的问题 list the period\'s questions to review (declined, asked back, low confidence, 👎), newest first (default 20)')
        .option('--include-test', '计入测试数据 include test data (terminal chat, pufa simulate)')
        .addHelpText('after', '\nExamples:\n  pufa stats --today\n  pufa stats --month --review\n  pufa stats --last-month\n  pufa stats --from 2026-01-01 --to 2026-03-31 --by month\n  pufa stats purge --channel console --from 2026-11-01 --to 2026-11-30')
        .action(async (opts) => {
        const named = ['today', 'week', 'month', 'lastMonth', 'year'].filter((k) => opts[k]);
        if (named.length > 1 || (named.length > 0 && (opts.from || opts.to))) {
            throw new PufaError('PUFA_ERR_INPUT', '只能选择一个时间范围 / choose one range: --today, --week, --month, --last-month, --year or --from/--to');
        }
        const { config, logger } = loadRuntime();
        const options = { config, logger, includeTest: opts.includeTest === true };
        if (named[0])
            options.range = named[0];
        if (opts.from !== undefined)
            options.from = opts.from;
        if (opts.to !== undefined)
            options.to = opts.to;
        if (opts.by !== undefined)
            options.by = opts.by;
        if (opts.review !== undefined)
            options.review = opts.review === true ? 20 : positiveInt(String(opts.review));
        const result = await statsOverview(options);
        process.stdout.write(result.text);
    });
    stats
        .command('purge')
        .description('删除测试数据（终端对话、pufa simulate），正式数据不受影响 (remove test data after a confirmation)')
        .requiredOption('--from <date>', '开始日期 YYYY-MM-DD')
        .requiredOption('--to <date>', '结束日期 YYYY-MM-DD')
        .option('--channel <channel...>', `渠道 ${TEST_CHANNELS.join('|')} (default: all)`)
        .option('--yes', '不再确认 do not ask (for scripts)')
        .addHelpText('after', '\nExamples:\n  pufa stats purge --channel console --from 2026-11-01 --to 2026-11-30\n  pufa stats purge --from 2026-01-01 --to 2026-12-31 --yes')
        .action(async (opts) => {
        const { config, logger } = loadRuntime();
        const result = await purgeCommand({ config, logger, from: opts.from, to: opts.to, channels: opts.channel ?? [], yes: opts.yes === true, confirm: askOnTerminal });
        process.stdout.write(result.text);
        if (!result.deleted && result.count.keys + result.count.reviewEntries > 0)
            process.exitCode = 1;
    });
}
//# sourceMappingURL=stats.js.map