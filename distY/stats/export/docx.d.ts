import type { StatsReport } from '../query.js';
export declare function reportToDocx(report: StatsReport): Promise<Buffer>;
