import type { Brain } from '../nlu/brain.js';
import type { PipelineDeps } from '../pipeline/context.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';

/**
 * The current brain and its pipeline, swappable without a restart (`#重载`). A reload
 * builds a complete new brain first (loading intents and knowledge, retraining when the
 * intents changed) and only then replaces the reference in one assignment: messages in
 * flight finish with the old brain, the next one uses the new; a failed reload leaves
 * the old brain in place.
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
  private current: { brain: Brain; pipeline: Pipeline };
  private reloading: Promise<ReloadResult> | undefined;

  constructor(
    brain: Brain,
    private readonly deps: PipelineDeps,
    private readonly build: () => Promise<Brain>,
  ) {
    this.current = { brain, pipeline: createPipeline(brain, deps) };
  }

  get brain(): Brain {
    return this.current.brain;
  }

  get pipeline(): Pipeline {
    return this.current.pipeline;
  }

  /** Build a new brain and swap it in (unless `accept` says no). Concurrent calls share one reload. */
  reload(accept?: AcceptBrain): Promise<ReloadResult> {
    this.reloading ??= (async () => {
      const started = performance.now();
      try {
        const brain = await this.build();
        if (accept && !(await accept(brain, this.current.brain))) return { brain: this.current.brain, ms: Math.round(performance.now() - started), swapped: false };
        this.current = { brain, pipeline: createPipeline(brain, this.deps) };
        return { brain, ms: Math.round(performance.now() - started), swapped: true };
      } finally {
        this.reloading = undefined;
      }
    })();
    return this.reloading;
  }
}
