import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IntentDef } from '../knowledge/types.js';
import type { ModelData } from './cache.js';
import type { EngineLog } from './engine.js';
import type { RankerKind } from './rankers.js';

/**
 * Training runs in a worker thread: a bot that rebuilds its model (`#重载`, the console's
 * retrain) keeps answering citizens meanwhile, and the training's memory goes with the
 * thread. The worker builds the same ranker from the same plain inputs and hands back its
 * exported model, which the caller imports: one training path whichever thread runs it.
 */
export interface TrainJob {
  kind: RankerKind;
  intents: readonly IntentDef[];
  terms: readonly string[];
  topicTerms?: Readonly<Record<string, readonly string[]>>;
  maxChars: number;
  priorWeight?: number;
}

/**
 * The worker's code: the compiled .js next to this file, or — running from the .ts source
 * (tests, `npm run dev`) — the .ts file behind tsx's loader, registered inside the thread.
 */
function workerEntry(): { code: string | URL; eval: boolean } {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './train-worker.ts' : './train-worker.js', import.meta.url);
  if (entry.pathname.endsWith('.js')) return { code: entry, eval: false };
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/index\.cjs$/u, 'index.mjs');
  return { code: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`, eval: true };
}

/** Train the ranker described by `job` in a worker thread; resolves with its exported model. */
export function trainInThread(job: TrainJob, log?: EngineLog): Promise<ModelData> {
  const { code, eval: isEval } = workerEntry();
  return new Promise<ModelData>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(code, { workerData: job, eval: isEval });
    worker.on('message', (msg: { model?: ModelData; error?: string; log?: { obj: object; msg?: string } }) => {
      if (msg.log) {
        log?.debug(msg.log.obj, msg.log.msg);
        return;
      }
      settled = true;
      if (msg.error !== undefined) reject(new Error(msg.error));
      else resolve(msg.model);
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the training thread stopped (exit code ${code}) before it sent a model`));
    });
  });
}
