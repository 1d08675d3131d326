import { describe, expect, it } from 'vitest';
import { FLAG } from '../data/tables.ts';
import { validateScenario } from '../scenario/validateScenario.ts';
import { runsTsv, statusTimelineTsv, truthNotesTsv } from './outputFiles.ts';
import { runSimulation, SimulationCancelled } from './runSimulation.ts';

const small = validateScenario({
  world: { raters: 500, notes: 220, ratings: 6000 },
  time: { days: 2, scoringEveryHours: 12 },
  scoring: { scorers: ['MFCoreScorer'] },
});

const text = (g: Iterable<string>) => [...g].join('');

describe('runSimulation', () => {
  it('generates valid ratings, scores on the cadence and carries the status history', async () => {
    const steps: number[] = [];
    const r = await runSimulation(small, { seed: 3, onStep: (p) => void steps.push(p.step) });
    expect(steps.length).toBe(48);
    const { ratings, notes } = r.dataset;
    expect(notes.length).toBe(220);
    expect(Math.abs(ratings.length - 6000)).toBeLessThan(60);
    const pairs = new Set<number>();
    let sampled = 0;
    for (let i = 0; i < ratings.length; i++) {
      const n = ratings.note[i];
      expect(ratings.createdAt[i]).toBeGreaterThan(notes.createdAt[n]);
      expect(ratings.createdAt[i]).toBeLessThan(r.world.end);
      expect([0, 1, 2]).toContain(ratings.helpful2[i]);
      pairs.add(ratings.rater[i] * 1000 + n);
      if (ratings.flags[i] & FLAG.populationSampled) sampled++;
    }
    expect(pairs.size).toBe(ratings.length);
    expect(sampled / ratings.length).toBeCloseTo(0.05, 1);
    const runs = r.timeline.runs;
    expect(runs.map((x) => (x.time - r.world.start) / 3_600_000)).toEqual([12, 24, 36, 48]);
    const last = runs[runs.length - 1];
    expect(last.error).toBeNull();
    expect(r.dataset.statusHistory.length).toBe(220);
    expect(r.lastResult).not.toBeNull();
    // every rating a run saw existed by its time
    for (const run of runs) expect(run.ratings).toBeLessThanOrEqual(ratings.length);
    expect(r.sources.selfSelected + r.sources.needsYourHelp + r.sources.populationSampled).toBe(ratings.length);
  });

  it('gives byte-identical outputs for the same scenario and seed, different ones for another seed', async () => {
    const a = await runSimulation(small, { seed: 11 });
    const b = await runSimulation(small, { seed: 11 });
    const c = await runSimulation(small, { seed: 12, score: false });
    expect(text(statusTimelineTsv(a))).toBe(text(statusTimelineTsv(b)));
    expect(text(runsTsv(a))).toBe(text(runsTsv(b)));
    expect(text(truthNotesTsv(a))).toBe(text(truthNotesTsv(b)));
    expect(Array.from(a.dataset.ratings.createdAt)).toEqual(Array.from(b.dataset.ratings.createdAt));
    expect(
      a.dataset.ratings.length === c.dataset.ratings.length &&
        Array.from(a.dataset.ratings.createdAt).every((t, i) => t === c.dataset.ratings.createdAt[i]),
    ).toBe(false);
  });

  it('scores at production cadence: prescoring reused between prescoring runs, incremental rescoring', async () => {
    // no topics, so that no run is refused (the topic model's check fails on a hundred notes)
    const cadence = validateScenario({
      world: { raters: 500, notes: 220, ratings: 6000, topicFraction: 0 },
      time: { days: 2, scoringEveryHours: 6 },
      scoring: { scorers: ['MFCoreScorer'], prescoreEveryHours: 24, incremental: true },
    });
    const prescored: number[] = [];
    let run = 0;
    const r = await runSimulation(cadence, {
      seed: 3,
      onScoringProgress: (stage) => {
        if (stage === 'prescoring' && prescored[prescored.length - 1] !== run) prescored.push(run);
      },
      onStep: (p) => {
        if (p.run) run++;
      },
    });
    const runs = r.timeline.runs;
    expect(runs.length).toBe(8);
    expect(runs.every((x) => x.error === null)).toBe(true);
    expect(prescored).toEqual([0, 4]);
    expect(r.lastResult?.run.rescore).not.toBeNull();
    expect(r.lastResult?.notes.length).toBe(220);
  });

  it('stops between steps when cancelled', async () => {
    const signal = { aborted: false };
    let seen = 0;
    const run = runSimulation(small, {
      signal,
      score: false,
      onStep: () => {
        seen++;
        if (seen === 5) signal.aborted = true;
      },
    });
    await expect(run).rejects.toBeInstanceOf(SimulationCancelled);
    expect(seen).toBe(5);
  });
});
