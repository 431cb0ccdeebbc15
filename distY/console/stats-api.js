import { reportToJson } from '../stats/export/json.js';
import { statsReport } from '../stats/report.js';
import { previousPeriod } from '../stats/time.js';
/** The report for [from, to]: what every export format (and the dashboard) is rendered from. */
export function reportFor(config, logger, redis, q) {
    return statsReport({ config, logger, redis, from: q.from, to: q.to, by: q.by ?? 'month', includeTest: q.includeTest === true });
}
/** `pufa export --format json [--include-test]` for the range, parsed. */
export async function statsJson(config, logger, redis, q) {
    return JSON.parse(reportToJson(await reportFor(config, logger, redis, q)));
}
export async function dashboard(config, logger, redis, q) {
    const current = await statsJson(config, logger, redis, q);
    const prev = previousPeriod(current.from, current.to);
    const previous = await statsJson(config, logger, redis, { ...q, ...prev, by: current.by });
    return { range: { from: current.from, to: current.to, by: current.by }, previousRange: prev, current, previous };
}
//# sourceMappingURL=stats-api.js.map