import { Worker } from 'node:worker_threads';
import type { EngineName } from '../scoring/mf/engines.ts';
import type { ScorerExecutor, ScorerState, ScorerTask, ScorerTaskResult } from '../scoring/pipeline/scorerExecutor.ts';

/**
 * A pool of `size` worker threads running scorer tasks concurrently (each worker gets the state once).
 * Results are returned in task order, so output does not depend on scheduling.
 *
 * @example await scoreDataset(data, { ...opts, executor: (s) => workerExecutor(s, 2, 'typed') });
 */
export function workerExecutor(state: ScorerState, size: number, engine: EngineName): ScorerExecutor {
  const boot = new URL('./workerBoot.mjs', import.meta.url);
  const module = new URL('./scorerWorker.ts', import.meta.url).href;
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(boot, { workerData: { module, engine } });
    w.postMessage({ type: 'state', state });
    return w;
  });
  return {
    run(tasks: ScorerTask[], onDone?: (done: number, total: number) => void): Promise<ScorerTaskResult[]> {
      return new Promise((resolve, reject) => {
        const results = new Array<ScorerTaskResult>(tasks.length);
        let next = 0;
        let done = 0;
        let failed = false;
        if (tasks.length === 0) return resolve(results);
        const feed = (w: Worker) => {
          if (failed || next >= tasks.length) return;
          const id = next++;
          w.postMessage({ type: 'task', id, task: tasks[id] });
        };
        for (const w of workers) {
          const onMessage = (m: { ready?: boolean; id?: number; result?: ScorerTaskResult; error?: string }) => {
            if (m.ready || m.id === undefined) return;
            if (m.error !== undefined) {
              failed = true;
              cleanup();
              return reject(new Error(`scorer task ${tasks[m.id].scorer} failed in a worker: ${m.error}`));
            }
            results[m.id] = m.result ?? null;
            done++;
            onDone?.(done, tasks.length);
            if (done === tasks.length) {
              cleanup();
              return resolve(results);
            }
            feed(w);
          };
          const onError = (err: Error) => {
            failed = true;
            cleanup();
            reject(err);
          };
          w.on('message', onMessage);
          w.on('error', onError);
          (w as Worker & { _cleanup?: () => void })._cleanup = () => {
            w.off('message', onMessage);
            w.off('error', onError);
          };
        }
        const cleanup = () => workers.forEach((w) => (w as Worker & { _cleanup?: () => void })._cleanup?.());
        workers.forEach(feed);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
