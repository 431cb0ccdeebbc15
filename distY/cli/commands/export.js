import { exportConsultations } from '../../stats/export/consultations.js';
import { EXPORT_FORMATS } from '../../stats/export/index.js';
import { GRANULARITIES } from '../../stats/time.js';
import { loadRuntime } from '../runtime.js';
export function registerExportCommand(program) {
    program
        .command('export')
        .description('导出普法咨询统计 (export consultation statistics for the year-end report)')
        .requiredOption('--from <date>', '开始日期 start date, YYYY-MM-DD (inclusive)')
        .requiredOption('--to <date>', '结束日期 end date, YYYY-MM-DD (inclusive)')
        .option('--by <period>', `按日/周/月/年汇总 group by: ${GRANULARITIES.join('|')}`, 'month')
        .option('--format <format>', `导出格式 output format: ${EXPORT_FORMATS.join('|')}`, 'csv')
        .option('--out <file>', '写入文件 write to FILE (required for xlsx and docx; otherwise stdout)')
        .option('--include-test', '计入测试数据 include test data (terminal chat, pufa simulate)')
        .addHelpText('after', [
        '',
        'Examples:',
        '  pufa export --from 2026-01-01 --to 2026-12-31 --format summary',
        '  pufa export --from 2026-01-01 --to 2026-12-31 --by month --format csv --out 2026.csv',
        '  pufa export --from 2026-01-01 --to 2026-03-31 --by week --format xlsx --out q1.xlsx',
        '  pufa export --from 2026-01-01 --to 2026-12-31 --format docx --out 2026年度普法咨询报告.docx',
    ].join('\n'))
        .action(async (opts) => {
        const { config, logger } = loadRuntime();
        const result = await exportConsultations({ config, logger, ...opts, includeTest: opts.includeTest === true });
        if (result.file)
            process.stderr.write(`已导出 / written: ${result.file}\n`);
        else
            process.stdout.write(result.output);
    });
}
//# sourceMappingURL=export.js.map