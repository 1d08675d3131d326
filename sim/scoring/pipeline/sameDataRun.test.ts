import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../engine/runSimulation.ts';
import { validateScenario } from '../../scenario/validateScenario.ts';
import { createEngine } from '../mf/engines.ts';
import { outputTables, scoreDataset } from './scoreDataset.ts';
import { writeTsv } from '../../data/writeTsv.ts';

const scenario = validateScenario({
  world: { raters: 400, notes: 240, ratings: 6000 },
  time: { days: 2, scoringEveryHours: 48 },
  scoring: { scorers: ['MFCoreScorer'] },
});
const files = (r: Awaited<ReturnType<typeof scoreDataset>>) =>
  Object.values(outputTables(r)).map((columns) => [...writeTsv(columns)].join(''));

describe('scoreDataset with sameDataRun', () => {
  it('reuses clustering and topics of an earlier run on the same dataset and writes the same files', async () => {
    const sim = await runSimulation(scenario, { seed: 4, score: false });
    const engine = await createEngine('typed');
    const opts = {
      now: sim.world.end,
      seed: 2,
      engine,
      scorers: ['MFCoreScorer'],
      disabledRules: ['NoHighVolIntercept'],
    };
    const first = await scoreDataset(sim.dataset, opts);
    const again = await scoreDataset(sim.dataset, { ...opts, sameDataRun: first.run });
    expect(files(again)).toEqual(files(first));
    expect(again.run.postSelectionValue).toEqual(first.run.postSelectionValue);

    const other = await runSimulation(scenario, { seed: 5, score: false });
    await expect(scoreDataset(other.dataset, { ...opts, sameDataRun: first.run })).rejects.toThrow(/another dataset/);
  }, 60_000);
});
