import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PufaError } from '../../core/errors.js';
import { resolveRange, statsReport } from '../report.js';
import { BINARY_FORMATS, parseFormat, renderReport } from './index.js';
/** Check every option before touching Redis; throws PUFA_ERR_INPUT. */
export function validateExportOptions(options) {
    const { from, to, by } = resolveRange({ from: options.from, to: options.to, by: options.by ?? 'month' });
    const format = parseFormat(options.format ?? 'csv');
    if (BINARY_FORMATS.includes(format) && !options.out)
        throw new PufaError('PUFA_ERR_INPUT', `${format} 格式需要 --out 文件名 / --format ${format} needs --out FILE`);
    return { from, to, by, format };
}
/**
 * Export the outreach statistics of [from, to]: the library form of `pufa export`. The
 * figures are statsReport()'s (json prints exactly that). Throws PUFA_ERR_INPUT for bad
 * options (before connecting), PUFA_ERR_REDIS when Redis cannot be reached,
 * PUFA_ERR_EXPORT when the file cannot be written.
 */
export async function exportConsultations(options) {
    const { config, logger } = options;
    const { from, to, by, format } = validateExportOptions(options);
    const report = await statsReport({ config, logger, from, to, by, includeTest: options.includeTest === true, ...(options.redis ? { redis: options.redis } : {}) });
    const output = await renderReport(report, format);
    const result = { report, format, output };
    if (options.out) {
        const file = path.resolve(options.out);
        try {
            await mkdir(path.dirname(file), { recursive: true });
            await writeFile(file, output);
        }
        catch (err) {
            throw new PufaError('PUFA_ERR_EXPORT', `无法写入 / cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
        result.file = file;
    }
    return result;
}
//# sourceMappingURL=consultations.js.map