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

export class BrainHolder {
  private current: Brain;
  private reloading: Promise<ReloadResult> | undefined;

  constructor(
    brain: Brain,
    private readonly build: () => Promise<Brain>,
  ) {
    this.current = brain;
  }

  get brain(): Brain {
    return this.current;
  }

  /** Build a new brain and swap it in (unless `accept` says no). Concurrent calls share one reload. */
  reload(accept?: AcceptBrain): Promise<ReloadResult> {
    this.reloading ??= (async () => {
      const started = performance.now();
      try {
        const brain = await this.build();
        if (accept && !(await accept(brain, this.current))) return { brain: this.current, ms: Math.round(performance.now() - started), swapped: false };
        this.current = brain;
        return { brain, ms: Math.round(performance.now() - started), swapped: true };
      } finally {
        this.reloading = undefined;
      }
    })();
    return this.reloading;
  }
}
