import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config/config.js';
import { type Brain } from '../nlu/brain.js';
import type { IncomingMessage } from './context.js';
import { type Tally } from '../stats/definitions.js';
import { type RecorderStatus, type StatsRecorder } from '../stats/types.js';
/**
 * `pufa simulate <file.jsonl>`: every line `{"text", "user"?, "room"?, "at"?}` goes through
 * the answer steps of the chat service (src/chat/pipeline.ts), recording included — for demos, load tests and
 * back-filling. Malformed lines are reported with their line number and skipped.
 */
export declare const simulateLineSchema: z.ZodObject<{
    text: z.ZodString;
    user: z.ZodOptional<z.ZodString>;
    room: z.ZodOptional<z.ZodString>;
    at: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
export type SimulateLine = z.infer<typeof simulateLineSchema>;
export interface SimulateOptions {
    config: Config;
    logger: Logger;
    file: string;
    /** Reuse a brain (tests, benchmarks); otherwise created from the config. */
    brain?: Brain;
    /** Where consultations go; otherwise the configured Redis store (opened and closed here). */
    recorder?: StatsRecorder;
    /** Progress bar on stderr: `auto` (default) shows it for long files when stderr is a terminal. */
    progress?: boolean | 'auto';
    /** Called for each malformed line (the CLI prints it at once). */
    onBadLine?: (problem: LineProblem) => void;
    /** Time for lines without `at`. */
    now?: () => Date;
    /** Record as official figures (back-filling real consultations). Default false: test data. */
    official?: boolean;
}
export interface LineProblem {
    line: number;
    message: string;
}
export interface SimulateResult {
    file: string;
    /** Non-empty lines in the file. */
    lines: number;
    /** Lines that went through the pipeline. */
    handled: number;
    /** Consultations, by the definitions of src/stats/definitions.ts (a clarification and its reply once, small talk apart). */
    consultations: number;
    problems: LineProblem[];
    /** The run's figures, counted as every other tool counts them. */
    tally: Tally;
    /** Final outcome per consultation (answer / clarify / out_of_scope). */
    byAction: Record<string, number>;
    /** Consultations per topic (small talk not included). */
    byTopic: Record<string, number>;
    /** Recorded as test data (the default). */
    test: boolean;
    /** Whole run, including loading the brain. */
    ms: number;
    /** Time spent in the pipeline only. */
    pipelineMs: number;
    /** Recorder counters after everything was written (when the recorder reports them). */
    recorder?: RecorderStatus;
    /** Consultations not stored: dropped, or still unwritten when the wait for Redis ran out. Non-zero → exit code 1. */
    lost: number;
}
/** The exit code of `pufa simulate`: 1 when any consultation was lost, 2 for malformed lines, else 0. */
export declare function simulateExitCode(result: Pick<SimulateResult, 'lost' | 'problems'>): number;
/** Read and validate a JSONL file: good lines in order, and a problem per bad line. */
export interface SimulateItem {
    line: number;
    value: SimulateLine;
    /** `value.at` parsed (absent: now). */
    at?: Date;
}
export declare function readSimulateFile(file: string, timeZone?: string): Promise<{
    items: SimulateItem[];
    problems: LineProblem[];
    lines: number;
}>;
/** The message a line stands for: channel room when `room` is given, else private. */
export declare function lineToMessage(value: SimulateLine, line: number, fileId: string, at: Date): IncomingMessage;
/** The library form of `pufa simulate`. */
export declare function simulateFile(options: SimulateOptions): Promise<SimulateResult>;
export declare function renderSimulateSummary(result: SimulateResult, topicNames?: Map<string, string>): string;
