import { describe, expect, it } from 'vitest';
import { statusTimelineTsv } from '../engine/outputFiles.ts';
import { runSimulation } from '../engine/runSimulation.ts';
import { validateScenario } from '../scenario/validateScenario.ts';
import { ScorerWorkerPool } from './workerExecutor.ts';

const scenario = validateScenario({
  world: { raters: 300, notes: 220, ratings: 4000 },
  time: { days: 1, scoringEveryHours: 8 },
  scoring: { scorers: ['MFCoreScorer', 'MFExpansionScorer'], prescoreEveryHours: 16, incremental: true },
});
const text = (g: Iterable<string>) => [...g].join('');

describe('ScorerWorkerPool', () => {
  it('serves every scoring run of a simulation with the same threads and the in-process results', async () => {
    const inProcess = await runSimulation(scenario, { seed: 5 });
    const pool = new ScorerWorkerPool(2, 'typed');
    let executors = 0;
    try {
      const pooled = await runSimulation(scenario, {
        seed: 5,
        executor: (state) => {
          executors++;
          return pool.executor(state);
        },
      });
      expect(executors).toBe(3);
      expect(text(statusTimelineTsv(pooled))).toBe(text(statusTimelineTsv(inProcess)));
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('rejects with the worker’s error message, and the pool serves the next run', async () => {
    const pool = new ScorerWorkerPool(1, 'typed');
    try {
      const state = { ctx: {}, prescoringRatings: {}, runRatings: {}, finalUniverse: new Int32Array(0) } as never;
      const failing = pool.executor(state);
      await expect(failing.run([{ kind: 'prescore', scorer: 'NoSuchScorer' }])).rejects.toThrow(
        /scorer task NoSuchScorer failed in a worker: unknown scorer NoSuchScorer; known: MFCoreScorer/,
      );
      await failing.close();
      await expect(pool.executor(state).run([])).resolves.toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('rejects, instead of waiting for ever, when its threads have ended', async () => {
    const pool = new ScorerWorkerPool(1, 'typed');
    const state = { ctx: {}, prescoringRatings: {}, runRatings: {}, finalUniverse: new Int32Array(0) } as never;
    const executor = pool.executor(state);
    await pool.close();
    await expect(executor.run([{ kind: 'prescore', scorer: 'MFCoreScorer' }])).rejects.toThrow(
      /could not take the run’s state: the scorer worker thread exited/,
    );
  });

  it('refuses a second executor while one is open, and a bad size', async () => {
    expect(() => new ScorerWorkerPool(0, 'typed')).toThrow(/size/);
    const pool = new ScorerWorkerPool(1, 'typed');
    try {
      const state = { ctx: {}, prescoringRatings: {}, runRatings: {}, finalUniverse: new Int32Array(0) } as never;
      const first = pool.executor(state);
      expect(() => pool.executor(state)).toThrow(/still open/);
      await first.close();
      expect(() => pool.executor(state)).not.toThrow();
    } finally {
      await pool.close();
    }
  });
});
