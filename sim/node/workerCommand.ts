import { UnrecoverableError, Worker } from 'bullmq';
import { ScenarioError, validateScenario } from '../scenario/validateScenario.ts';
import { runKey } from './sweepKey.ts';
import { intOption, parseCommandLine, UsageError } from './cliArgs.ts';
import type { SweepJob, SweepJobResult } from './sweepJob.ts';
import { jobId, redisConnection, SWEEP_QUEUE } from './sweepQueue.ts';
import { SweepThreadPool } from './sweepThreadPool.ts';

const USAGE = `usage: bridgelab worker --queue redis://host:6379 [--concurrency N] [--lock-ms MS] [--quiet]

Serves the runs of sweeps started with \`bridgelab sweep … --queue redis://host:6379\` (BullMQ on Redis): takes a
run, simulates it on a worker thread, hands the metrics back. Start one per machine (or more); stop it with
Ctrl-C or SIGTERM: it takes no new run, lets the runs in hand finish, and exits 0 (a second signal exits at once;
a killed worker's run goes to another worker once its lock expires).

options:
  --queue <url>        the Redis server (redis://[user:password@]host:port[/db])
  --concurrency <n>    runs at once, each on its own thread (default 1)
  --lock-ms <ms>       how long a run's lock lasts without renewal (default 30000): a run held by a dead worker
                       is handed to another worker after about this long (BullMQ's stalled-job check)
  --quiet              no line per run on stderr
  --help               this text`;

const OPTIONS = {
  queue: { type: 'string' },
  concurrency: { type: 'string' },
  'lock-ms': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/**
 * The `bridgelab worker` subcommand: a BullMQ worker on the sweep queue until SIGINT/SIGTERM. Resolves to the
 * exit code (0 after a clean shutdown, 2 for bad usage).
 */
export async function workerCommand(argv: readonly string[]): Promise<number> {
  const { values: options, positionals } = parseCommandLine(argv, OPTIONS);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('worker takes no positional argument');
  if (typeof options.queue !== 'string') throw new UsageError('worker needs --queue redis://host:port');
  let connection;
  try {
    connection = redisConnection(options.queue);
  } catch (err) {
    console.error(`bridgelab worker: ${(err as Error).message}`);
    return 2;
  }
  const concurrency = intOption(options, 'concurrency', 1, 1, 256);
  const lockDuration = intOption(options, 'lock-ms', 30_000, 500, 3_600_000);
  const quiet = options.quiet === true;
  const log = (text: string) => {
    if (!quiet) console.error(`bridgelab worker: ${text}`);
  };
  // Always off the main thread, so the lock is renewed while a run computes.
  const pool = new SweepThreadPool(concurrency, true);
  const worker = new Worker<SweepJob, SweepJobResult>(
    SWEEP_QUEUE,
    async (job) => {
      log(`start ${job.id} (attempt ${job.attemptsMade + 1})`);
      // The key must come out the same here: a worker whose bridgelab differs from the sweep's (another scenario
      // schema, other defaults) would compute another run, so it refuses the job for good instead.
      let scenario;
      try {
        scenario = validateScenario(job.data.scenario);
      } catch (err) {
        if (err instanceof ScenarioError)
          throw new UnrecoverableError(`this worker rejects the run's scenario: ${err.message}`);
        throw err;
      }
      if (jobId(runKey(scenario, job.data.seed)) !== job.id)
        throw new UnrecoverableError(
          `this worker's scenario schema differs from the sweep's (key ${runKey(scenario, job.data.seed)}): run the same bridgelab version everywhere`,
        );
      const result = await pool.run({ scenario, seed: job.data.seed });
      log(`done ${job.id} in ${(result.wallMillis / 1000).toFixed(2)} s`);
      return result;
    },
    { connection, concurrency, lockDuration, stalledInterval: lockDuration, maxStalledCount: 3 },
  );
  worker.on('failed', (job, err) => log(`run ${job?.id ?? '?'} failed: ${err.message}`));
  let lastError = { text: '', at: -Infinity };
  worker.on('error', (err) => {
    // A lost connection repeats its error many times a second: say it once per 10 s.
    if (err.message === lastError.text && performance.now() - lastError.at < 10_000) return;
    lastError = { text: err.message, at: performance.now() };
    log(`queue error: ${err.message}`);
  });
  log(`serving ${SWEEP_QUEUE} on ${options.queue} (${concurrency} at a time)`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(130);
      stopping = true;
      log(`${signal}: finishing the runs in hand, then stopping (again to stop at once)`);
      void worker.close().finally(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await pool.close();
  log('stopped');
  return 0;
}
