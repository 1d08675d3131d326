import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../../random/random.ts';
import { createEngine } from './engines.ts';
import { warmStart } from './init.ts';
import { syntheticProblem } from './syntheticProblem.ts';
import { createTfjsEngine } from './tfjsEngine.ts';
import { fitSync } from './typedEngine.ts';
import { DEFAULT_FIT_OPTIONS, type MFFitOptions, type MFParams, type MFProblem } from './types.ts';

const range = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);
const opts = (over: Partial<MFFitOptions> = {}): MFFitOptions => ({ ...DEFAULT_FIT_OPTIONS, learningRate: 1, ...over });

function maxDiff(a: MFParams, b: MFParams): number {
  let d = Math.abs(a.globalIntercept - b.globalIntercept);
  for (const k of ['noteIntercept', 'noteFactor', 'raterIntercept', 'raterFactor'] as const) {
    for (let i = 0; i < a[k].length; i++) d = Math.max(d, Math.abs(a[k][i] - b[k][i]));
  }
  return d;
}

const { problem } = syntheticProblem({ nNotes: 150, nRaters: 250, nRatings: 4000, quantize: true }, randomSeeded(21));
const cold = warmStart({
  noteGlobal: range(problem.nNotes),
  raterGlobal: range(problem.nRaters),
  random: randomSeeded(22),
});

describe('TfjsMFEngine (cpu backend) reaches the typed engine fit', () => {
  // [name, problem, options, compare full runs too]
  const cases: [string, MFProblem, MFFitOptions, boolean][] = [
    ['cold start, squared loss', problem, opts(), true],
    [
      'frozen raters and global, Σ-form note regularisation, diamond',
      problem,
      opts({
        learningRate: 0.2,
        freezeRaters: true,
        freezeGlobal: true,
        ratingPerNoteLossRatio: 10,
        lambdas: { ...DEFAULT_FIT_OPTIONS.lambdas, diamond: 0.75 },
      }),
      true,
    ],
    [
      'weighted loss',
      { ...problem, weight: Float32Array.from(problem.note, (_, k) => 0.3 + (k % 4) * 0.5) },
      opts({ learningRate: 0.02 }),
      true,
    ],
    // Full logistic runs end on "loss increased after epoch 100" while the loss moves by < 1e-7 per epoch:
    // float32 noise in tfjs' loss picks a different stopping epoch on a flat valley, so only trajectories are compared.
    [
      'logistic loss with pos_weight',
      { ...problem, target: problem.target.map((y) => (y > 0.5 ? 1 : 0)) },
      opts({ loss: 'logistic', posWeight: 2 }),
      false,
    ],
    ['no global intercept', problem, opts({ useGlobalIntercept: false }), true],
  ];

  it.each(cases)('%s', async (_, p, o, fullRun) => {
    const engine = await createTfjsEngine({ backend: 'cpu' });
    expect(engine.name).toBe('tfjs-cpu');
    const fixed = { ...o, convergence: 0, maxEpochs: 60 };
    const typed60 = fitSync(p, cold, fixed);
    const tfjs60 = await engine.fit(p, cold, fixed);
    expect(tfjs60.epochs).toBe(60);
    expect(maxDiff(tfjs60.params, typed60.params)).toBeLessThan(1e-4);
    expect(tfjs60.loss).toBeCloseTo(typed60.loss, 6);
    expect(tfjs60.trainError).toBeCloseTo(typed60.trainError, 6);
    if (o.freezeRaters) expect(tfjs60.params.raterFactor).toEqual(cold.raterFactor);
    if (!fullRun) return;
    const typed = fitSync(p, cold, o);
    const tfjs = await engine.fit(p, cold, o);
    expect(typed.epochs).toBeGreaterThan(10);
    expect(Math.abs(tfjs.epochs - typed.epochs)).toBeLessThanOrEqual(3);
    expect(maxDiff(tfjs.params, typed.params)).toBeLessThan(1e-3);
    expect(tfjs.loss).toBeCloseTo(typed.loss, 5);
  });

  it('rejects invalid input like the typed engine', async () => {
    const engine = await createTfjsEngine({ backend: 'cpu' });
    await expect(engine.fit({ ...problem, nNotes: 3 }, cold, opts())).rejects.toThrow(/note index/);
  });
});

describe('createTfjsEngine / createEngine', () => {
  it("falls back to cpu with a warning when '@tensorflow/tfjs-node' is not installed", async () => {
    const seen: string[] = [];
    const engine = await createTfjsEngine({ backend: 'tensorflow', onWarning: (m) => seen.push(m) });
    expect(engine.backend).toBe('cpu');
    expect(engine.requested).toBe('tensorflow');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/'tensorflow' is unavailable.*npm i @tensorflow\/tfjs-node.*using 'cpu'/);
    expect(engine.warnings).toEqual(seen);
    const fit = await engine.fit(problem, cold, opts({ maxEpochs: 3 }));
    expect(fit.epochs).toBe(3);
  });

  it('falls back to cpu when WebGL is missing (Node)', async () => {
    const engine = await createTfjsEngine({ backend: 'webgl' });
    expect(engine.backend).toBe('cpu');
    expect(engine.warnings[0]).toMatch(/'webgl' is unavailable/);
  });

  it('throws on an unknown backend or engine name', async () => {
    // @ts-expect-error deliberately wrong name
    await expect(createTfjsEngine({ backend: 'cuda' })).rejects.toThrow(/unknown backend 'cuda'/);
    // @ts-expect-error deliberately wrong name
    await expect(createEngine('fast')).rejects.toThrow(/unknown engine 'fast'/);
  });

  it('builds engines by name', async () => {
    expect((await createEngine('typed')).name).toBe('typed');
    expect((await createEngine('tfjs')).name).toBe('tfjs-cpu');
    expect((await createEngine('tfjs-cpu')).name).toBe('tfjs-cpu');
  });
});
