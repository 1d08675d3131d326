// Full scoring pipeline benchmark, one configuration per process (run by bench/run-all.mjs or directly):
//   npx tsx bench/scorePipeline.bench.ts <case|synthetic:RATINGS> [--workers N] [--scorers A,B]
// Prints one JSON line {bench, dataset, ratings, notes, workers, wallSeconds, stageSeconds, peakRssMiB, check} and
// appends it to bench/results/score.jsonl. The check: every note got a finalRatingStatus.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDataDir, workerExecutor } from '../sim/node/index.ts';
import { createEngine, scoreDataset } from '../sim/index.ts';
import { syntheticDownload } from './syntheticDownload.ts';

const args = process.argv.slice(2);
const target = args[0] ?? 'core-s101';
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const workers = Number(opt('workers') ?? 1);
const scorers = opt('scorers')?.split(',');
const NOW = 1748736000000;
const root = join(import.meta.dirname, '..');

const data = target.startsWith('synthetic:')
  ? syntheticDownload({ raters: 20_000, notes: 10_000, ratings: Number(target.slice(10)), seed: 7, now: NOW })
  : await readDataDir(join(root, 'datasets', 'conformance', target, 'input'));
const engine = await createEngine('typed');
const stages: Record<string, number> = {};
let stage = '';
let stageStart = performance.now();
const started = performance.now();
const result = await scoreDataset(data, {
  now: NOW,
  seed: 42,
  engine,
  scorers,
  executor: workers > 1 ? (s) => workerExecutor(s, workers, 'typed') : undefined,
  onProgress: (s) => {
    if (s === stage) return;
    const t = performance.now();
    if (stage) stages[stage] = (stages[stage] ?? 0) + (t - stageStart) / 1000;
    stage = s;
    stageStart = t;
  },
});
const wall = (performance.now() - started) / 1000;
if (stage) stages[stage] = (stages[stage] ?? 0) + (performance.now() - stageStart) / 1000;
const final = result.notes.str('finalRatingStatus');
const check = final.every((s) => s !== null) ? 'ok' : 'FAILED: notes without finalRatingStatus';
const line = {
  bench: 'scorePipeline',
  date: new Date().toISOString(),
  dataset: target,
  ratings: data.ratings.length,
  notes: result.notes.length,
  workers,
  scorers: scorers ?? 'all',
  wallSeconds: Number(wall.toFixed(2)),
  stageSeconds: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Number(v.toFixed(2))])),
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  check,
};
console.log(JSON.stringify(line));
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
appendFileSync(join(root, 'bench', 'results', 'score.jsonl'), JSON.stringify(line) + '\n');
if (check !== 'ok') process.exitCode = 1;
