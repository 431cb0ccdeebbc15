import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
/**
 * The worker's code: the compiled .js next to this file, or — running from the .ts source
 * (tests, `npm run dev`) — the .ts file behind tsx's loader, registered inside the thread.
 */
function workerEntry() {
    const entry = new URL(import.meta.url.endsWith('.ts') ? './train-worker.ts' : './train-worker.js', import.meta.url);
    if (entry.pathname.endsWith('.js'))
        return { code: entry, eval: false };
    const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/index\.cjs$/u, 'index.mjs');
    return { code: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`, eval: true };
}
/** Train the ranker described by `job` in a worker thread; resolves with its exported model. */
export function trainInThread(job, log) {
    const { code, eval: isEval } = workerEntry();
    return new Promise((resolve, reject) => {
        let settled = false;
        const worker = new Worker(code, { workerData: job, eval: isEval });
        worker.on('message', (msg) => {
            if (msg.log) {
                log?.debug(msg.log.obj, msg.log.msg);
                return;
            }
            settled = true;
            if (msg.error !== undefined)
                reject(new Error(msg.error));
            else
                resolve(msg.model);
        });
        worker.once('error', (err) => {
            settled = true;
            reject(err);
        });
        worker.once('exit', (code) => {
            if (!settled)
                reject(new Error(`the training thread stopped (exit code ${code}) before it sent a model`));
        });
    });
}
//# sourceMappingURL=train-thread.js.map