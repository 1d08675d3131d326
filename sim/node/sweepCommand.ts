import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sweepRuns, type SweepRun } from '../sweep/expandSweep.ts';
import { KEY_COLUMN, runRow, runsHeader, summaryColumns, typedColumns } from '../sweep/sweepTable.ts';
import { SweepError } from '../sweep/validateSweep.ts';
import type { OutputFormat } from '../formats/outputFormat.ts';
import { formatsOption, intOption, parseCommandLine, UsageError } from './cliArgs.ts';
import { exitOnInterrupt } from './interrupts.ts';
import { loadSweep } from './loadSweep.ts';
import { checkOutputDir } from './outputDir.ts';
import { progressReporter } from './progressBar.ts';
import type { SweepJobResult } from './sweepJob.ts';
import { runKey } from './sweepKey.ts';
import { redisConnection, runOnQueue } from './sweepQueue.ts';
import { SweepRunsError, SweepRunsFile } from './sweepRunsFile.ts';
import { SweepThreadPool } from './sweepThreadPool.ts';
import { writeOutputTable } from './writeOutputTable.ts';

const USAGE = `usage: bridgelab sweep <sweep.json> --out <dir> [options]

Runs every cell of a parameter sweep (datasets/sweeps/*.json; format in the README, "Sweeps") with every seed,
each as one simulation, and writes one row per run: every varied scenario path, seed, run_key, every kept metric,
wall_ms.

options:
  --out <dir>        output folder; a folder holding runs.tsv of the same sweep is resumed (finished runs skipped)
  --workers <n>      runs at once on worker threads (default 1 = on the main thread)
  --queue <url>      run on BullMQ workers instead (redis://host:6379; start \`bridgelab worker --queue …\`)
  --format <f,...>   formats of runs and summary besides runs.tsv: parquet (default), arrow, tsv, or a comma list
  --quiet            no progress on stderr
  --help             this text

writes: runs.tsv (appended and flushed as each run ends; rewritten in sweep order at the end), runs.parquet,
summary.tsv and summary.parquet (per cell: runs, and per metric the mean and its 95 % confidence interval,
t distribution with n − 1 degrees of freedom). Every scenario of the sweep is validated before any run.

exit codes: 0 success, 1 a run failed (the others are kept), 2 bad sweep or usage, 130 interrupted (rerun the
same command to resume)`;

const OPTIONS = {
  out: { type: 'string' },
  workers: { type: 'string' },
  queue: { type: 'string' },
  format: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/**
 * The `bridgelab sweep` subcommand: `argv` are the arguments after "sweep". Resolves to the exit code; messages go
 * to stderr.
 */
export async function sweepCommand(argv: readonly string[]): Promise<number> {
  const { values: options, positionals } = parseCommandLine(argv, OPTIONS);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('sweep takes exactly one <sweep.json>');
  if (typeof options.out !== 'string') throw new UsageError('sweep needs --out <dir>');
  checkOutputDir(options.out);
  const out = resolve(options.out);
  const workers = intOption(options, 'workers', 1, 1, 256);
  const formats: OutputFormat[] = options.format === undefined ? ['parquet'] : formatsOption(options.format);
  const quiet = options.quiet === true;
  let loaded;
  try {
    if (options.queue) redisConnection(options.queue);
    loaded = await loadSweep(positionals[0]);
  } catch (err) {
    console.error(`bridgelab sweep: ${(err as Error).message}`);
    return 2;
  }
  const { spec, cells } = loaded;
  const runs = sweepRuns(cells, spec.seeds);
  const keyed = runs.map((run) => ({ run, key: runKey(run.cell.scenario, run.seed) }));
  await mkdir(out, { recursive: true });
  const header = runsHeader(spec);
  let file: SweepRunsFile;
  try {
    file = await SweepRunsFile.open(join(out, 'runs.tsv'), header);
  } catch (err) {
    if (!(err instanceof SweepRunsError)) throw err;
    console.error(`bridgelab sweep: ${err.message}`);
    return 2;
  }
  const todo = keyed.filter(({ key }) => !file.has(key));
  const log = (text: string) => {
    if (!quiet) console.error(`bridgelab sweep: ${text}`);
  };
  log(
    `${spec.name}: ${cells.length} cells × ${spec.seeds.length} seeds = ${runs.length} runs` +
      (todo.length < runs.length ? `, ${runs.length - todo.length} already in runs.tsv` : '') +
      (options.queue
        ? ` -> queue ${options.queue}`
        : ` on ${workers} ${workers > 1 ? 'threads' : 'thread (in process)'}`),
  );
  const report = quiet ? () => {} : progressReporter();
  const started = performance.now();
  let done = 0;
  const failures: string[] = [];
  const progress = () => {
    const elapsed = (performance.now() - started) / 1000;
    const eta = done > 0 ? ((todo.length - done) * elapsed) / done : NaN;
    report(`sweep${Number.isFinite(eta) && done < todo.length ? ` eta ${formatSeconds(eta)}` : ''}`, done, todo.length);
  };
  const record = async (run: SweepRun, key: string, result: SweepJobResult) => {
    await file.add(runRow(spec, run.cell, run.seed, key, result.metrics, result.wallMillis));
    done++;
    progress();
  };
  const controller = new AbortController();
  const pool = options.queue ? null : new SweepThreadPool(workers);
  const release = exitOnInterrupt(
    'bridgelab sweep',
    () => {
      controller.abort();
      console.error(
        `bridgelab sweep: ${file.size} runs kept in ${join(out, 'runs.tsv')}; rerun the same command to resume`,
      );
    },
    quiet,
  );
  try {
    progress();
    if (options.queue) {
      const byKey = new Map(todo.map((t) => [t.key, t.run]));
      await runOnQueue(
        options.queue,
        new Map(todo.map(({ key, run }) => [key, { scenario: run.cell.scenario, seed: run.seed }])),
        async (outcome) => {
          if ('error' in outcome) failures.push(`${outcome.key}: ${outcome.error}`);
          else await record(byKey.get(outcome.key)!, outcome.key, outcome.result);
        },
        controller.signal,
      );
    } else {
      let next = 0;
      const serve = async () => {
        while (next < todo.length && !controller.signal.aborted) {
          const { run, key } = todo[next++];
          let result: SweepJobResult;
          try {
            result = await pool!.run({ scenario: run.cell.scenario, seed: run.seed }, controller.signal);
          } catch (err) {
            failures.push(`${key} (cell ${run.cell.index}, seed ${run.seed}): ${(err as Error).message}`);
            continue;
          }
          await record(run, key, result);
        }
      };
      await Promise.all(Array.from({ length: Math.min(workers, Math.max(1, todo.length)) }, serve));
    }
    await file.close();
    const order = new Map(keyed.map(({ key }, i) => [key, i]));
    const keyColumn = header.indexOf(KEY_COLUMN);
    const rank = (row: string[]) => order.get(row[keyColumn]) ?? Infinity;
    const rows = file.rows().sort((a, b) => rank(a) - rank(b));
    const columns = typedColumns(header, rows);
    await writeOutputTable(out, 'runs', columns, [...new Set<OutputFormat>(['tsv', ...formats])]);
    await writeOutputTable(out, 'summary', summaryColumns(spec, cells, rows), [
      ...new Set<OutputFormat>(['tsv', ...formats]),
    ]);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    log(`${done} runs in ${secs} s, ${rows.length} rows in ${out}/runs.tsv`);
    if (failures.length > 0) {
      console.error(
        `bridgelab sweep: ${failures.length} run(s) failed (rerun to retry them):\n  ${failures.join('\n  ')}`,
      );
      return 1;
    }
    return 0;
  } catch (err) {
    if (err instanceof SweepError) {
      console.error(`bridgelab sweep: ${loaded.path}: ${err.message}`);
      return 2;
    }
    throw err;
  } finally {
    release();
    await file.close();
    await pool?.close();
  }
}

function formatSeconds(s: number): string {
  if (s < 90) return `${Math.ceil(s)}s`;
  if (s < 5400) return `${Math.round(s / 60)}m`;
  return `${(s / 3600).toFixed(1)}h`;
}
