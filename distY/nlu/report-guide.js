import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { cleanText } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problems.js';
import { readYamlFile } from '../knowledge/yaml-file.js';
export const REPORT_GUIDE_FILE = '_report.yaml';
const text = z.string({ error: 'must be text' }).refine((s) => s.trim() !== '', { message: 'must not be empty' });
export const reportGuideSchema = z.strictObject({
    intro: text,
    where: text,
    self_contained: z.array(text).optional(),
    topics: z.record(z.string(), z.strictObject({ include: z.array(text).min(1, 'list at least one item') })),
});
export const EMPTY_REPORT_GUIDE = { intro: '', where: '', selfContained: new Set(), include: new Map() };
/** Read `<knowledgeDir>/_report.yaml`. Absent → no guidance; invalid → an error naming the file and line. */
export function loadReportGuide(knowledgeDir) {
    const file = path.join(knowledgeDir, REPORT_GUIDE_FILE);
    if (!existsSync(file))
        return { guide: EMPTY_REPORT_GUIDE, problems: [] };
    const parsed = readYamlFile(file, reportGuideSchema);
    if (!parsed.data)
        return { guide: EMPTY_REPORT_GUIDE, problems: parsed.problems.map(formatProblem) };
    const d = parsed.data;
    return {
        guide: {
            intro: cleanText(d.intro),
            where: cleanText(d.where),
            selfContained: new Set((d.self_contained ?? []).map((s) => s.trim())),
            include: new Map(Object.entries(d.topics).map(([topic, t]) => [topic, t.include.map(cleanText)])),
        },
        problems: [],
    };
}
//# sourceMappingURL=report-guide.js.map