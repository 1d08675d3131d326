// Simulator benchmark: the full run of a preset (default baseline: 5,000 raters, 2,000 notes, 100,000 ratings over
// 14 simulated days, scored every 6 hours with the full pipeline = 56 scoring runs), one process per configuration:
//   npx tsx bench/simulate.bench.ts [preset] [--workers N] [--scorers A,B] [--cadence full]
// --cadence full scores everything at every run (no prescoring reuse, no incremental rescoring).
// Prints one JSON line {bench, preset, ratings, notes, scoringRuns, workers, wallSeconds, cpuSeconds (all threads),
// loadAverage, generateSeconds, scoringSeconds, stageSeconds, slowestRunSeconds, peakRssMiB, check} and appends it
// to bench/results/simulate.jsonl. With --workers N > 1 one pool of N scorer threads serves every scoring run.
// generateSeconds is the same world generated without scoring (world, channels, adversaries). The check: the
// expected number of scoring runs, the last one succeeded, some notes Helpful, the ratings within 1 % of the target.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { runSimulation, type EngineName } from '../sim/index.ts';
import { loadScenario, ScorerWorkerPool } from '../sim/node/index.ts';

const args = process.argv.slice(2);
const preset = args[0] && !args[0].startsWith('--') ? args[0] : 'baseline';
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const workers = Number(opt('workers') ?? 1);
const scenario = await loadScenario(preset);
const scorers = opt('scorers');
if (scorers) scenario.scoring.scorers = scorers === 'all' ? [] : scorers.split(',');
if (opt('cadence') === 'full') {
  scenario.scoring.prescoreEveryHours = 0;
  scenario.scoring.incremental = false;
}
const root = join(import.meta.dirname, '..');

let t = performance.now();
await runSimulation(scenario, { score: false });
const generateSeconds = (performance.now() - t) / 1000;

const stages: Record<string, number> = {};
let stage = '';
let stageStart = 0;
const closeStage = () => {
  if (stage) stages[stage] = (stages[stage] ?? 0) + (performance.now() - stageStart) / 1000;
  stage = '';
};
t = performance.now();
const cpuStart = process.cpuUsage();
const pool = workers > 1 ? new ScorerWorkerPool(workers, scenario.scoring.engine as EngineName) : null;
const result = await runSimulation(scenario, {
  clock: () => performance.now(),
  executor: pool ? (s) => pool.executor(s) : undefined,
  onScoringProgress: (s) => {
    if (s === stage) return;
    closeStage();
    stage = s;
    stageStart = performance.now();
  },
  onStep: (p) => {
    closeStage();
    if (p.run)
      process.stderr.write(
        `\r${preset}: day ${((p.time - scenario.time.startMillis) / 86_400_000).toFixed(2)}, ${p.ratings} ratings, ${((performance.now() - t) / 1000).toFixed(1)} s  `,
      );
  },
});
await pool?.close();
const wall = (performance.now() - t) / 1000;
const cpu = process.cpuUsage(cpuStart);
process.stderr.write('\n');

const runs = result.timeline.runs;
const expectedRuns = Math.ceil((scenario.time.days * 24) / scenario.time.scoringEveryHours);
const last = runs[runs.length - 1];
const helpful = last ? last.status.reduce((a, s) => a + (s === 1 ? 1 : 0), 0) : 0;
const problems: string[] = [];
if (runs.length !== expectedRuns) problems.push(`${runs.length} scoring runs, expected ${expectedRuns}`);
if (!last || last.error !== null) problems.push(`the last scoring run failed: ${last?.error}`);
if (helpful === 0) problems.push('no note Helpful at the end');
if (
  Math.abs(result.dataset.ratings.length - scenario.world.ratings) > 0.01 * scenario.world.ratings + 10 &&
  scenario.adversaries.length === 0
) {
  problems.push(`${result.dataset.ratings.length} ratings, expected about ${scenario.world.ratings}`);
}
const scoringMs = result.scoringMillis;
const line = {
  bench: 'simulate',
  date: new Date().toISOString(),
  preset,
  ratings: result.dataset.ratings.length,
  notes: result.dataset.notes.length,
  scoringRuns: runs.length,
  failedRuns: runs.filter((r) => r.error !== null).length,
  scorers: scenario.scoring.scorers.length > 0 ? scenario.scoring.scorers.join(',') : 'all',
  cadence:
    scenario.scoring.prescoreEveryHours > 0 || scenario.scoring.incremental
      ? `prescore every ${scenario.scoring.prescoreEveryHours} h, incremental ${scenario.scoring.incremental}`
      : 'full',
  workers,
  wallSeconds: Number(wall.toFixed(2)),
  cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
  loadAverage: Number(loadavg()[0].toFixed(2)),
  generateSeconds: Number(generateSeconds.toFixed(2)),
  scoringSeconds: Number((scoringMs.reduce((a, b) => a + b, 0) / 1000).toFixed(2)),
  slowestRunSeconds: Number((Math.max(...scoringMs) / 1000).toFixed(2)),
  lastRunSeconds: Number((scoringMs[scoringMs.length - 1] / 1000).toFixed(2)),
  stageSeconds: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Number(v.toFixed(2))])),
  helpfulAtEnd: helpful,
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  check: problems.length === 0 ? 'ok' : `FAILED: ${problems.join('; ')}`,
};
console.log(JSON.stringify(line));
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
appendFileSync(join(root, 'bench', 'results', 'simulate.jsonl'), JSON.stringify(line) + '\n');
if (problems.length > 0) process.exitCode = 1;
