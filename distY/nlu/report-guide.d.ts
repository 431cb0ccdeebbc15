import { z } from 'zod';
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
}
export declare const REPORT_GUIDE_FILE = "_report.yaml";
export declare const reportGuideSchema: z.ZodObject<{
    intro: z.ZodString;
    where: z.ZodString;
    self_contained: z.ZodOptional<z.ZodArray<z.ZodString>>;
    topics: z.ZodRecord<z.ZodString, z.ZodObject<{
        include: z.ZodArray<z.ZodString>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export declare const EMPTY_REPORT_GUIDE: ReportGuide;
/** Read `<knowledgeDir>/_report.yaml`. Absent → no guidance; invalid → an error naming the file and line. */
export declare function loadReportGuide(knowledgeDir: string): {
    guide: ReportGuide;
    problems: string[];
};
