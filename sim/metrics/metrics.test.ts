import { describe, expect, it } from 'vitest';
import type { RunSnapshot } from '../engine/statusTimeline.ts';
import type { WorldNotes } from '../world/worldTypes.ts';
import { attackSuccess, type ComparedRun } from './attackSuccess.ts';
import { distribution } from './distribution.ts';
import { flips } from './flips.ts';
import { helpfulHours } from './helpfulHours.ts';
import { helpfulVsTruth } from './helpfulVsTruth.ts';
import { metricDeltas } from './metricDeltas.ts';
import { previewExposure } from './previewExposure.ts';
import { rulesFired } from './rulesFired.ts';
import { hoursToFirstHelpful } from './timeToHelpful.ts';

const H = 3_600_000;

/** A run at hour `h` with the given final statuses (0 NMR, 1 CRH, 2 CRNH) and previews. */
function run(
  h: number,
  status: number[],
  preview: number[] = status.map(() => 0),
  rules: Record<string, number> = {},
): RunSnapshot {
  const n = status.length;
  return {
    time: h * H,
    notes: n,
    ratings: 0,
    status: Uint8Array.from(status),
    coreStatus: Uint8Array.from(status),
    preview: Uint8Array.from(preview),
    decidedBy: Uint16Array.from(status, (s) => s),
    intercept: Float32Array.from(status, (s) => (s === 1 ? 0.45 : 0.1)),
    rules,
    error: null,
  };
}

function notes(helpfulness: number[], createdHours: number[] = helpfulness.map(() => 0)): WorldNotes {
  const n = helpfulness.length;
  return {
    length: n,
    id: helpfulness.map((_, i) => String(1000 + i)),
    post: new Int32Array(n),
    author: new Int32Array(n),
    createdAt: Float64Array.from(createdHours, (h) => h * H),
    helpfulness: Float64Array.from(helpfulness),
    slant: new Float64Array(2 * n),
    classification: new Uint8Array(n).fill(2),
    summary: helpfulness.map(() => ''),
    topic: helpfulness.map(() => ''),
    homeGroup: new Float64Array(n),
    abusive: new Uint8Array(n),
    helpfulTag: new Uint8Array(n),
    notHelpfulTag: new Uint8Array(n),
    writerKind: new Uint8Array(n),
    adversary: new Int16Array(n).fill(-1),
    virality: new Float64Array(n).fill(1),
  };
}

describe('metrics', () => {
  it('helpfulVsTruth: precision, recall and the error shares', () => {
    const m = helpfulVsTruth(notes([1, 1, 0.7, -1, 0.2]), run(6, [1, 0, 2, 1, 0]), 0.5, 0);
    expect(m).toMatchObject({ notes: 5, shown: 2, trulyHelpful: 3, trulyUnhelpful: 1 });
    expect(m.precision).toBe(0.5);
    expect(m.recall).toBeCloseTo(1 / 3);
    expect(m.trulyHelpfulUnshownShare).toBeCloseTo(2 / 3);
    expect(m.shownButUnhelpfulShare).toBe(0.5);
    expect(m.trulyHelpfulRatedNotHelpfulShare).toBeCloseTo(1 / 3);
  });

  it('flips: counts changes by kind and notes that lost Helpful', () => {
    const f = flips([run(6, [0, 0, 1]), run(12, [1, 0, 0]), run(18, [0, 2, 1])]);
    expect(f.byKind).toEqual({ 'CRH->NMR': 2, 'NMR->CRH': 2, 'NMR->CRNH': 1 });
    expect(f.total).toBe(5);
    expect(f.notesLosingHelpful).toBe(2);
    expect(f.notesFlippingRepeatedly).toBe(2);
  });

  it('time to first Helpful and Helpful hours follow the runs', () => {
    const w = notes([1, 1, 1], [0, 3, 10]);
    const runs = [run(6, [0, 1, 0]), run(12, [1, 1, 0]), run(18, [1, 0, 0])];
    expect(Array.from(hoursToFirstHelpful(w, runs))).toEqual([12, 3, NaN]);
    expect(Array.from(helpfulHours(runs, 24 * H))).toEqual([12, 12, 0]);
  });

  it('preview exposure: spells, hours and releases', () => {
    const runs = [run(6, [0, 0], [1, 1]), run(12, [1, 0], [0, 1]), run(18, [1, 0], [0, 0])];
    runs[1].coreStatus[1] = 3;
    const p = previewExposure(runs, 24 * H);
    expect(p).toEqual({
      notesEverInPreview: 2,
      previewHours: 18,
      meanHoursPerPreviewedNote: 9,
      previewsReleasedToHelpful: 1,
      previewsEndedOtherwise: 1,
      notesEverNeedsYourHelp: 1,
    });
  });

  it('rulesFired sums rule counts and reads decidedBy names', () => {
    const r = rulesFired(
      [run(6, [0, 1], [0, 0], { B: 1, A: 2 }), run(12, [1, 1], [0, 0], { A: 1 })],
      ['CoreModel', 'Other'],
    );
    expect(r.allRuns).toEqual({ A: 3, B: 1 });
    expect(Object.keys(r.allRuns)).toEqual(['A', 'B']);
    expect(r.lastRun).toEqual({ A: 1 });
    expect(r.decidedBy).toEqual({ Other: 2 });
  });

  it('attackSuccess compares targets with the counterfactual by note id', () => {
    const w = notes([1, 1, -1]);
    const world = {
      start: 0,
      end: 24 * H,
      dims: 1,
      notes: w,
      organicNote: new Uint8Array(3).fill(1),
    } as unknown as ComparedRun['world'];
    const promo = {
      spec: { label: 'p', kind: 'pileOn', verdict: 'HELPFUL', perspective: 1 },
      targets: [2],
      accounts: [1, 2],
      attackRatings: 5,
      camouflageRatings: 0,
    };
    const supp = {
      spec: { label: 's', kind: 'targetedSuppression', verdict: 'NOT_HELPFUL', perspective: 1 },
      targets: [0],
      accounts: [3],
      attackRatings: 4,
      camouflageRatings: 1,
    };
    const attack = { world, runs: [run(12, [0, 1, 1])], adversaries: [promo, supp] } as unknown as ComparedRun;
    const without = { world, runs: [run(12, [1, 0, 0])], adversaries: [] } as unknown as ComparedRun;
    const { adversaries, collateral } = attackSuccess(attack, without);
    expect(adversaries[0]).toMatchObject({
      label: 'p',
      targets: 1,
      promotionTargets: 1,
      successes: 1,
      successRate: 1,
      targetsHelpfulWithAttack: 1,
      targetsHelpfulWithout: 0,
    });
    expect(adversaries[0].meanTargetInterceptShift).toBeCloseTo(0.35);
    expect(adversaries[1]).toMatchObject({
      suppressionTargets: 1,
      successes: 1,
      targetHelpfulHoursWithAttack: 0,
      targetHelpfulHoursWithout: 12,
    });
    expect(collateral).toEqual({ statusChanged: 1, gainedHelpful: 1, lostHelpful: 0 });
  });

  it('distribution and metricDeltas', () => {
    expect(distribution([3, NaN, 1, 2])).toEqual({ count: 3, mean: 2, median: 2, p90: 2.8, max: 3 });
    expect(distribution([]).count).toBe(0);
    expect(metricDeltas({ a: 1, b: { c: 2, d: 'x' }, e: 1 }, { a: 3, b: { c: 1 }, f: 2 })).toEqual({
      a: 2,
      b: { c: -1 },
      e: -1,
      f: 2,
    });
  });
});
