import type { Brain } from '../nlu/brain.js';
/**
 * The current brain, swappable without a restart (`#重载`, the console's retrain). A reload
 * builds a complete new brain first (loading intents and knowledge, retraining when the
 * intents changed) and only then replaces the reference in one assignment: messages in
 * flight finish with the old brain, the next one uses the new; a failed reload leaves
 * the old brain in place. The chat service reads `brain` for every message.
 */
export interface ReloadResult {
    brain: Brain;
    ms: number;
    /** False when `accept` refused the new brain (the old one stays in use). */
    swapped: boolean;
}
/** Decides whether a freshly built brain may replace the current one (the console's retrain guard). */
export type AcceptBrain = (next: Brain, current: Brain) => Promise<boolean> | boolean;
export declare class BrainHolder {
    private readonly build;
    private current;
    private reloading;
    constructor(brain: Brain, build: () => Promise<Brain>);
    get brain(): Brain;
    /** Build a new brain and swap it in (unless `accept` says no). Concurrent calls share one reload. */
    reload(accept?: AcceptBrain): Promise<ReloadResult>;
}
