import { describe, expect, it } from 'vitest';
import { checkScenarioMemory, estimateScenarioMemory } from './estimateMemory.ts';
import { ScenarioError, validateScenario } from './validateScenario.ts';

const world = (raters: number, notes: number, ratings: number) =>
  validateScenario({ world: { raters, notes, ratings }, time: { days: 2, scoringEveryHours: 24 } });

describe('estimateScenarioMemory', () => {
  it('is within 15 % above the measured peaks it was fitted on, never below by more than 5 %', () => {
    const measured: [number, number, number, number][] = [
      [500, 250, 15_000, 149.6e6],
      [2000, 1000, 60_000, 206.7e6],
      [2000, 1000, 240_000, 325.7e6],
      [8000, 1000, 60_000, 244.0e6],
      [2000, 4000, 60_000, 217.8e6],
    ];
    for (const [raters, notes, ratings, peak] of measured) {
      const ratio = estimateScenarioMemory(world(raters, notes, ratings)).bytes / peak;
      expect(ratio, `${raters}/${notes}/${ratings}`).toBeGreaterThan(0.95);
      expect(ratio, `${raters}/${notes}/${ratings}`).toBeLessThan(1.15);
    }
  });

  it('counts adversary accounts, budgets and the extra runs', () => {
    const plain = estimateScenarioMemory(world(2000, 1000, 60_000));
    const attacked = estimateScenarioMemory(
      validateScenario({
        world: { raters: 2000, notes: 1000, ratings: 60_000 },
        time: { days: 2, scoringEveryHours: 24 },
        adversaries: [{ kind: 'highVolumeSybils', size: 10, budget: 3000, camouflageRatingsPerDay: 1 }],
      }),
    );
    expect(attacked.ratings).toBe(60_000 + 3000 + 20);
    expect(attacked.raters).toBe(2010);
    expect(attacked.runs).toBe(2);
    expect(attacked.bytes).toBeGreaterThan(plain.bytes);
  });

  it('refuses a world of 1e6 raters, 1e6 notes and 1e8 ratings with the estimate and the limit', () => {
    const huge = world(1_000_000, 1_000_000, 100_000_000);
    let err: unknown;
    try {
      checkScenarioMemory(huge, 3e9);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as Error).message).toMatch(
      /^scenario\.world\.ratings: 100000000 is not allowed \(the scenario needs about \d+\.\d GB of memory .* more than the 3\.0 GB available/,
    );
    expect(checkScenarioMemory(world(2000, 1000, 60_000), 3e9).bytes).toBeLessThan(3e8);
  });
});
