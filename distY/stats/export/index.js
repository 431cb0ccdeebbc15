import { PufaError } from '../../core/errors.js';
import { reportToCsv } from './csv.js';
import { reportToJson } from './json.js';
import { reportToSummary } from './summary.js';
export { BOM, reportToCsv } from './csv.js';
export { reportToJson } from './json.js';
export { reportToSummary } from './summary.js';
export { HEADERS, SHEETS, TOTAL_LABEL } from './columns.js';
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'summary', 'docx'];
/** Formats that are files, not text (need --out on the command line). */
export const BINARY_FORMATS = ['xlsx', 'docx'];
export function parseFormat(value) {
    const f = value.trim().toLowerCase();
    if (EXPORT_FORMATS.includes(f))
        return f;
    throw new PufaError('PUFA_ERR_INPUT', `未知的导出格式 / unknown format ${JSON.stringify(value)}: use ${EXPORT_FORMATS.join(', ')}`);
}
/** Render a report: text for csv/json/summary, bytes for xlsx and docx. */
export async function renderReport(report, format) {
    switch (format) {
        case 'csv':
            return reportToCsv(report);
        case 'json':
            return reportToJson(report);
        case 'summary':
            return reportToSummary(report);
        case 'xlsx':
            return (await import('./xlsx.js')).reportToXlsx(report);
        case 'docx':
            return (await import('./docx.js')).reportToDocx(report);
    }
}
//# sourceMappingURL=index.js.map