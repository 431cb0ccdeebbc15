import { z } from 'zod';
import type { BrainHolder } from '../bot/brain-holder.js';
import type { Brain } from '../nlu/brain.js';
import type { AssignedQuestion } from './review.js';
/**
 * Retraining from the console, with a guard: the new model replaces the running one only
 * when the project's own check questions (`knowledge/_checks.yaml`: our acceptance questions,
 * one or two per topic, written by us) are answered at least as well as before. The result
 * shows both scores and, for every question staff assigned, whether it is answered now.
 */
export declare const CHECKS_FILE = "_checks.yaml";
declare const checksSchema: z.ZodObject<{
    checks: z.ZodArray<z.ZodObject<{
        topic: z.ZodString;
        q: z.ZodString;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type Check = z.infer<typeof checksSchema>['checks'][number];
export declare function readChecks(knowledgeDir: string): Check[];
export interface CheckOutcome {
    q: string;
    expected: string;
    got: string;
    ok: boolean;
}
export interface Score {
    passed: number;
    total: number;
    failures: CheckOutcome[];
}
export declare function scoreChecks(brain: Brain, checks: readonly Check[]): Promise<Score>;
export interface AssignedOutcome {
    text: string;
    intent: string;
    before: string;
    after: string;
    answered: boolean;
}
export interface RetrainResult {
    at: string;
    by: string;
    swapped: boolean;
    ms: number;
    before: Score;
    after: Score;
    assigned: AssignedOutcome[];
    intents: number;
    /** Chinese one-line verdict for the page. */
    message: string;
    error?: string;
}
/** Rebuild the brain (retraining as needed) and swap it in unless the checks got worse. */
export declare function guardedRetrain(holder: BrainHolder, knowledgeDir: string, assigned: readonly AssignedQuestion[], by: string): Promise<RetrainResult>;
export {};
