import { Queue, type Job } from 'bullmq';
import { createRequire } from 'node:module';
import type { SweepJob, SweepJobResult } from './sweepJob.ts';

/** The BullMQ queue every sweep enqueues into and every `bridgelab worker` serves. */
export const SWEEP_QUEUE = 'bridgelab-sweep-runs';
/** Tries per job (a worker that throws, or a job stalled by a dead worker, counts), with exponential backoff. */
export const JOB_ATTEMPTS = 3;
/** A job is a run: its BullMQ id is the run key (prefixed: BullMQ refuses custom ids that read as integers). */
export const jobId = (key: string) => `run-${key}`;

/**
 * BullMQ connection options for a `redis://[user:password@]host:port[/db]` URL. Workers need
 * maxRetriesPerRequest null (BullMQ's blocking commands); the queue side shares it.
 */
export function redisConnection(url: string): { url: string; maxRetriesPerRequest: null } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--queue ${url}: not a URL; expected redis://host:port`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new Error(`--queue ${url}: expected a redis://host:port URL`);
  try {
    // BullMQ loads its Redis client with require('ioredis') from its own folder.
    createRequire(createRequire(import.meta.url).resolve('bullmq')).resolve('ioredis');
  } catch {
    throw new Error('--queue needs the ioredis package (BullMQ’s Redis client) installed: npm install ioredis');
  }
  return { url, maxRetriesPerRequest: null };
}

/** What collecting a queued sweep reports per run. */
export type QueuedOutcome = { key: string; result: SweepJobResult } | { key: string; error: string };

/**
 * Enqueues `jobs` (run key → job) on the sweep queue, idempotently (the job id is the run key: a run already
 * queued, running or done is not added twice; one that failed for good earlier is retried), then polls until
 * every job has completed or failed, calling `onOutcome` once per job as it finishes (results stay in Redis for
 * a week, so a rerun or another collector finds them). Resolves when all are done; `signal` stops the polling.
 */
export async function runOnQueue(
  url: string,
  jobs: Map<string, SweepJob>,
  onOutcome: (outcome: QueuedOutcome) => Promise<void>,
  signal?: AbortSignal,
  pollMillis = 300,
): Promise<void> {
  const queue = new Queue(SWEEP_QUEUE, { connection: redisConnection(url) });
  try {
    const week = 7 * 86_400;
    for (let i = 0, batch = 500; i < jobs.size; i += batch) {
      const slice = [...jobs].slice(i, i + batch);
      await queue.addBulk(
        slice.map(([key, data]) => ({
          name: 'run',
          data,
          opts: {
            jobId: jobId(key),
            attempts: JOB_ATTEMPTS,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { age: week },
            removeOnFail: { age: week },
          },
        })),
      );
    }
    const keys = [...jobs.keys()];
    for (let i = 0, batch = 500; i < keys.length; i += batch)
      await Promise.all(
        keys.slice(i, i + batch).map(async (key) => {
          const job = await queue.getJob(jobId(key));
          if (job && (await job.getState()) === 'failed') await job.retry('failed');
        }),
      );
    const pending = new Set(jobs.keys());
    while (pending.size > 0) {
      if (signal?.aborted) return;
      const found = await Promise.all([...pending].map(async (key) => [key, await queue.getJob(jobId(key))] as const));
      for (const [key, job] of found) {
        const outcome = await outcomeOf(key, job);
        if (outcome === 'missing') {
          await queue.add('run', jobs.get(key)!, {
            jobId: jobId(key),
            attempts: JOB_ATTEMPTS,
            backoff: { type: 'exponential', delay: 1000 },
          });
          continue;
        }
        if (outcome === null) continue;
        pending.delete(key);
        await onOutcome(outcome);
      }
      if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, pollMillis));
    }
  } finally {
    await queue.close();
  }
}

async function outcomeOf(key: string, job: Job | undefined): Promise<QueuedOutcome | 'missing' | null> {
  if (!job) return 'missing';
  if (!job.finishedOn) return null;
  const state = await job.getState();
  if (state === 'completed') return { key, result: job.returnvalue as SweepJobResult };
  if (state === 'failed') return { key, error: job.failedReason || 'failed' };
  return null;
}
