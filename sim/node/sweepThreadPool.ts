import { releaseProxy, wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { Worker } from 'node:worker_threads';
import { runSweepJob, type SweepJob, type SweepJobResult } from './sweepJob.ts';

interface SweepThread {
  thread: Worker;
  remote: Remote<{ run(job: SweepJob): Promise<SweepJobResult> }>;
  idle: boolean;
}

/**
 * Runs sweep jobs on `size` worker threads (sweepWorker.ts, booted through workerBoot.mjs so they load the
 * TypeScript sources), one job per thread at a time; with `threaded` false (the default for size 1) jobs run on
 * the calling thread instead. A thread that dies rejects its job and is replaced.
 *
 * @example const pool = new SweepThreadPool(2); const r = await pool.run({ scenario, seed: 1 }); await pool.close();
 */
export class SweepThreadPool {
  private readonly threads: SweepThread[] = [];
  private readonly waiting: ((t: SweepThread) => void)[] = [];
  private closed = false;

  constructor(
    readonly size: number,
    readonly threaded = size > 1,
  ) {
    if (!(Number.isInteger(size) && size >= 1))
      throw new Error(`SweepThreadPool: size must be an integer ≥ 1, got ${size}`);
    if (threaded) for (let i = 0; i < size; i++) this.threads.push(this.start());
  }

  private start(): SweepThread {
    const boot = new URL('./workerBoot.mjs', import.meta.url);
    const module = new URL('./sweepWorker.ts', import.meta.url).href;
    const thread = new Worker(boot, { workerData: { module } });
    return { thread, remote: wrap(nodeEndpoint(thread)), idle: true };
  }

  /** Runs one job on the next free thread (or in process when size is 1). */
  async run(job: SweepJob, signal?: AbortSignal): Promise<SweepJobResult> {
    if (this.closed) throw new Error('SweepThreadPool: closed');
    if (!this.threaded) return runSweepJob(job, signal);
    const t = this.threads.find((x) => x.idle) ?? (await new Promise<SweepThread>((res) => this.waiting.push(res)));
    t.idle = false;
    let died = false;
    try {
      return await new Promise<SweepJobResult>((resolve, reject) => {
        const onError = (err: Error) => {
          died = true;
          reject(err);
        };
        const onExit = (code: number) => onError(new Error(`a sweep worker thread exited (code ${code})`));
        t.thread.once('error', onError).once('exit', onExit);
        t.remote
          .run(job)
          .then(resolve, reject)
          .finally(() => t.thread.off('error', onError).off('exit', onExit));
      });
    } finally {
      const i = this.threads.indexOf(t);
      if (died && i >= 0 && !this.closed) {
        void t.thread.terminate();
        this.threads[i] = this.start();
      }
      if (i >= 0) this.release(this.threads[i]);
    }
  }

  private release(t: SweepThread): void {
    const next = this.waiting.shift();
    t.idle = next === undefined;
    if (next) next(t);
  }

  /** Ends the threads (a job in flight is abandoned). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.threads.map((t) => {
        t.remote[releaseProxy]();
        return t.thread.terminate();
      }),
    );
  }
}
