/**
 * Shared body of the latent-study notebooks (arXiv 2511.02615): runs sweeps of datasets/sweeps/ through the
 * `bridgelab sweep` command (local thread pool, resumable) at the study's scale or a reduced one, reads their
 * summary tables (per-cell means with 95 % confidence intervals) and hands them to the notebook to draw.
 *
 * Options of every latent notebook:
 *   --scale S    world size relative to the preset's (1 = 20,000 notes a run, the study's scale; 0.1 = 2,000)
 *   --seeds N    seeds per cell (default: the sweep file's)
 *   --workers N  sweep threads (default 2)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../sim/node/index.ts';
import { fromTsv } from './loadOutputs.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SWEEP_DIR = join(ROOT, 'datasets', 'sweeps');
const PRESET_DIR = join(ROOT, 'datasets', 'scenarios');
const OUT = join(ROOT, 'out');

/** One cell of a sweep summary: parameter and statistic columns by name (numbers, or null when empty). */
export type SummaryRow = Record<string, number | string | null>;

/** A sweep that ran: its summary rows and how it was run. */
export interface SweepOutcome {
  name: string;
  description: string;
  rows: SummaryRow[];
  /** the command that (re)runs exactly this sweep */
  command: string;
  scale: number;
  notes: number;
  seeds: number;
  runs: number;
  seconds: number;
}

/** The command-line options of a latent notebook. */
export interface StudyArgs {
  scale: number;
  seeds: number | null;
  workers: number;
}

/** Reads --scale, --seeds and --workers from process.argv. */
export function studyArgs(): StudyArgs {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    if (i < 0) return null;
    const v = Number(process.argv[i + 1]);
    if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} takes a positive number, got ${process.argv[i + 1]}`);
    return v;
  };
  return { scale: arg('--scale') ?? 1, seeds: arg('--seeds'), workers: arg('--workers') ?? 2 };
}

/**
 * Runs datasets/sweeps/<name>.json with `bridgelab sweep` into out/sweeps/<name>[-scale<S>][-seeds<N>]/ (a rerun
 * resumes) and returns its summary. Below scale 1 (or with another seed count) a derived sweep file is written
 * next to the output: the same sweep with world.raters, world.notes and world.ratings scaled (ratings per note
 * kept) and the seeds replaced.
 */
export function runSweep(name: string, args: StudyArgs): SweepOutcome {
  const file = join(SWEEP_DIR, `${name}.json`);
  const sweep = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & {
    base: string;
    set?: Record<string, unknown>;
    seeds: number[] | { count: number; from?: number };
  };
  const preset = JSON.parse(readFileSync(join(PRESET_DIR, `${sweep.base}.json`), 'utf8')) as {
    world: { raters: number; notes: number; ratings: number };
  };
  const tag = `${args.scale !== 1 ? `-scale${args.scale}` : ''}${args.seeds !== null ? `-seeds${args.seeds}` : ''}`;
  const outDir = join(OUT, 'sweeps', `${name}${tag}`);
  mkdirSync(outDir, { recursive: true });
  let runFile = file;
  if (tag !== '') {
    const w = preset.world;
    const scaled = (v: number, min: number) => Math.max(min, Math.round(v * args.scale));
    const derived = {
      ...sweep,
      name: `${name}${tag}`,
      base: join(PRESET_DIR, `${sweep.base}.json`),
      set: {
        ...(sweep.set ?? {}),
        ...(args.scale !== 1
          ? {
              'world.raters': scaled(w.raters, 50),
              'world.notes': scaled(w.notes, 50),
              'world.ratings': scaled(w.ratings, 500),
            }
          : {}),
      },
      seeds: args.seeds !== null ? { count: args.seeds, from: 1 } : sweep.seeds,
    };
    runFile = join(outDir, 'sweep.json');
    writeFileSync(runFile, `${JSON.stringify(derived, null, 2)}\n`);
  }
  const rel = (p: string) => p.slice(ROOT.length + 1);
  const command = `bridgelab sweep ${rel(runFile)} --out ${rel(outDir)} --workers ${args.workers}`;
  console.error(`${name}: ${command}`);
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'bridgelab.mjs'), 'sweep', runFile, '--out', outDir, '--workers', String(args.workers)],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status !== 0) throw new Error(`${command} failed (exit ${run.status ?? run.signal})`);
  const rows = fromTsv(readFileSync(join(outDir, 'summary.tsv'), 'utf8')).objects() as SummaryRow[];
  const seeds = args.seeds ?? (Array.isArray(sweep.seeds) ? sweep.seeds.length : sweep.seeds.count);
  return {
    name,
    description: String(sweep.description ?? ''),
    rows,
    command,
    scale: args.scale,
    notes: Math.round(preset.world.notes * args.scale),
    seeds,
    runs: rows.reduce((t, r) => t + Number(r.runs ?? 0), 0),
    seconds: (performance.now() - started) / 1000,
  };
}

/** Mean of a metric (`rule.all.suppression` → column main.publication.rule.all.suppression.mean) in a row. */
export const mean = (row: SummaryRow, metric: string): number => num(row[`main.publication.${metric}.mean`]);
/** Its 95 % confidence interval as text ("0.41–0.47"; "–" with one run). */
export function interval(row: SummaryRow, metric: string): string {
  const lo = num(row[`main.publication.${metric}.ci95_low`]);
  const hi = num(row[`main.publication.${metric}.ci95_high`]);
  return Number.isFinite(lo) && Number.isFinite(hi) ? `${lo.toFixed(3)}–${hi.toFixed(3)}` : '–';
}
const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);

/** A paragraph saying how the sweep was run and the commands that regenerate the report. */
export function provenance(outcomes: readonly SweepOutcome[], notebook: string, args: StudyArgs): string {
  const scale =
    args.scale === 1
      ? "at the study's scale (20,000 notes a run)"
      : `at scale ${args.scale} (${outcomes[0]?.notes ?? '?'} notes a run; the study's scale is 20,000: run without --scale)`;
  const flags = `${args.scale !== 1 ? ` --scale ${args.scale}` : ''}${args.seeds !== null ? ` --seeds ${args.seeds}` : ''}${args.workers !== 2 ? ` --workers ${args.workers}` : ''}`;
  const list = outcomes
    .map(
      (o) =>
        `<li><code>${o.command}</code>: ${o.runs} runs (${o.seeds} seed${o.seeds > 1 ? 's' : ''} a cell) in ${o.seconds.toFixed(0)} s</li>`,
    )
    .join('');
  return `<p>Measured ${scale}. Regenerate: <code>npx tsx notebooks/${notebook}.ts${flags}</code>, which runs</p><ul>${list}</ul>`;
}

/** Writes the report page to out/notebooks/<notebook>.html and returns the path. */
export async function writeReport(notebook: string, html: string): Promise<string> {
  const path = join(OUT, 'notebooks', `${notebook}.html`);
  mkdirSync(join(OUT, 'notebooks'), { recursive: true });
  await writeFileAtomic(path, [html]);
  console.error(`wrote ${path}`);
  return path;
}

/** The four error rates, their short meaning, for tables and legends. */
export const RATES = [
  ['suppression', 'truly helpful notes left unpublished'],
  ['pollution', 'published notes that are truly unhelpful'],
  ['infiltration', 'truly unhelpful notes published'],
  ['waste', 'unpublished notes that are truly helpful'],
] as const;
