import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExperiment, validateScenario } from '../../sim/index.ts';
import { createInProcessEngineClient } from './inProcessEngineClient.ts';
import type { SimEvent } from './engineTypes.ts';
import { SimControl } from './simControl.ts';

const SMALL = {
  name: 'small',
  seed: 3,
  world: { raters: 1000, notes: 300, ratings: 12000 },
  time: { days: 2, stepMinutes: 60, scoringEveryHours: 12 },
  scoring: { scorers: ['MFCoreScorer'] },
};

describe('simulate through the engine client', () => {
  it('streams step and scoring-run events, then summarises the last run with the truth beside it', async () => {
    const engine = createInProcessEngineClient();
    const events: SimEvent[] = [];
    const summary = await engine.simulate({ scenario: SMALL }, (e) => events.push(e));
    const runs = events.filter((e) => e.kind === 'run');
    expect(runs.length).toBe(4);
    expect(runs.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(events.some((e) => e.kind === 'step')).toBe(true);
    const last = runs[runs.length - 1];
    if (last.kind === 'run') expect(last.error).toBeNull();
    expect(last.counts.reduce((a, b) => a + b, 0)).toBe(last.notes);
    expect(summary.cancelled).toBe(false);
    expect(summary.stepsDone).toBe(48);
    expect(summary.notes).not.toBeNull();
    const notes = summary.notes!;
    expect(notes.helpfulness.length).toBe(notes.length);
    expect(notes.intercept.some((v) => !Number.isNaN(v))).toBe(true);
    expect(summary.raters!.perspective.length).toBe(summary.raters!.length);
    const id = notes.noteId[0];
    const history = await engine.noteHistory(id);
    expect(history.time.length).toBeGreaterThan(0);
    expect(history.status.length).toBe(history.time.length);
    const ratings = await engine.noteRatings(id);
    expect(ratings.noteId).toBe(id);
  });

  it('generates a world without scoring, then rescores its tables on request', async () => {
    const engine = createInProcessEngineClient();
    await expect(engine.rescore({ seed: 1 })).rejects.toThrow(/no dataset yet/);
    const summary = await engine.simulate({ scenario: SMALL, score: false });
    expect(summary.notes).toBeNull();
    const scored = await engine.rescore({ seed: 1, disabledRules: ['NoHighVolIntercept'] });
    expect(scored.notes.length).toBeGreaterThan(0);
    expect(scored.counts.ratings).toBeGreaterThan(10_000);
    expect(scored.disabledRules).toEqual(['NoHighVolIntercept']);
  });

  it('stops at the next step when cancelled through the control block, and rejects a bad scenario clearly', async () => {
    const engine = createInProcessEngineClient();
    const control = new SimControl();
    const summary = await engine.simulate({ scenario: SMALL, control: control.buffer }, (e) => {
      if (e.kind === 'run') control.cancel();
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.stepsDone).toBeLessThan(48);
    await expect(engine.simulate({ scenario: { world: { raters: -1 } } })).rejects.toThrow(
      /scenario\.world\.raters: -1 is not allowed/,
    );
  });

  it('runs the counterfactual after the main run and reports attack success as sim’s runExperiment does', async () => {
    const json = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'datasets', 'scenarios', 'pile-on.json'), 'utf8'),
    );
    const scenario = {
      ...json,
      world: { raters: 600, notes: 200, ratings: 7000 },
      time: { ...json.time, days: 3, scoringEveryHours: 12 },
      compare: { counterfactual: true, abDisabledRules: [] },
    };
    const engine = createInProcessEngineClient();
    const events: SimEvent[] = [];
    const summary = await engine.simulate({ scenario, counterfactual: true }, (e) => events.push(e));
    const phases = events.map((e) => e.phase);
    expect(phases.indexOf('counterfactual')).toBeGreaterThan(phases.lastIndexOf('main'));
    expect(events.filter((e) => e.kind === 'run' && e.phase === 'counterfactual').map((e) => e.label)).toEqual(
      Array(6).fill('counterfactual'),
    );
    const attack = summary.attack!;
    expect(attack).not.toBeNull();
    expect(attack.counterfactual.withAdversaries).toBe(false);
    const expected = (await runExperiment(validateScenario(scenario))).metrics.attack!;
    expect(attack.report).toEqual(expected);
    expect(attack.report.deltas.flips.total).toBe(expected.deltas.flips.total);
    const series = attack.targetHelpful;
    expect(series.targets).toBe(expected.adversaries[0].targets);
    expect(series.time.length).toBe(6);
    // At the end, the series agrees with the report's end state (30 targets, all organic: every one exists in both runs).
    expect(series.withAttack[5] * series.targets).toBeCloseTo(expected.adversaries[0].targetsHelpfulWithAttack);
    expect(series.without[5] * series.targets).toBeCloseTo(expected.adversaries[0].targetsHelpfulWithout);
    // Note details answer about the main run, not the counterfactual.
    const history = await engine.noteHistory(summary.notes!.noteId[0]);
    expect(history.time.length).toBe(6);
    // Without the request flag, or without adversaries, there is no counterfactual.
    const plain = await engine.simulate({ scenario: SMALL, counterfactual: true });
    expect(plain.attack).toBeNull();
  });
});
