// Sweep benchmark: runs per hour of a fixed small sweep (24 runs: the baseline preset shrunk to 1,000 raters, 500
// notes, 15,000 ratings over 3 days, scored every 12 hours with MFCoreScorer; 4 cells × 6 seeds), one fresh
// `bridgelab sweep` process per configuration, timed from spawn to exit (startup included):
//   npx tsx bench/sweep.bench.ts [--configs local1,local2,redis2]
// local1: --workers 1 (main thread); local2: --workers 2 (threads); redis2: --queue on a throwaway redis-server
// with two `bridgelab worker` processes (started and ready before the clock starts, as on a cluster).
// Prints one JSON line per configuration {bench, config, runs, wallSeconds, runsPerHour, runSecondsMean,
// loadAverage, check} and appends it to bench/results/sweep.jsonl. The check: every configuration writes the same
// rows (wall_ms aside), one per run.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRedis, type LocalRedis } from '../sim/node/index.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'bridgelab.mjs');
const args = process.argv.slice(2);
const configsArg = args.includes('--configs') ? args[args.indexOf('--configs') + 1] : 'local1,local2,redis2';
const configs = configsArg.split(',');
const work = mkdtempSync(join(tmpdir(), 'bridgelab-sweep-bench-'));
const sweep = join(work, 'bench.json');
const RUNS = 24;
writeFileSync(
  sweep,
  JSON.stringify({
    name: 'sweep-bench',
    base: 'baseline',
    set: {
      'world.raters': 1000,
      'world.notes': 500,
      'world.ratings': 15000,
      'time.days': 3,
      'time.scoringEveryHours': 12,
      'scoring.prescoreEveryHours': 0,
      'scoring.scorers': ['MFCoreScorer'],
    },
    vary: [
      { path: 'world.authorFraction', values: [0.2, 0.5] },
      { path: 'world.activitySigma', values: [0.5, 1] },
    ],
    seeds: { count: RUNS / 4 },
    metrics: ['main.ratings', 'main.helpfulVsTruth.all.shown', 'main.helpfulVsTruth.all.precision', 'main.flips.total'],
  }),
);

const children: ChildProcess[] = [];
let redis: LocalRedis | null = null;
const cleanup = async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await redis?.stop();
  rmSync(work, { recursive: true, force: true });
};

function run(argv: string[]): { child: ChildProcess; log: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [bin, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let text = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (text += s));
  return { child, log: () => text, exited: new Promise((resolve) => child.on('close', (code) => resolve(code))) };
}

const rows = (out: string) =>
  readFileSync(join(out, 'runs.tsv'), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));

let reference: string[] | null = null;
let failed = false;
try {
  for (const config of configs) {
    const out = join(work, config);
    const extra: string[] = [];
    if (config === 'local1') extra.push('--workers', '1');
    else if (config === 'local2') extra.push('--workers', '2');
    else if (config === 'redis2') {
      redis = await startLocalRedis();
      const workers = [0, 1].map(() => run(['worker', '--queue', redis!.url]));
      const deadline = performance.now() + 120_000;
      while (!workers.every((w) => w.log().includes('serving')) && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      extra.push('--queue', redis.url);
    } else throw new Error(`unknown config ${config}; expected local1, local2, redis2`);
    const started = performance.now();
    const sweepRun = run(['sweep', sweep, '--out', out, '--quiet', ...extra]);
    const code = await sweepRun.exited;
    const wallSeconds = (performance.now() - started) / 1000;
    const got = code === 0 ? rows(out) : [];
    const cells = got.map((r) => r.slice(0, -1).join('\t'));
    const problems: string[] = [];
    if (code !== 0) problems.push(`exit ${code}: ${sweepRun.log().slice(-500)}`);
    if (got.length !== RUNS) problems.push(`${got.length} rows, expected ${RUNS}`);
    if (reference && cells.join('\n') !== reference.join('\n'))
      problems.push('rows differ from the first configuration');
    reference ??= cells;
    if (config === 'redis2') {
      for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
      await redis?.stop();
      redis = null;
    }
    const line = {
      bench: 'sweep',
      config,
      runs: got.length,
      wallSeconds: Number(wallSeconds.toFixed(2)),
      runsPerHour: Math.round((got.length / wallSeconds) * 3600),
      runSecondsMean: Number(
        (got.reduce((s, r) => s + Number(r[r.length - 1]), 0) / Math.max(1, got.length) / 1000).toFixed(3),
      ),
      loadAverage: Number(loadavg()[0].toFixed(2)),
      date: new Date().toISOString(),
      check: problems.length === 0 ? 'ok' : problems.join('; '),
    };
    console.log(JSON.stringify(line));
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    appendFileSync(join(root, 'bench', 'results', 'sweep.jsonl'), `${JSON.stringify(line)}\n`);
    if (problems.length > 0) failed = true;
  }
} finally {
  await cleanup();
}
process.exitCode = failed ? 1 : 0;
