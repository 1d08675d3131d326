import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  metricsJson,
  runsColumns,
  statusTimelineColumns,
  truthNotesColumns,
  truthRatersColumns,
  type ColumnTable,
} from '../engine/outputFiles.ts';
import { postTimelineColumns, truthPostsColumns } from '../engine/postOutputFiles.ts';
import { runExperiment } from '../engine/runExperiment.ts';
import { writePostActionsTsv, writePostRatingsTsv, writeUsersTsv } from '../posts/writePostFiles.ts';
import { writeScoredPostsTsv } from '../posts/writeScoredPostsTsv.ts';
import { SimulationCancelled, type SimulationResult } from '../engine/runSimulation.ts';
import type { OutputFormat } from '../formats/outputFormat.ts';
import { createEngine, type EngineName } from '../scoring/mf/engines.ts';
import { ScenarioError, validateScenario } from '../scenario/validateScenario.ts';
import type { Scenario } from '../scenario/scenarioTypes.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { formatsOption, intOption, parseCommandLine, UsageError } from './cliArgs.ts';
import { writeDataDir } from './dataFiles.ts';
import { progressReporter } from './progressBar.ts';
import { ScorerWorkerPool } from './workerExecutor.ts';
import { writeOutputTable, writeScoringOutputs } from './writeOutputTable.ts';
import { totalmem } from 'node:os';
import { warningsTsv } from '../data/dataWarnings.ts';
import { checkScenarioMemory, formatBytes } from '../scenario/estimateMemory.ts';
import { exitOnInterrupt } from './interrupts.ts';
import { checkOutputDir, StagedOutput } from './outputDir.ts';
import { scoringWarnings } from '../scoring/pipeline/scoringWarnings.ts';
import { printWarnings } from './runWarnings.ts';
import { yieldingExecutor } from './yieldingExecutor.ts';

/** Where the bundled presets live. */
export const PRESET_DIR = fileURLToPath(new URL('../../datasets/scenarios/', import.meta.url));

const USAGE = `usage: bridgelab simulate <scenario.json | preset> --out <dir> [options]

Runs a simulated community on a simulated clock, scoring it periodically with the full pipeline, with the
scenario's adversaries, counterfactual and A/B runs. Presets: the names of datasets/scenarios/*.json
(e.g. baseline, pile-on, coordinated-ring, classroom).

options:
  --out <dir>      output directory (created if missing; every file is replaced atomically)
  --seed <n>       seed of every random draw (default: the scenario's seed)
  --workers <n>    scorer worker threads per scoring run (default 1; 2 uses both cores)
  --format <f,...> table format(s): tsv (default), parquet, arrow, or a comma list such as tsv,parquet
  --quiet          no progress on stderr
  --help           this text

writes: snapshot/ (the final input files in the public format, TSV, readable by bridgelab score), scored/ (the
last scoring run's four output files), truth_notes, truth_raters, status_timeline, runs (each .tsv, .parquet or
.arrow by --format), metrics.json, scenario.json; counterfactual/ and ab/ (status_timeline, runs) when those
runs exist. With a post pilot (posts.enabled): snapshot/ also holds postRatings-00000.tsv, postActions-00000.tsv
and users-00000.tsv (readable by bridgelab score-posts), scored/ scored_posts.tsv; plus truth_posts and
post_timeline (every run).

Before it starts, the scenario's memory is estimated (world size, adversaries, runs) and a scenario that would
not fit in 80 % of this machine's memory is refused (exit 2). Files are staged and moved into place together, so
an interrupted run leaves <dir> as it was; warnings.tsv lists skipped scorers and failed scoring runs.

exit codes: 0 success, 1 simulation failure, 2 bad scenario or usage, 130 interrupted (SIGINT/SIGTERM)`;

const OPTIONS = {
  out: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  format: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/**
 * The `bridgelab simulate` subcommand: `argv` are the arguments after "simulate". Resolves to the exit code
 * (0 success, 1 simulation failure, 2 bad scenario or usage); messages go to stderr.
 */
export async function simulateCommand(argv: readonly string[]): Promise<number> {
  let out: string;
  let quiet: boolean;
  let formats: OutputFormat[];
  let scenario: Scenario;
  let seed: number;
  let workers: number;
  try {
    const { values: options, positionals } = parseCommandLine(argv, OPTIONS);
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('simulate takes exactly one <scenario.json | preset>');
    if (typeof options.out !== 'string') throw new UsageError('simulate needs --out <dir>');
    checkOutputDir(options.out);
    out = resolve(options.out);
    quiet = options.quiet === true;
    workers = intOption(options, 'workers', 1, 1, 64);
    formats = formatsOption(options.format);
    scenario = await loadScenario(positionals[0]);
    seed = intOption(options, 'seed', scenario.seed, 0, 2 ** 32 - 1);
    const estimate = checkScenarioMemory(scenario, memoryLimit());
    if (!quiet) {
      console.error(
        `bridgelab simulate: ${scenario.name}: about ${formatBytes(estimate.bytes)} of memory ` +
          `(${formatBytes(memoryLimit())} available); building the world`,
      );
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`bridgelab simulate: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`bridgelab simulate: ${(err as Error).message}`);
    return 2;
  }
  const report = quiet ? () => {} : progressReporter();
  const controller = new AbortController();
  let staged: StagedOutput | null = null;
  const release = exitOnInterrupt(
    'bridgelab simulate',
    () => {
      controller.abort();
      staged?.discardSync(100);
    },
    quiet,
  );
  const started = performance.now();
  const pool = workers > 1 ? new ScorerWorkerPool(workers, scenario.scoring.engine as EngineName) : null;
  const engine = await createEngine(scenario.scoring.engine as EngineName);
  try {
    const experiment = await runExperiment(
      { ...scenario, seed },
      {
        seed,
        signal: controller.signal,
        clock: () => performance.now(),
        engine,
        executor: (state) => (pool ? pool.executor(state) : yieldingExecutor(state, engine)),
        onStep: (p) =>
          report(
            `${p.label} day ${Math.max(1, Math.ceil((p.time - scenario.time.startMillis) / 86_400_000))}`,
            p.step,
            p.steps,
          ),
      },
    );
    const target = out;
    staged = StagedOutput.open(target);
    out = staged.dir;
    const main = experiment.main;
    await writeDataDir(join(out, 'snapshot'), main.dataset);
    if (main.lastResult) await writeScoringOutputs(join(out, 'scored'), main.lastResult, formats);
    const table = (dir: string, name: string, t: ColumnTable) =>
      writeOutputTable(dir, name, t.columns, formats, { rows: t.rows });
    const posts = main.posts;
    if (posts?.lastTables && posts.lastScored) {
      await writeFileAtomic(join(out, 'snapshot', 'postRatings-00000.tsv'), writePostRatingsTsv(posts.lastTables));
      await writeFileAtomic(join(out, 'snapshot', 'postActions-00000.tsv'), writePostActionsTsv(posts.lastTables));
      await writeFileAtomic(join(out, 'snapshot', 'users-00000.tsv'), writeUsersTsv(posts.lastTables));
      await mkdir(join(out, 'scored'), { recursive: true });
      await writeFileAtomic(join(out, 'scored', 'scored_posts.tsv'), writeScoredPostsTsv(posts.lastScored));
      await table(out, 'truth_posts', truthPostsColumns(main));
    }
    await table(out, 'truth_notes', truthNotesColumns(main));
    await table(out, 'truth_raters', truthRatersColumns(main));
    const writeRunFiles = async (dir: string, run: SimulationResult) => {
      await table(dir, 'status_timeline', statusTimelineColumns(run));
      await table(dir, 'runs', runsColumns(run));
      if (run.posts) await table(dir, 'post_timeline', postTimelineColumns(run));
    };
    await writeRunFiles(out, main);
    for (const [dir, run] of [
      ['counterfactual', experiment.counterfactual],
      ['ab', experiment.ab],
      ['ab-counterfactual', experiment.abCounterfactual],
    ] as const) {
      if (run) await writeRunFiles(join(out, dir), run);
    }
    await writeFileAtomic(join(out, 'metrics.json'), [metricsJson(experiment.metrics)]);
    await writeFileAtomic(join(out, 'scenario.json'), [metricsJson({ ...scenario, seed })]);
    const failed = [main, experiment.counterfactual, experiment.ab, experiment.abCounterfactual].flatMap((r) =>
      r
        ? r.timeline.runs
            .filter((x) => x.error !== null)
            .map((x) => `${r.label} ${new Date(x.time).toISOString()}: ${x.error}`)
        : [],
    );
    if (failed.length > 0)
      console.error(
        `bridgelab simulate: ${failed.length} scoring run(s) failed (statuses carried over):\n  ${failed.join('\n  ')}`,
      );
    const last = main.lastResult;
    const warnings = scoringWarnings([], last?.run.skippedScorers ?? [], null);
    for (const f of failed) warnings.push({ code: 'scoringRunFailed', count: 1, where: f.split(': ')[0], message: f });
    printWarnings('bridgelab simulate', warnings.slice(0, warnings.length - failed.length));
    await writeFileAtomic(join(out, 'warnings.tsv'), [warningsTsv(warnings)]);
    staged.commitSync();
    out = target;
    if (!quiet) {
      const m = experiment.metrics.main;
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      console.error(
        `bridgelab simulate: ${scenario.name} seed ${seed}: ${m.notes} notes, ${m.ratings} ratings, ${m.runs} scoring runs, ${m.helpfulVsTruth.all.shown} Helpful at the end, in ${secs} s -> ${out}`,
      );
    }
    return 0;
  } catch (err) {
    if (err instanceof SimulationCancelled) {
      console.error('bridgelab simulate: cancelled');
      return 1;
    }
    console.error(
      `bridgelab simulate: simulation failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    return 1;
  } finally {
    staged?.discardSync();
    await pool?.close();
    release();
  }
}

/**
 * Reads a scenario: a path to a JSON file, or the name of a preset in datasets/scenarios/. Throws a readable
 * error for a missing file, bad JSON or a scenario that fails validation (naming the field).
 */
export async function loadScenario(arg: string): Promise<Scenario> {
  const path = existsSync(arg) ? arg : join(PRESET_DIR, `${arg.replace(/\.json$/, '')}.json`);
  if (!existsSync(path)) {
    throw new Error(
      `"${arg}" is neither a scenario file nor a preset (presets: ${await presetNames().then((n) => n.join(', '))})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
  }
  try {
    return validateScenario(json);
  } catch (err) {
    if (err instanceof ScenarioError) throw new Error(`${path}: ${err.message}`);
    throw err;
  }
}

/** Names of the bundled presets. */
export async function presetNames(): Promise<string[]> {
  return (await readdir(PRESET_DIR))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/**
 * The memory a simulation may plan for: 80 % of the machine's memory (or of the process's constrained memory,
 * e.g. a container limit, when lower).
 */
function memoryLimit(): number {
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.() ?? 0;
  const total = constrained > 0 ? Math.min(constrained, totalmem()) : totalmem();
  return 0.8 * total;
}
