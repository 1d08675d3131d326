// Must show of issue #13: a sweep of 50 runs through Redis (BullMQ) with two `bridgelab worker` processes, one of
// them SIGKILLed mid-run, gives exactly the rows of the local run: no loss, no duplicate. It uses the redis-server
// that .ci/run starts (BRIDGELAB_TEST_REDIS_URL, its database emptied first), or else starts its own (a free port,
// in memory), and kills every child it started, whatever happens.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validateScenario.ts';
import { main } from './cli.ts';
import { startLocalRedis, type LocalRedis } from './localRedis.ts';
import { redisConnection, SWEEP_QUEUE } from './sweepQueue.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'bridgelab.mjs');
const work = mkdtempSync(join(tmpdir(), 'bridgelab-queue-'));
const children: ChildProcess[] = [];
let redis: LocalRedis | null = null;

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await redis?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** A child `bridgelab` process; `log` collects its stderr; `exited` settles with its exit code or signal. */
function start(args: string[]): { child: ChildProcess; log: () => string; exited: Promise<number | string> } {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let text = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (text += s));
  const exited = new Promise<number | string>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal!)),
  );
  return { child, log: () => text, exited };
}

const rowsOf = (out: string) =>
  readFileSync(join(out, 'runs.tsv'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t').slice(0, -1).join('\t'));

/** The server .ci/run started, with the test's database emptied, or a throwaway server of the test's own. */
async function testRedis(): Promise<LocalRedis> {
  const url = process.env.BRIDGELAB_TEST_REDIS_URL;
  if (!url) return startLocalRedis();
  const client = new Redis(url);
  try {
    await client.flushdb();
  } finally {
    client.disconnect();
  }
  return { url, port: Number(new URL(url).port), pid: -1, stop: async () => {} };
}

const within = <T>(promise: Promise<T>, millis: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_r, reject) =>
      setTimeout(() => reject(new Error(`${what}: no end within ${millis} ms`)), millis),
    ),
  ]);

describe('bridgelab sweep --queue (BullMQ on Redis)', () => {
  it('two workers, one SIGKILLed mid-run: exactly the rows of the local run', async () => {
    const sweep = join(work, 'queue.json');
    writeFileSync(
      sweep,
      JSON.stringify({
        name: 'queue',
        base: 'classroom',
        set: { 'time.days': 1, 'time.scoringEveryHours': 12 },
        vary: [
          { path: 'world.ratings', range: { from: 100, to: 140, step: 10 } },
          { path: 'world.authorFraction', values: [0.3, 0.6] },
        ],
        seeds: { count: 5 },
        metrics: ['main.ratings', 'main.flips.total', 'main.helpfulVsTruth.all.shown', 'main.hoursToFirstPreview.mean'],
      }),
    );
    const local = join(work, 'local');
    expect(await main(['sweep', sweep, '--out', local, '--quiet'])).toBe(0);
    expect(rowsOf(local)).toHaveLength(1 + 50);

    redis = await testRedis();
    const workerArgs = ['worker', '--queue', redis.url, '--lock-ms', '1500'];
    const doomed = start(workerArgs);
    const survivor = start(workerArgs);
    const queued = join(work, 'queued');
    const collector = start(['sweep', sweep, '--out', queued, '--queue', redis.url, '--quiet']);

    // Kill the first worker right after it takes its third run: that run is in hand, never finished by it.
    const killed = await within(
      new Promise<string>((resolve, reject) => {
        const poll = setInterval(() => {
          const starts = [...doomed.log().matchAll(/start (run-[0-9a-f]+)/g)].map((m) => m[1]);
          if (starts.length >= 3) {
            clearInterval(poll);
            doomed.child.kill('SIGKILL');
            resolve(starts[starts.length - 1]);
          }
          if (doomed.child.exitCode !== null) {
            clearInterval(poll);
            reject(new Error(`the first worker exited early:\n${doomed.log()}`));
          }
        }, 5);
      }),
      120_000,
      'the first worker taking three runs',
    );
    expect(await doomed.exited).toBe('SIGKILL');
    expect(doomed.log()).not.toContain(`done ${killed}`);

    const code = await within(collector.exited, 180_000, 'the queued sweep');
    expect(code, collector.log()).toBe(0);
    expect(survivor.log()).toContain(`done ${killed}`);
    const rows = rowsOf(queued);
    expect(rows).toEqual(rowsOf(local));
    expect(new Set(rows.map((r) => r.split('\t')[3])).size).toBe(51);

    // Collecting again adds nothing (the results are still in Redis; every key is already in runs.tsv).
    expect(await main(['sweep', sweep, '--out', queued, '--queue', redis.url, '--quiet'])).toBe(0);
    expect(rowsOf(queued)).toEqual(rowsOf(local));

    // A job whose id is not its scenario's key (a collector on another bridgelab version) is refused for good.
    const queue = new Queue(SWEEP_QUEUE, { connection: redisConnection(redis.url) });
    try {
      const scenario = validateScenario({ name: 'odd', world: { raters: 12, notes: 14, ratings: 100 } });
      const odd = await queue.add('run', { scenario, seed: 1 }, { jobId: 'run-0000000000000000', attempts: 3 });
      await within(
        (async () => {
          while ((await odd.getState()) !== 'failed') await new Promise((r) => setTimeout(r, 100));
        })(),
        60_000,
        'the refused job',
      );
      const failed = await queue.getJob('run-0000000000000000');
      expect(failed?.failedReason).toMatch(/schema differs from the sweep/);
      expect(failed?.attemptsMade).toBe(1);
    } finally {
      await queue.close();
    }

    survivor.child.kill('SIGTERM');
    expect(await within(survivor.exited, 30_000, 'the surviving worker after SIGTERM')).toBe(0);
  }, 360_000);
});
