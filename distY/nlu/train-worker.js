import { parentPort, workerData } from 'node:worker_threads';
import { textNormalizer } from '../core/normalize.js';
import { createRanker } from './rankers.js';
/** Worker-thread entry of `trainInThread`: build the ranker, train it, post its model back. */
async function main(job) {
    const ranker = createRanker(job.kind, job.intents, {
        terms: job.terms,
        ...(job.topicTerms ? { topicTerms: job.topicTerms } : {}),
        normalize: textNormalizer(job.maxChars),
        ...(job.priorWeight !== undefined ? { priorWeight: job.priorWeight } : {}),
        // nlp.js's own messages go back to the caller's logger (debug level).
        log: { debug: (obj, msg) => parentPort?.postMessage({ log: { obj, ...(msg !== undefined ? { msg } : {}) } }) },
    });
    await ranker.train(job.intents);
    parentPort?.postMessage({ model: ranker.export() });
}
main(workerData).catch((err) => {
    parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
});
//# sourceMappingURL=train-worker.js.map