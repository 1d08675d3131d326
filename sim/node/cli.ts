import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DataFormatError } from '../data/dataFormatError.ts';
import { createEngine, ENGINE_NAMES, type EngineName } from '../scoring/mf/engines.ts';
import { scoreDataset } from '../scoring/pipeline/scoreDataset.ts';
import { ruleNamesOf } from '../scoring/meta/applyRules.ts';
import { metaRules } from '../scoring/meta/metaRules.ts';
import { baseRuleName } from '../scoring/meta/ruleNames.ts';
import { SCORER_RULES } from '../scoring/rules/scorerRules.ts';
import { pipelineSafeguardNames } from '../scoring/pipelineSafeguards.ts';
import { formatsOption, intOption, parseCommandLine, UsageError } from './cliArgs.ts';
import { DataDirError, readDataDir, readOutputFile } from './dataFiles.ts';
import type { PreviousOutputs } from '../scoring/pipeline/incrementalRescoring.ts';
import { progressReporter } from './progressBar.ts';
import { workerExecutor } from './workerExecutor.ts';
import { simulateCommand } from './simulateCommand.ts';
import { scorePostsCommand } from './scorePostsCommand.ts';
import { sweepCommand } from './sweepCommand.ts';
import { workerCommand } from './workerCommand.ts';
import { writeScoringOutputs } from './writeOutputTable.ts';
import { warningsTsv } from '../data/dataWarnings.ts';
import { runTimeProblem } from '../data/runTime.ts';
import { ScorerCheckError } from '../scoring/pipeline/scorerCheck.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { exitOnInterrupt } from './interrupts.ts';
import { checkOutputDir, OutputDirError, StagedOutput } from './outputDir.ts';
import { scoringWarnings } from '../scoring/pipeline/scoringWarnings.ts';
import { printWarnings } from './runWarnings.ts';
import { scorersOption } from './scorersOption.ts';
import { yieldingExecutor } from './yieldingExecutor.ts';

const USAGE = `bridgelab — simulate and score bridging-based consensus (Community Notes)

usage:
  bridgelab score <dataDir> --out <outDir> [options]
  bridgelab simulate <scenario.json|preset> --out <dir> [--seed N]   (see bridgelab simulate --help)
  bridgelab score-posts <dataDir> --scored <dir> --out <dir>        (see bridgelab score-posts --help)
  bridgelab sweep <sweep.json> --out <dir> [--workers N] [--queue redis://host:6379]   (see bridgelab sweep --help)
  bridgelab worker --queue redis://host:6379 [--concurrency N]      (see bridgelab worker --help)
  bridgelab --help

score: read the public Community Notes download files in <dataDir> (notes-00000.tsv, ratings-*.tsv or ratings/,
noteStatusHistory-00000.tsv, userEnrollment-00000.tsv; each may be .tsv.gz or .parquet with the same column
names) and write scored_notes, helpfulness_scores, note_status_history and aux_note_info to <outDir>.

options:
  --out <dir>            output directory (created if missing; files are replaced atomically)
  --seed <n>             seed of every random draw (default 42)
  --epoch-millis <ms>    the run's "now" in ms since epoch (default: the current time)
  --engine <name>        MF engine: ${ENGINE_NAMES.join(', ')} (default typed)
  --scorers <a,b,...>    run only these scorers (e.g. MFCoreScorer); default all
  --disable-rules <a,b>  switch rules off by name (e.g. "NoHighVolIntercept,MinMinorityRaters"); also the
                         pipeline safeguards ${pipelineSafeguardNames().join(', ')}
  --previous-scored-notes <file>   a previous run's scored_notes (.tsv or .parquet): incremental mode, only notes
                         with new ratings, new notes, recent flips, stabilizing and locking-eligible notes are rescored
  --previous-aux-note-info <file>  that run's aux_note_info (.tsv or .parquet; carried over for notes not rescored)
  --workers <n>          scorer worker threads (default 1 = run on the main thread; 2 uses both cores here)
  --format <f,...>       output format(s): tsv (default), parquet, arrow, or a comma list such as tsv,parquet
  --strict               stop when a scorer check fails (first MF train error above 0.16, ...), as the reference
                         does; by default that scorer is skipped, its columns left empty (warnings.tsv says so)
  --quiet                no progress on stderr
  --help                 this text

writes warnings.tsv beside the outputs (what was tolerated: ratings on unknown notes, duplicates dropped, skipped
scorers); files are staged and moved into place together, so an interrupted run leaves <outDir> as it was.

exit codes: 0 success, 1 scoring failure, 2 bad input or usage, 130 interrupted (SIGINT/SIGTERM)`;

const SCORE_OPTIONS = {
  out: { type: 'string' },
  seed: { type: 'string' },
  'epoch-millis': { type: 'string' },
  engine: { type: 'string' },
  scorers: { type: 'string' },
  'disable-rules': { type: 'string' },
  workers: { type: 'string' },
  format: { type: 'string' },
  'previous-scored-notes': { type: 'string' },
  'previous-aux-note-info': { type: 'string' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** Runs the bridgelab command line `argv` (without node and script); resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    console.error(USAGE);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    if (command === 'score') return await score(rest);
    if (command === 'simulate') return await simulateCommand(rest);
    if (command === 'score-posts') return await scorePostsCommand(rest);
    if (command === 'sweep') return await sweepCommand(rest);
    if (command === 'worker') return await workerCommand(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`bridgelab: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof DataFormatError || err instanceof DataDirError || err instanceof OutputDirError) {
      console.error(`bridgelab: ${err.message}`);
      return 2;
    }
    if (err instanceof ScorerCheckError) {
      console.error(`bridgelab: scoring stopped: ${err.message}`);
      return 1;
    }
    console.error(`bridgelab: scoring failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}

async function score(argv: readonly string[]): Promise<number> {
  const { values: options, positionals } = parseCommandLine(argv, SCORE_OPTIONS);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('score takes exactly one <dataDir>');
  const out = options.out;
  if (typeof out !== 'string') throw new UsageError('score needs --out <outDir>');
  checkOutputDir(out);
  const seed = intOption(options, 'seed', 42, 0, 2 ** 32 - 1);
  const now = intOption(options, 'epoch-millis', Date.now(), 0, 8.64e15);
  const engineName = options.engine ?? 'typed';
  if (!(ENGINE_NAMES as readonly string[]).includes(engineName)) {
    throw new UsageError(`--engine must be one of ${ENGINE_NAMES.join(', ')}, got ${engineName}`);
  }
  const list = (v: string | undefined) => {
    return typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
  };
  const disabled = list(options['disable-rules']) ?? [];
  const known = knownRuleNames();
  const unknown = disabled.filter((r) => !known.has(r));
  if (unknown.length > 0) {
    throw new UsageError(
      `--disable-rules: unknown rule(s) ${unknown.join(', ')}; known: ${[...known]
        .filter((r) => r.includes('('))
        .concat(pipelineSafeguardNames())
        .join('; ')}`,
    );
  }
  const scorers = scorersOption(options.scorers);
  const workers = intOption(options, 'workers', 1, 1, 64);
  const quiet = options.quiet === true;
  const formats = formatsOption(options.format);
  const previous = await readPrevious(options['previous-scored-notes'], options['previous-aux-note-info']);
  const report = quiet ? () => {} : progressReporter();

  const started = performance.now();
  const staged = StagedOutput.open(resolve(out));
  const release = exitOnInterrupt('bridgelab', () => staged.discardSync(100), quiet);
  try {
    const data = await readDataDir(resolve(positionals[0]), {
      onProgress: (p) => report('reading', Math.round(p.bytesRead / 1e6), Math.round(p.totalBytes / 1e6)),
    });
    const timeProblem = runTimeProblem(data, now);
    if (timeProblem !== null) throw new UsageError(timeProblem);
    const engine = await createEngine(engineName as EngineName, {
      onWarning: (m: string) => console.error(`bridgelab: ${m}`),
    });
    const result = await scoreDataset(data, {
      now,
      seed,
      engine,
      scorers,
      disabledRules: disabled,
      strictChecks: options.strict === true,
      onProgress: report,
      previous,
      executor: (state) =>
        workers > 1 ? workerExecutor(state, workers, engineName as EngineName) : yieldingExecutor(state, engine),
    });
    const warnings = scoringWarnings(data.warnings, result.run.skippedScorers, result.pflipFallbackReason);
    printWarnings('bridgelab', warnings);
    await writeScoringOutputs(staged.dir, result, formats, () => report('writing', 0, 1));
    await writeFileAtomic(join(staged.dir, 'warnings.tsv'), [warningsTsv(warnings)]);
    staged.commitSync();
    report('writing', 1, 1);
    const outDir = staged.out;
    if (!quiet) {
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      console.error(
        `bridgelab: scored ${result.notes.length} notes from ${data.ratings.length} ratings in ${secs} s -> ${outDir}`,
      );
    }
    return 0;
  } finally {
    staged.discardSync();
    release();
  }
}

/** The previous run's outputs for incremental mode (--previous-scored-notes, --previous-aux-note-info). */
async function readPrevious(scored: string | undefined, aux: string | undefined): Promise<PreviousOutputs | undefined> {
  if (aux !== undefined && scored === undefined)
    throw new UsageError('--previous-aux-note-info needs --previous-scored-notes');
  if (typeof scored !== 'string') return undefined;
  return {
    scoredNotes: await readOutputFile(scored, ['noteId', 'finalRatingStatus', 'timestampMillisOfCurrentStatus']),
    auxNoteInfo: typeof aux === 'string' ? await readOutputFile(aux, ['noteId']) : undefined,
  };
}

/**
 * Names a user may switch off: every per-scorer and meta rule, with or without its version suffix, and the
 * pipeline safeguards.
 */
function knownRuleNames(): Set<string> {
  const names = [...SCORER_RULES.map((r) => r.name), ...ruleNamesOf(metaRules())];
  return new Set([...names, ...names.map(baseRuleName), ...pipelineSafeguardNames()]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
