import { releaseProxy, wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { Worker } from 'node:worker_threads';
import type { EngineName } from '../scoring/mf/engines.ts';
import type { ScorerExecutor, ScorerState, ScorerTask, ScorerTaskResult } from '../scoring/pipeline/scorerExecutor.ts';
import type { ScorerWorkerApi } from './scorerWorkerApi.ts';

/** One worker thread, driven over comlink; `pending` rejects the calls in flight when the thread dies. */
interface PoolThread {
  thread: Worker;
  remote: Remote<ScorerWorkerApi>;
  pending: Set<(err: Error) => void>;
  /** why the thread stopped answering (an uncaught error or an exit), once it has */
  dead: Error | null;
}

function startThread(engine: EngineName): PoolThread {
  const boot = new URL('./workerBoot.mjs', import.meta.url);
  const module = new URL('./scorerWorker.ts', import.meta.url).href;
  const thread = new Worker(boot, { workerData: { module, engine } });
  const t: PoolThread = { thread, remote: wrap<ScorerWorkerApi>(nodeEndpoint(thread)), pending: new Set(), dead: null };
  const die = (err: Error) => {
    t.dead ??= err;
    for (const reject of t.pending) reject(t.dead);
    t.pending.clear();
  };
  thread.on('error', die);
  thread.on('exit', (code) => die(new Error(`the scorer worker thread exited (code ${code})`)));
  return t;
}

/** Runs one comlink call on `t`; it rejects with the thread's error if the thread dies first. */
function call<T>(t: PoolThread, work: (remote: Remote<ScorerWorkerApi>) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (t.dead) return reject(t.dead);
    t.pending.add(reject);
    work(t.remote).then(
      (value) => {
        t.pending.delete(reject);
        resolve(value);
      },
      (err: unknown) => {
        t.pending.delete(reject);
        reject(err);
      },
    );
  });
}

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * `size` scorer worker threads kept for many scoring runs (a simulation scores dozens of times; starting a
 * thread loads the whole pipeline, which costs more than a small run). `executor(state)` hands the workers one
 * run's state and runs its tasks concurrently, longest first by the previous run's times; results come back in
 * task order, so output does not depend on scheduling. One executor at a time; `close()` ends the threads.
 *
 * @example const pool = new ScorerWorkerPool(2, 'typed'); await runSimulation(s, { executor: (st) => pool.executor(st) }); await pool.close();
 */
export class ScorerWorkerPool {
  private readonly threads: PoolThread[];
  private busy = false;
  /** settles once every thread holds the current run's state: null, or the error that stopped one */
  private stateSent: Promise<Error | null> = Promise.resolve(null);
  /** how long each (kind, scorer) task took last time: later runs start the longest tasks first */
  private readonly lastMillis = new Map<string, number>();

  constructor(size: number, engine: EngineName) {
    if (!(Number.isInteger(size) && size >= 1))
      throw new Error(`ScorerWorkerPool: size must be an integer ≥ 1, got ${size}`);
    this.threads = Array.from({ length: size }, () => startThread(engine));
  }

  /** An executor for one scoring run: every worker receives `state` (replacing the previous run's). */
  executor(state: ScorerState): ScorerExecutor {
    if (this.busy) throw new Error('ScorerWorkerPool: the previous run’s executor is still open');
    this.busy = true;
    this.stateSent = Promise.all(this.threads.map((t) => call(t, (r) => r.setState(state)))).then(
      () => null,
      (err: unknown) =>
        new Error(`a scorer worker could not take the run’s state: ${errorMessage(err)}`, { cause: err }),
    );
    return {
      run: (tasks, onDone) => this.run(tasks, onDone),
      close: async () => {
        this.busy = false;
      },
    };
  }

  private async run(tasks: ScorerTask[], onDone?: (done: number, total: number) => void): Promise<ScorerTaskResult[]> {
    const stateError = await this.stateSent;
    if (stateError) throw stateError;
    const results = new Array<ScorerTaskResult>(tasks.length);
    const key = (t: ScorerTask) => `${t.kind} ${t.scorer}`;
    const cost = (t: ScorerTask) => this.lastMillis.get(key(t)) ?? Infinity;
    // Longest first (by the previous run's times, unknown first) keeps both threads busy to the end.
    const order = tasks.map((_t, i) => i).sort((a, b) => cost(tasks[b]) - cost(tasks[a]) || a - b);
    let next = 0;
    let done = 0;
    let failed = false;
    const serve = async (t: PoolThread) => {
      while (!failed && next < order.length) {
        const id = order[next++];
        const started = performance.now();
        try {
          results[id] = await call<ScorerTaskResult>(t, (r) => r.runTask(tasks[id]));
        } catch (err) {
          failed = true;
          throw new Error(`scorer task ${tasks[id].scorer} failed in a worker: ${errorMessage(err)}`, { cause: err });
        }
        this.lastMillis.set(key(tasks[id]), performance.now() - started);
        onDone?.(++done, tasks.length);
      }
    };
    await Promise.all(this.threads.map(serve));
    return results;
  }

  /** Ends the worker threads. */
  async close(): Promise<void> {
    await Promise.all(
      this.threads.map((t) => {
        t.remote[releaseProxy]();
        return t.thread.terminate();
      }),
    );
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
