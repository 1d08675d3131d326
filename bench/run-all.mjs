#!/usr/bin/env node
// Runs every benchmark, each in its own process (no shared JIT state, honest peak memory), and prints their JSON
// lines. Usage: npm run bench [-- --quick]   (--quick skips the 1M-rating runs)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const runs = [
  ['bench/mfEngines.bench.ts'],
  ['bench/scorePipeline.bench.ts', 'core-s101', '--scorers', 'MFCoreScorer'],
  ['bench/scorePipeline.bench.ts', 'core-s101'],
  ['bench/scorePipeline.bench.ts', 'full-s202'],
  ['bench/scorePipeline.bench.ts', 'full-s202', '--workers', '2'],
  ['bench/simulate.bench.ts'],
  ['bench/simulate.bench.ts', 'baseline', '--workers', '2'],
  ['bench/scorePosts.bench.ts'],
  ['bench/sweep.bench.ts'],
  ...(quick ? [] : [['bench/scorePipeline.bench.ts', 'synthetic:1000000', '--workers', '2']]),
];
let failed = 0;
for (const args of runs) {
  console.error(`== ${args.join(' ')}`);
  const r = spawnSync(tsx, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
