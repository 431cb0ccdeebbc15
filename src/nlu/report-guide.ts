import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { cleanText } from '../knowledge/text.js';
import { formatProblem } from '../knowledge/problems.js';
import { readYamlFile } from '../knowledge/yaml-file.js';

/**
 * How to report a problem so it is acted on: staff-edited data in `knowledge/_report.yaml`
 * (see the comments in that file). Loaded once with the brain.
 */
export interface ReportGuide {
  intro: string;
  where: string;
  /** Answers that already explain how to report: no guidance added. */
  selfContained: ReadonlySet<string>;
  /** Topic → what to include in a report. */
  include: ReadonlyMap<string, readonly string[]>;
  /**
   * What to include in any report (`general:`): for a question back on a report whose choices
   * are of several matters, where one topic's items ("摊点的具体位置") may be the wrong matter's.
   * Empty: the top choice's topic items, as before.
   */
  general: readonly string[];
}

export const REPORT_GUIDE_FILE = '_report.yaml';

const text = z.string({ error: 'must be text' }).refine((s) => s.trim() !== '', { message: 'must not be empty' });

export const reportGuideSchema = z.strictObject({
  intro: text,
  where: text,
  self_contained: z.array(text).optional(),
  general: z.strictObject({ include: z.array(text).min(1, 'list at least one item') }).optional(),
  topics: z.record(z.string(), z.strictObject({ include: z.array(text).min(1, 'list at least one item') })),
});

export const EMPTY_REPORT_GUIDE: ReportGuide = { intro: '', where: '', selfContained: new Set(), include: new Map(), general: [] };

/** Read `<knowledgeDir>/_report.yaml`. Absent → no guidance; invalid → an error naming the file and line. */
export function loadReportGuide(knowledgeDir: string): { guide: ReportGuide; problems: string[] } {
  const file = path.join(knowledgeDir, REPORT_GUIDE_FILE);
  if (!existsSync(file)) return { guide: EMPTY_REPORT_GUIDE, problems: [] };
  const parsed = readYamlFile(file, reportGuideSchema);
  if (!parsed.data) return { guide: EMPTY_REPORT_GUIDE, problems: parsed.problems.map(formatProblem) };
  const d = parsed.data;
  return {
    guide: {
      intro: cleanText(d.intro),
      where: cleanText(d.where),
      selfContained: new Set((d.self_contained ?? []).map((s) => s.trim())),
      include: new Map(Object.entries(d.topics).map(([topic, t]) => [topic, t.include.map(cleanText)])),
      general: (d.general?.include ?? []).map(cleanText),
    },
    problems: [],
  };
}
