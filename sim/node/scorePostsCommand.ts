import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { readOutputTable } from '../data/readOutputTable.ts';
import { NOTE_MODEL_COLUMNS, noteModelFromOutputTables } from '../posts/noteModelForPosts.ts';
import { DEFAULT_POST_PARAMS, enabledPostRules, POST_RULE_NAMES, type PostScoringParams } from '../posts/postRules.ts';
import { readPostTablesText } from '../posts/readPostTables.ts';
import { scorePosts } from '../posts/scorePosts.ts';
import { writeScoredPostsTsv } from '../posts/writeScoredPostsTsv.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { intOption, parseCommandLine, UsageError } from './cliArgs.ts';
import { DataDirError, readDataDir, readTextFile } from './dataFiles.ts';

const USAGE = `usage: bridgelab score-posts <dataDir> --scored <dir> --out <dir> [options]

Scores posts "liked by people who disagree" (robustness spec §12). Reads users-00000.tsv, postRatings-00000.tsv
and postActions-00000.tsv (each may be .tsv.gz) and the note ratings (ratings-*.tsv or ratings/) from <dataDir>,
and scored_notes.tsv and helpfulness_scores.tsv (or .tsv.gz) from a \`bridgelab score\` output folder; writes
scored_posts.tsv.

options:
  --scored <dir>              the \`bridgelab score\` output folder (TSV outputs)
  --out <dir>                 output directory (created if missing; scored_posts.tsv is replaced atomically)
  --epoch-millis <ms>         scoredAtMillis of every row (default: the current time)
  --disable-post-rules <a,b>  switch conditions off by name: ${POST_RULE_NAMES.join(', ')}
  --factor-split-point <x>    bucket edge: L < -x <= M < x <= R (default ${DEFAULT_POST_PARAMS.factorSplitPoint})
  --min-lingers <n>           a candidate needs more than n lingers from L and from R (default ${DEFAULT_POST_PARAMS.minLingers})
  --quantile <q>              cut-offs are max(1, q-quantile) over candidates, q in [0, 1] (default ${DEFAULT_POST_PARAMS.quantileThreshold})
  --quiet                     no summary on stderr (warnings are still printed)
  --help                      this text

exit codes: 0 success, 1 scoring failure, 2 bad input or usage`;

const OPTIONS = {
  scored: { type: 'string' },
  out: { type: 'string' },
  'epoch-millis': { type: 'string' },
  'disable-post-rules': { type: 'string' },
  'factor-split-point': { type: 'string' },
  'min-lingers': { type: 'string' },
  quantile: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

interface Plan {
  dataDir: string;
  scoredDir: string;
  out: string;
  now: number;
  params: PostScoringParams;
  quiet: boolean;
}

/**
 * The `bridgelab score-posts` subcommand: `argv` are the arguments after "score-posts". Resolves to the exit
 * code (0 success, 1 scoring failure, 2 bad input or usage); messages go to stderr.
 */
export async function scorePostsCommand(argv: readonly string[]): Promise<number> {
  let plan: Plan;
  try {
    const { values: options, positionals } = parseCommandLine(argv, OPTIONS);
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('score-posts takes exactly one <dataDir>');
    if (typeof options.scored !== 'string') throw new UsageError('score-posts needs --scored <dir>');
    if (typeof options.out !== 'string') throw new UsageError('score-posts needs --out <dir>');
    const disabledRules = (options['disable-post-rules'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      enabledPostRules(disabledRules);
    } catch (err) {
      throw new UsageError(`--disable-post-rules: ${(err as Error).message}`);
    }
    plan = {
      dataDir: resolve(positionals[0]),
      scoredDir: resolve(options.scored),
      out: resolve(options.out),
      now: intOption(options, 'epoch-millis', Date.now(), 0, 8.64e15),
      quiet: options.quiet === true,
      params: {
        factorSplitPoint: numberOption(options['factor-split-point'], 'factor-split-point', 0.15, 0, Infinity),
        minLingers: intOption(options, 'min-lingers', DEFAULT_POST_PARAMS.minLingers, 0, 2 ** 31 - 1),
        quantileThreshold: numberOption(options.quantile, 'quantile', DEFAULT_POST_PARAMS.quantileThreshold, 0, 1),
        disabledRules,
      },
    };
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`bridgelab score-posts: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  return run(plan);
}

async function run(plan: Plan): Promise<number> {
  const started = performance.now();
  const postFiles = {
    users: postFile(plan.dataDir, 'users-00000'),
    postRatings: postFile(plan.dataDir, 'postRatings-00000'),
    postActions: postFile(plan.dataDir, 'postActions-00000'),
  };
  const scoredNotesPath = scoredFile(plan.scoredDir, 'scored_notes');
  const helpfulnessPath = scoredFile(plan.scoredDir, 'helpfulness_scores');
  const data = await readDataDir(plan.dataDir);
  const named = async (path: string) => ({ name: basename(path), text: await readTextFile(path) });
  const posts = readPostTablesText(
    {
      users: await named(postFiles.users),
      postRatings: await named(postFiles.postRatings),
      postActions: await named(postFiles.postActions),
    },
    data.participants,
  );
  const table = async (path: string, required: readonly string[]) =>
    readOutputTable(basename(path), await readTextFile(path), required);
  const noteModel = noteModelFromOutputTables(
    await table(scoredNotesPath, NOTE_MODEL_COLUMNS.scoredNotes),
    await table(helpfulnessPath, NOTE_MODEL_COLUMNS.raterFactors),
  );
  const scored = scorePosts({ posts, noteRatings: data, noteModel, scoredAtMillis: plan.now }, plan.params);
  for (const w of scored.warnings) console.error(`bridgelab score-posts: warning: ${w}`);
  await mkdir(plan.out, { recursive: true });
  await writeFileAtomic(join(plan.out, 'scored_posts.tsv'), writeScoredPostsTsv(scored));
  if (!plan.quiet) {
    const active = scored.active.reduce((a, b) => a + b, 0);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.error(
      `bridgelab score-posts: ${scored.length} posts, ${scored.candidates} candidates, ${active} active ` +
        `(cut-offs totalPos ${scored.totalPosCutoff}, minPos ${scored.minPosCutoff}) from ` +
        `${posts.postRatings.length} post ratings and ${posts.postActions.length} post actions in ${secs} s -> ${plan.out}`,
    );
  }
  return 0;
}

/** `<dir>/<base>.tsv` or `.tsv.gz`; a missing file is bad input naming it. */
function postFile(dir: string, base: string): string {
  const found = [`${base}.tsv`, `${base}.tsv.gz`].map((f) => join(dir, f)).filter((f) => existsSync(f));
  if (found.length === 0) throw new DataDirError(`${dir} has no ${base}.tsv (or ${base}.tsv.gz): score-posts needs it`);
  if (found.length > 1) throw new DataDirError(`${dir} has both ${base}.tsv and ${base}.tsv.gz: keep only one`);
  return found[0];
}

function scoredFile(dir: string, base: string): string {
  const found = [`${base}.tsv`, `${base}.tsv.gz`].map((f) => join(dir, f)).filter((f) => existsSync(f));
  if (found.length > 0) return found[0];
  const other = existsSync(join(dir, `${base}.parquet`)) || existsSync(join(dir, `${base}.arrow`));
  throw new DataDirError(
    `${dir} has no ${base}.tsv${other ? ' (score-posts reads TSV: rerun bridgelab score with --format tsv)' : ': is it a bridgelab score output folder?'}`,
  );
}

function numberOption(v: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a number in [${min}, ${max}], got ${v}`);
  }
  return n;
}
