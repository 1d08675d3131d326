import { Worker } from 'node:worker_threads';
import type { EngineName } from '../scoring/mf/engines.ts';
import type { ScorerExecutor, ScorerState, ScorerTask, ScorerTaskResult } from '../scoring/pipeline/scorerExecutor.ts';

/**
 * `size` scorer worker threads kept for many scoring runs (a simulation scores dozens of times; starting a
 * thread loads the whole pipeline, which costs more than a small run). `executor(state)` hands the workers one
 * run's state and runs its tasks concurrently, longest first by the previous run's times; results come back in
 * task order, so output does not depend on scheduling. One executor at a time; `close()` ends the threads.
 *
 * @example const pool = new ScorerWorkerPool(2, 'typed'); await runSimulation(s, { executor: (st) => pool.executor(st) }); await pool.close();
 */
export class ScorerWorkerPool {
  private readonly workers: Worker[];
  private busy = false;
  /** how long each (kind, scorer) task took last time: later runs start the longest tasks first */
  private readonly lastMillis = new Map<string, number>();

  constructor(size: number, engine: EngineName) {
    if (!(Number.isInteger(size) && size >= 1))
      throw new Error(`ScorerWorkerPool: size must be an integer ≥ 1, got ${size}`);
    const boot = new URL('./workerBoot.mjs', import.meta.url);
    const module = new URL('./scorerWorker.ts', import.meta.url).href;
    this.workers = Array.from({ length: size }, () => new Worker(boot, { workerData: { module, engine } }));
  }

  /** An executor for one scoring run: every worker receives `state` (replacing the previous run's). */
  executor(state: ScorerState): ScorerExecutor {
    if (this.busy) throw new Error('ScorerWorkerPool: the previous run’s executor is still open');
    this.busy = true;
    for (const w of this.workers) w.postMessage({ type: 'state', state });
    return {
      run: (tasks, onDone) => this.run(tasks, onDone),
      close: async () => {
        this.busy = false;
      },
    };
  }

  private run(tasks: ScorerTask[], onDone?: (done: number, total: number) => void): Promise<ScorerTaskResult[]> {
    const { workers } = this;
    return new Promise((resolve, reject) => {
      const results = new Array<ScorerTaskResult>(tasks.length);
      let next = 0;
      let done = 0;
      let failed = false;
      if (tasks.length === 0) return resolve(results);
      const detach: (() => void)[] = [];
      const cleanup = () => detach.forEach((d) => d());
      const key = (t: ScorerTask) => `${t.kind} ${t.scorer}`;
      const cost = (t: ScorerTask) => this.lastMillis.get(key(t)) ?? Infinity;
      // Longest first (by the previous run's times, unknown first) keeps both threads busy to the end.
      const order = tasks.map((_t, i) => i).sort((a, b) => cost(tasks[b]) - cost(tasks[a]) || a - b);
      const sentAt = new Float64Array(tasks.length);
      const feed = (w: Worker) => {
        if (failed || next >= tasks.length) return;
        const id = order[next++];
        sentAt[id] = performance.now();
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
          this.lastMillis.set(key(tasks[m.id]), performance.now() - sentAt[m.id]);
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
        detach.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
        });
      }
      workers.forEach(feed);
    });
  }

  /** Ends the worker threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * A pool of `size` worker threads for a single scoring run, ended by the executor's `close()`.
 *
 * @example await scoreDataset(data, { ...opts, executor: (s) => workerExecutor(s, 2, 'typed') });
 */
export function workerExecutor(state: ScorerState, size: number, engine: EngineName): ScorerExecutor {
  const pool = new ScorerWorkerPool(size, engine);
  const executor = pool.executor(state);
  return {
    run: executor.run,
    close: async () => {
      await executor.close();
      await pool.close();
    },
  };
}
