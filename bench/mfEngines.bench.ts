/**
 * MF engines benchmark: ms per full-batch epoch (loss + gradient + clipped Adam step) on a seeded
 * synthetic problem of 1 M ratings / 50 k raters / 20 k notes, 1 factor, for the typed-array engine
 * and TensorFlow.js (cpu, wasm). Every engine starts from the same init and runs the same number of
 * epochs; the bench fails (exit code 1) unless all reach the same loss.
 *
 * Run: npx tsx bench/mfEngines.bench.ts [--epochs 30] [--engines typed,typed-frozen,tfjs-cpu,tfjs-wasm]
 * Prints one JSON line per engine on stdout and appends it to bench/results/mf.jsonl.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import {
  DEFAULT_FIT_OPTIONS,
  loadTfjsEngine,
  randomSeeded,
  syntheticProblem,
  TypedMFModel,
  warmStart,
  type LoopModel,
  type MFFitOptions,
  type TfjsBackendName,
} from '../sim/index.ts';

const SIZE = { nNotes: 20_000, nRaters: 50_000, nRatings: 1_000_000 };
const ALL_ENGINES = ['typed', 'typed-frozen', 'tfjs-cpu', 'tfjs-wasm'] as const;
type BenchEngine = (typeof ALL_ENGINES)[number];
/** Relative loss difference tolerated between engines after the same epochs (float32 vs float64 sums). */
const LOSS_TOLERANCE = 1e-4;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const epochs = Number(arg('epochs', '30'));
const engines = arg('engines', ALL_ENGINES.join(',')).split(',') as BenchEngine[];
for (const e of engines)
  if (!ALL_ENGINES.includes(e)) throw new Error(`unknown engine '${e}' (expected ${ALL_ENGINES.join(', ')})`);
if (!(Number.isInteger(epochs) && epochs > 0)) throw new Error(`--epochs must be a positive integer, got ${epochs}`);

const { problem } = syntheticProblem({ ...SIZE, quantize: true }, randomSeeded(20261123));
const range = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);
const init = warmStart({ noteGlobal: range(SIZE.nNotes), raterGlobal: range(SIZE.nRaters), random: randomSeeded(7) });
const base: MFFitOptions = { ...DEFAULT_FIT_OPTIONS, learningRate: 1 };

interface Measured {
  setupMs: number;
  times: number[];
  initialLoss: number;
  loss: number;
}

/** Evaluate once, then `epochs` × (step + evaluate), timing each epoch. */
function measure(build: () => LoopModel): Measured {
  const t0 = performance.now();
  const model = build();
  const setupMs = performance.now() - t0;
  const initialLoss = model.evaluate();
  let loss = initialLoss;
  const times: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const a = performance.now();
    model.step();
    loss = model.evaluate();
    times.push(performance.now() - a);
  }
  return { setupMs, times, initialLoss, loss };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

async function run(
  engine: BenchEngine,
): Promise<{ engine: string; loss: number; comparable: boolean; line: Record<string, unknown> }> {
  let measured: Measured;
  let backend: string | undefined;
  let options = base;
  if (engine === 'typed' || engine === 'typed-frozen') {
    // typed-frozen: raters and global frozen, as in final scoring (note parameters only).
    if (engine === 'typed-frozen') options = { ...base, freezeRaters: true, freezeGlobal: true, learningRate: 0.2 };
    measured = measure(() => new TypedMFModel(problem, init, options));
  } else {
    const requested = engine.slice('tfjs-'.length) as TfjsBackendName;
    const { createTfjsEngine, TfjsMFModel } = await loadTfjsEngine();
    const tfjs = await createTfjsEngine({ backend: requested, onWarning: (m) => console.error(`warning: ${m}`) });
    backend = tfjs.backend;
    let model: InstanceType<typeof TfjsMFModel> | undefined;
    try {
      measured = measure(() => (model = new TfjsMFModel(problem, init, options)));
    } finally {
      model?.dispose();
    }
  }
  const line = {
    bench: 'mfEngines',
    engine,
    ...(backend === undefined ? {} : { backend }),
    ratings: SIZE.nRatings,
    raters: SIZE.nRaters,
    notes: SIZE.nNotes,
    epochs,
    msPerEpochMedian: round(median(measured.times)),
    msPerEpochMin: round(Math.min(...measured.times)),
    msPerEpochMax: round(Math.max(...measured.times)),
    setupMs: round(measured.setupMs),
    initialLoss: measured.initialLoss,
    loss: measured.loss,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: round(os.loadavg()[0]),
    date: new Date().toISOString(),
  };
  return { engine, loss: measured.loss, comparable: engine !== 'typed-frozen', line };
}

const results = [];
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
for (const engine of engines) {
  const r = await run(engine);
  results.push(r);
  const json = JSON.stringify(r.line);
  console.log(json);
  appendFileSync(new URL('./results/mf.jsonl', import.meta.url), json + '\n');
}

const comparable = results.filter((r) => r.comparable);
const failures: string[] = [];
for (const r of results) {
  if (!(r.loss < (r.line.initialLoss as number)))
    failures.push(`${r.engine}: loss did not decrease (${r.line.initialLoss} -> ${r.loss})`);
}
for (const r of comparable.slice(1)) {
  const rel = Math.abs(r.loss - comparable[0].loss) / Math.abs(comparable[0].loss);
  if (!(rel <= LOSS_TOLERANCE))
    failures.push(
      `${r.engine} loss ${r.loss} differs from ${comparable[0].engine} loss ${comparable[0].loss} (relative ${rel.toExponential(2)})`,
    );
}
if (failures.length > 0) {
  console.error(`mfEngines bench check FAILED:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.error(
    `mfEngines bench check passed: losses decreased; ${comparable.length} comparable engine(s) agree after ${epochs} epochs`,
  );
}
