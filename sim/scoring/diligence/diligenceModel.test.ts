import { describe, expect, it } from 'vitest';
import { FLAG, NOT_HELPFUL_TAGS } from '../../data/tables.ts';
import { randomSeeded } from '../../random/random.ts';
import type { MFProblem } from '../mf/types.ts';
import {
  diligenceTargets,
  fitDiligenceFinal,
  fitDiligencePrescoring,
  type DiligenceFinalState,
  type DiligenceParams,
  type DiligenceRoundInfo,
} from './diligenceModel.ts';
import { cloneDiligenceParams } from './diligenceParams.ts';
import { diligenceLossGradient, diligenceWeights, trainDiligenceRound } from './diligenceRound.ts';
import { DiligenceKernel } from './diligenceKernel.ts';
import { NoteOnlyDiligenceKernel } from './noteOnlyDiligenceKernel.ts';

const bitOf = (tag: (typeof NOT_HELPFUL_TAGS)[number]): number =>
  1 << (FLAG.notHelpfulTagShift + NOT_HELPFUL_TAGS.indexOf(tag));

/**
 * Notes 0..nBad-1 are inaccurate; raters 0..nSloppy-1 tag notHelpfulIncorrect on any note half the
 * time, the others tag mostly the inaccurate notes. Each rater rates `perRater` random notes.
 */
function synthetic(seed: number, nNotes = 120, nRaters = 80, nBad = 30, nSloppy = 16, perRater = 40) {
  const random = randomSeeded(seed);
  const note: number[] = [];
  const rater: number[] = [];
  const flags: number[] = [];
  for (let u = 0; u < nRaters; u++) {
    const seen = new Set<number>();
    while (seen.size < perRater) seen.add(Math.floor(random() * nNotes));
    for (const n of [...seen].sort((a, b) => a - b)) {
      const bad = n < nBad;
      const p = u < nSloppy ? 0.5 : bad ? 0.7 : 0.02;
      note.push(n);
      rater.push(u);
      let f = 0;
      if (random() < p)
        f |= random() < 0.7 ? bitOf('notHelpfulIncorrect') : bitOf('notHelpfulSourcesMissingOrUnreliable');
      if (random() < 0.1) f |= bitOf('notHelpfulOther');
      flags.push(f);
    }
  }
  const problem: MFProblem = {
    nNotes,
    nRaters,
    note: Int32Array.from(note),
    rater: Int32Array.from(rater),
    target: diligenceTargets(Uint32Array.from(flags)),
  };
  const raterFactor = new Float32Array(nRaters);
  for (let u = 0; u < nRaters; u++) raterFactor[u] = random() * 2 - 1;
  return { problem, raterFactor, nBad, nSloppy };
}

const mean = (a: ArrayLike<number>, lo: number, hi: number): number => {
  let s = 0;
  for (let i = lo; i < hi; i++) s += a[i];
  return s / (hi - lo);
};

describe('diligenceTargets', () => {
  it('is 1 when any of the three tags is set, reading rows when given', () => {
    const flags = Uint32Array.from([
      0,
      bitOf('notHelpfulIncorrect'),
      bitOf('notHelpfulIrrelevantSources'),
      bitOf('notHelpfulSourcesMissingOrUnreliable') | bitOf('notHelpfulIncorrect'),
      bitOf('notHelpfulOther') | bitOf('notHelpfulSpamHarassmentOrAbuse') | (3 << FLAG.levelShift),
    ]);
    expect(Array.from(diligenceTargets(flags))).toEqual([0, 1, 1, 1, 0]);
    expect(Array.from(diligenceTargets(flags, Int32Array.from([4, 2, 2])))).toEqual([0, 1, 1]);
    expect(() => diligenceTargets(flags, Int32Array.from([5]))).toThrow(/rows\[0\] = 5/);
  });
});

describe('fitDiligencePrescoring', () => {
  const { problem, raterFactor, nBad, nSloppy } = synthetic(1);
  const snapshots: { params: DiligenceParams; info: DiligenceRoundInfo }[] = [];
  const pre = fitDiligencePrescoring(problem, raterFactor, randomSeeded(42), {
    onRound: (_, params, info) => snapshots.push({ params, info }),
  });

  it('separates inaccurate notes and gives the sloppy taggers higher rater intercepts', () => {
    // Round 1 (reputation 1) puts the inaccuracy signal into the note intercepts.
    expect(mean(pre.noteInterceptRound2, 0, nBad)).toBeGreaterThan(
      mean(pre.noteInterceptRound2, nBad, problem.nNotes) + 1,
    );
    expect(mean(pre.raterInterceptRound2, 0, nSloppy)).toBeGreaterThan(
      mean(pre.raterInterceptRound2, nSloppy, problem.nRaters) + 0.1,
    );
    // The reputation penalty (50 x l2) shrinks reputations well below their start at 1.
    expect(mean(pre.raterReputation, 0, problem.nRaters)).toBeLessThan(0.5);
  });

  it('runs three rounds leaving each round’s frozen groups unchanged', () => {
    expect(snapshots.length).toBe(3);
    const [r1, r2, r3] = snapshots.map((s) => s.params);
    expect(r1.raterReputation.every((v) => v === 1)).toBe(true);
    expect(r2.noteIntercept).toEqual(r1.noteIntercept);
    expect(r2.raterReputation).not.toEqual(r1.raterReputation);
    expect(r3.noteFactor).toEqual(r2.noteFactor);
    expect(r3.raterFactor).toEqual(r2.raterFactor);
    expect(r3.raterReputation).toEqual(r2.raterReputation);
    expect(r3.noteIntercept).not.toEqual(r2.noteIntercept);
    expect(pre.noteInterceptRound2).toEqual(r2.noteIntercept);
    expect(pre.raterInterceptRound2).toEqual(r2.raterIntercept);
    expect(pre.globalIntercept).toEqual({
      round1: r1.globalIntercept,
      round2: r2.globalIntercept,
      round3: r3.globalIntercept,
    });
    expect(pre.noteIntercept).toEqual(r3.noteIntercept);
    for (const { info } of snapshots) {
      expect(info.steps).toBeLessThanOrEqual(301);
      expect(info.steps === 301 || info.steps % 5 === 0).toBe(true);
      expect(Number.isFinite(info.loss)).toBe(true);
    }
  });

  it('is deterministic for a seed and depends on it', () => {
    const again = fitDiligencePrescoring(problem, raterFactor, randomSeeded(42));
    expect(again.noteIntercept).toEqual(pre.noteIntercept);
    expect(again.raterReputation).toEqual(pre.raterReputation);
    expect(again.globalIntercept).toEqual(pre.globalIntercept);
    const other = fitDiligencePrescoring(problem, raterFactor, randomSeeded(43));
    expect(other.noteIntercept).not.toEqual(pre.noteIntercept);
  });

  it('rejects bad input', () => {
    expect(() => fitDiligencePrescoring(problem, new Float32Array(3), randomSeeded(1))).toThrow(/raterFactorInit/);
    const badTarget = { ...problem, target: problem.target.map((t, i) => (i === 7 ? 0.5 : t)) };
    expect(() => fitDiligencePrescoring(badTarget, raterFactor, randomSeeded(1))).toThrow(/target\[7\] = 0.5/);
    const badNote = { ...problem, note: problem.note.map((n, i) => (i === 3 ? problem.nNotes : n)) };
    expect(() => fitDiligencePrescoring(badNote, raterFactor, randomSeeded(1))).toThrow(/note\[3\]/);
    const empty = { ...problem, note: new Int32Array(0), rater: new Int32Array(0), target: new Float32Array(0) };
    expect(() => fitDiligencePrescoring(empty, raterFactor, randomSeeded(1))).toThrow(/no ratings/);
  });
});

describe('trainDiligenceRound', () => {
  const { problem } = synthetic(2, 40, 30, 10, 5, 15);
  const init = (): DiligenceParams => ({
    noteFactor: new Float32Array(problem.nNotes).fill(0.1),
    noteIntercept: new Float32Array(problem.nNotes),
    raterFactor: new Float32Array(problem.nRaters).fill(-0.2),
    raterIntercept: new Float32Array(problem.nRaters),
    raterReputation: new Float32Array(problem.nRaters).fill(1),
    globalIntercept: 0,
  });
  const none = {
    noteFactor: false,
    noteIntercept: false,
    raterFactor: false,
    raterIntercept: false,
    raterReputation: false,
    globalIntercept: false,
  };
  const weights = diligenceWeights(problem, 100, undefined, 0);

  it('stops at the first 5-epoch check when nothing can move', () => {
    const p = init();
    const info = trainDiligenceRound(problem, p, weights, { trainable: none });
    expect(info.steps).toBe(5);
    expect(p).toEqual(init());
  });

  it('takes 301 steps when convergence never triggers, fewer with the default', () => {
    const all = { ...none, noteIntercept: true, raterIntercept: true, globalIntercept: true };
    const capped = trainDiligenceRound(problem, init(), weights, { trainable: all, convergence: 0 });
    expect(capped.steps).toBe(301);
    const early = trainDiligenceRound(problem, init(), weights, { trainable: all, convergence: 1e-2 });
    expect(early.steps % 5).toBe(0);
    expect(early.steps).toBeLessThan(301);
    expect(early.loss).toBeGreaterThan(capped.loss);
  });

  it('has the gradient of its loss (central differences, every group, both regulariser forms)', () => {
    const random = randomSeeded(8);
    const p = init();
    for (const a of [p.noteFactor, p.noteIntercept, p.raterFactor, p.raterIntercept, p.raterReputation]) {
      for (let i = 0; i < a.length; i++) a[i] = random() * 2 - 1;
    }
    p.globalIntercept = -0.7;
    const w = diligenceWeights(problem, 100, p.raterReputation, -0.5);
    for (const [rhoNote, rhoUser] of [
      [undefined, undefined],
      [7, 11],
    ]) {
      const { grad } = diligenceLossGradient(problem, p, w, rhoNote, rhoUser);
      const lossAt = (q: DiligenceParams): number => diligenceLossGradient(problem, q, w, rhoNote, rhoUser).loss;
      const groups = ['noteFactor', 'noteIntercept', 'raterFactor', 'raterIntercept', 'raterReputation'] as const;
      for (const key of groups) {
        for (const i of [0, 5, 13]) {
          const plus = cloneDiligenceParams(p);
          const minus = cloneDiligenceParams(p);
          plus[key][i] += 1e-3;
          minus[key][i] -= 1e-3;
          const numeric = (lossAt(plus) - lossAt(minus)) / (plus[key][i] - minus[key][i]);
          expect(grad[key][i]).toBeCloseTo(numeric, 5);
        }
      }
      const plus = { ...cloneDiligenceParams(p), globalIntercept: p.globalIntercept + 1e-4 };
      const minus = { ...cloneDiligenceParams(p), globalIntercept: p.globalIntercept - 1e-4 };
      expect(grad.globalIntercept).toBeCloseTo((lossAt(plus) - lossAt(minus)) / 2e-4, 5);
    }
  });

  it('has the same loss and note gradient in the note-only kernel as in the general one', () => {
    const random = randomSeeded(11);
    const p = init();
    for (const a of [p.noteFactor, p.noteIntercept, p.raterFactor, p.raterIntercept, p.raterReputation]) {
      for (let i = 0; i < a.length; i++) a[i] = Math.fround(random() * 2 - 1);
    }
    p.globalIntercept = Math.fround(0.3);
    const w = diligenceWeights(problem, 500, p.raterReputation, -0.5);
    const reg = {
      noteFactor: 0.03,
      noteIntercept: 0.03,
      raterFactor: 0.03,
      raterIntercept: 0.3,
      reputation: 1.5,
      global: 0,
      noteDen: 9,
      raterDen: 7,
    };
    const general = new DiligenceKernel(problem, p, w).evaluate(true, reg);
    const generalG = new DiligenceKernel(problem, p, w);
    generalG.evaluate(false, reg);
    for (const group of [0, 1] as const) {
      const alone = new NoteOnlyDiligenceKernel(problem, p, w, group);
      expect(alone.evaluate(true, reg).loss).toBeCloseTo(general.loss, 12);
      expect(Number.isNaN(alone.evaluate(false, reg).loss)).toBe(true);
      for (let n = 0; n < problem.nNotes; n++) {
        expect(alone.noteG[2 * n + group]).toBeCloseTo(generalG.noteG[2 * n + group], 12);
        expect(alone.noteG[2 * n + 1 - group]).toBe(0);
      }
      const trained = cloneDiligenceParams(p);
      const key = group === 0 ? 'noteFactor' : 'noteIntercept';
      trainDiligenceRound(problem, trained, w, { trainable: { ...none, [key]: true } });
      expect(trained[key]).not.toEqual(p[key]);
      for (const k of ['noteFactor', 'noteIntercept', 'raterFactor', 'raterIntercept', 'raterReputation'] as const)
        if (k !== key) expect(trained[k]).toEqual(p[k]);
      expect(trained.globalIntercept).toBe(p.globalIntercept);
    }
  });

  it('first Adam step moves each trained value by lr against its gradient (torch bias correction)', () => {
    const p = init();
    const { grad } = diligenceLossGradient(problem, p, weights);
    trainDiligenceRound(problem, p, weights, {
      trainable: { ...none, noteIntercept: true, globalIntercept: true },
      maxEpoch: 0,
    });
    const q = init();
    for (let n = 0; n < problem.nNotes; n++) {
      if (grad.noteIntercept[n] !== 0)
        expect(p.noteIntercept[n]).toBeCloseTo(-0.2 * Math.sign(grad.noteIntercept[n]), 6);
    }
    expect(p.globalIntercept).toBeCloseTo(q.globalIntercept - 0.2 * Math.sign(grad.globalIntercept), 6);
    expect(p.raterIntercept).toEqual(q.raterIntercept);
  });
});

describe('fitDiligenceFinal', () => {
  const { problem, raterFactor } = synthetic(5);
  const pre = fitDiligencePrescoring(problem, raterFactor, randomSeeded(9));
  const state = (): DiligenceFinalState => ({
    noteFactor: pre.noteFactor,
    noteInterceptRound2: pre.noteInterceptRound2,
    raterFactor: pre.raterFactor,
    raterReputation: pre.raterReputation,
    raterInterceptRound2: pre.raterInterceptRound2,
    raterIntercept: pre.raterIntercept,
    globalIntercept: pre.globalIntercept,
  });

  it('trains note factors then note intercepts from the round-2 state', () => {
    const snaps: DiligenceParams[] = [];
    const R = problem.note.length;
    const res = fitDiligenceFinal(problem, state(), R / problem.nNotes, R / problem.nRaters, {
      onRound: (_, p) => snaps.push(p),
    });
    const [r1, r2] = snaps;
    expect(r1.noteIntercept).toEqual(pre.noteInterceptRound2);
    expect(r1.raterIntercept).toEqual(pre.raterInterceptRound2);
    expect(r1.raterFactor).toEqual(pre.raterFactor);
    expect(r1.raterReputation).toEqual(pre.raterReputation);
    expect(r1.globalIntercept).toBe(pre.globalIntercept.round2);
    expect(r1.noteFactor).not.toEqual(pre.noteFactor);
    expect(r2.noteFactor).toEqual(r1.noteFactor);
    expect(r2.raterIntercept).toEqual(pre.raterIntercept);
    expect(r2.globalIntercept).toBe(pre.globalIntercept.round3);
    expect(res.noteIntercept).toEqual(r2.noteIntercept);
    expect(res.noteFactor).toEqual(r2.noteFactor);
    expect(res.rounds.length).toBe(2);
  });

  it('gives missing raters reputation 0 and missing values 0', () => {
    const s = state();
    const rep = Float32Array.from(pre.raterReputation);
    rep[0] = NaN;
    const intercept = Float32Array.from(pre.raterIntercept);
    intercept[1] = NaN;
    const snaps: DiligenceParams[] = [];
    fitDiligenceFinal(problem, { ...s, raterReputation: rep, raterIntercept: intercept }, undefined, undefined, {
      onRound: (_, p) => snaps.push(p),
    });
    expect(snaps[0].raterReputation[0]).toBe(0);
    expect(snaps[1].raterIntercept[1]).toBe(0);
    expect(() => fitDiligenceFinal(problem, { ...s, noteFactor: new Float32Array(2) })).toThrow(/noteFactor/);
    expect(() => fitDiligenceFinal(problem, s, -1)).toThrow(/rhoNote/);
  });
});
