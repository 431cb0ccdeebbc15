import { renderSimulateSummary, simulateExitCode, simulateFile } from '../../chat/simulate.js';
import { loadTopics } from '../../stats/topics.js';
import { loadRuntime } from '../runtime.js';
export function registerSimulateCommand(program) {
    program
        .command('simulate')
        .description('把 JSONL 文件逐行当作群众消息处理并计入统计 (feed a JSONL file through the bot pipeline, recording included)')
        .argument('<file>', 'JSONL: one {"text", "user"?, "room"?, "at"?} per line')
        .option('--no-progress', '不显示进度条 no progress bar')
        .option('--official', '记为正式数据（补录真实咨询）record as official figures (back-filling real consultations); default: test data')
        .addHelpText('after', [
        '',
        'Each line: {"text": "门口摆摊会被罚吗", "user": "张三", "room": "阳逻街居民群", "at": "2026-03-01T09:30:00+08:00"}',
        '  room given → group message, else private; user defaults to an anonymous id per line; at defaults to now.',
        'Malformed lines are reported with their line number and skipped; the exit code is then 2.',
        '',
        'Example:',
        '  pufa simulate eval/questions.jsonl',
    ].join('\n'))
        .action(async (file, opts) => {
        const { config, logger } = loadRuntime();
        const result = await simulateFile({
            config,
            logger,
            file,
            progress: opts.progress ? 'auto' : false,
            official: opts.official === true,
            onBadLine: (p) => process.stderr.write(`第 ${p.line} 行 / line ${p.line}: ${p.message}\n`),
        });
        const names = new Map(loadTopics(config.PUFA_KNOWLEDGE_DIR).map((t) => [t.id, t.name]));
        process.stdout.write(renderSimulateSummary(result, names));
        process.exitCode = simulateExitCode(result);
    });
}
//# sourceMappingURL=simulate.js.map