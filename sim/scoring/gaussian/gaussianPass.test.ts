import { describe, expect, it } from 'vitest';
import { randomSeeded } from '../../random/random.ts';
import {
  CRH_GRID,
  CRNH_GRID,
  GAUSSIAN_CRH_PARAMS,
  GAUSSIAN_CRH_TOPIC_PARAMS,
  GAUSSIAN_CRNH_PARAMS,
  type GaussianPassParams,
} from './gaussianParams.ts';
import { gaussianPass, type GaussianRatings } from './gaussianPass.ts';

/** Build pass input from per-note lists of [x, y]. */
function ratingsOf(notes: [number, number][][]): { ratings: GaussianRatings; nNotes: number } {
  const note: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  notes.forEach((rs, n) =>
    rs.forEach(([xi, yi]) => {
      note.push(n);
      x.push(xi);
      y.push(yi);
    }),
  );
  return {
    ratings: { note: Int32Array.from(note), x: Float64Array.from(x), y: Float64Array.from(y) },
    nNotes: notes.length,
  };
}

/** §13.3 written out literally, one note at a time, with a full rating × grid matrix. */
function naivePass(rs: [number, number][], p: GaussianPassParams): { score: number; curve: number[]; M: number } {
  const q = p.grid;
  const n = rs.length;
  const val = rs.map(([, y]) => {
    const v = y === 0.5 ? p.somewhatHelpfulValue : y;
    return p.flip ? 1 - v : v;
  });
  const oppY = p.flip ? 1 : 0;
  const opp = rs.filter(([, y]) => y === oppY).map(([x]) => x);
  let M = 1;
  if (opp.length > 0) {
    const m = opp.reduce((a, b) => a + b, 0) / opp.length;
    const s = opp.reduce((a, x) => a + 1 / (1 + Math.exp(-200 * (Math.abs(x - m) - 0.14))), 0);
    M = Math.min((s / n) * p.oppositeSlope + 1, p.oppositeCap);
  }
  const w = rs.map(([x]) => {
    const k = q.map((qj) => Math.exp(-0.5 * ((x - qj) / p.bandwidth) ** 2) / (p.bandwidth * Math.sqrt(2 * Math.PI)));
    const s = k.reduce((a, b) => a + b, 0);
    return p.normalize ? k.map((kj) => kj / s) : k;
  });
  const insufficient = q.some((_, j) => w.reduce((a, row) => a + row[j], 0) < p.weightLim);
  w.forEach((row, i) => {
    if (val[i] === 0) row.forEach((_, j) => (row[j] *= M * p.negWeight));
  });
  const g = rs.reduce((a, [x, y]) => a + ((p.flip ? 1 - y : y) - 0.5) * 2 * x, 0) / n;
  const neg = rs.filter(([x]) => x < 0).length;
  const pos = rs.filter(([x]) => x > 0).length;
  const a = (p.smoothingWeight * Math.log(Math.max(n, p.adaptiveWeightBase))) / Math.log(p.adaptiveWeightBase);
  const curve = q.map((qj, j) => {
    let prior = Math.max(Math.min((g * qj) / 2 + p.smoothingValue, p.smoothingValue), p.minPrior);
    if (neg < 3 || pos < 3) prior = 0.1;
    const W = w.reduce((s, row) => s + row[j], 0);
    const V = w.reduce((s, row, i) => s + row[j] * val[i], 0);
    const mean = Math.min(Math.max((V + prior * a) / (W + a), p.clipLower), p.clipUpper);
    return insufficient ? -1 : mean;
  });
  const logMean = curve.reduce((s, c) => s + Math.log(c), 0) / q.length;
  return { score: Number.isNaN(logMean) ? 0 : Math.exp(logMean), curve, M };
}

/** A note with `k` raters evenly over [lo, hi], all giving `y`. */
const spread = (k: number, lo: number, hi: number, y: number): [number, number][] =>
  Array.from({ length: k }, (_, i) => [lo + ((hi - lo) * i) / (k - 1), y]);

describe('grids', () => {
  it('have the §13.2 lengths, values and symmetry', () => {
    expect(CRH_GRID.length).toBe(50);
    expect(CRNH_GRID).toEqual([
      -0.92, -0.61, -0.55, -0.49, -0.43, -0.38, -0.33, -0.28, -0.22, -0.17, -0.12, -0.07, -0.01, 0.01, 0.07, 0.12, 0.17,
      0.22, 0.28, 0.33, 0.38, 0.43, 0.49, 0.55, 0.61, 0.92,
    ]);
    CRH_GRID.forEach((q, j) => expect(q).toBe(-CRH_GRID[49 - j]));
    expect(GAUSSIAN_CRH_TOPIC_PARAMS.bandwidth).toBe(0.05);
    expect(GAUSSIAN_CRNH_PARAMS.bandwidth).toBe(0.2);
  });
});

describe('gaussianPass: hand-computed pieces', () => {
  it('opposite-rating multiplier (CRH: y = 0 ratings; CRNH: y = 1 ratings)', () => {
    const helpful7 = spread(7, -0.5, 0.6, 1);
    // m = 0.14: distances 0.14, 0, 0.14 -> s = 0.5, ~0, 0.5; pct = 1 / 10 -> M = 1 + 3 * 0.1.
    const a: [number, number][] = [[0, 0], [0.14, 0], [0.28, 0], ...helpful7];
    // Two far-apart opposite ratings: s ~ 2, pct = 0.4 -> 1 + 1.2 capped at 2.
    const b: [number, number][] = [[-0.8, 0], [0.8, 0], ...spread(3, -0.2, 0.2, 1)];
    const c = helpful7; // no opposite ratings
    const { ratings, nNotes } = ratingsOf([a, b, c]);
    const crh = gaussianPass(ratings, nNotes, GAUSSIAN_CRH_PARAMS);
    expect(crh.multiplier[0]).toBeCloseTo(1.3, 9);
    expect(crh.multiplier[1]).toBe(2);
    expect(crh.multiplier[2]).toBe(1);
    // CRNH: opposite = helpful; note b has 3 helpful within 0.2 of each other out of 5.
    const d: [number, number][] = [[-0.8, 1], [0.8, 1], ...spread(8, -0.5, 0.5, 0)];
    const crnh = gaussianPass(ratingsOf([d]).ratings, 1, GAUSSIAN_CRNH_PARAMS);
    expect(crnh.multiplier[0]).toBeCloseTo(1 + 4 * 0.2, 9);
  });

  it('note factor estimate g_n: somewhat-helpful contributes 0, CRNH uses 1 - y', () => {
    const rs: [number, number][] = [
      [-0.5, 1],
      [0.4, 0],
      [0.3, 0.5],
      [0.2, 1],
    ];
    const { ratings } = ratingsOf([rs]);
    const expected = (1 * -0.5 + -1 * 0.4 + 0 + 1 * 0.2) / 4;
    expect(gaussianPass(ratings, 1, GAUSSIAN_CRH_PARAMS).gFactor[0]).toBeCloseTo(expected, 12);
    expect(gaussianPass(ratings, 1, GAUSSIAN_CRNH_PARAMS).gFactor[0]).toBeCloseTo(-expected, 12);
  });

  it('fewer than 3 raters on a side sets the prior to 0.1 everywhere (x = 0 counts for neither)', () => {
    const pos = spread(12, 0.1, 0.9, 1);
    const sparseNote: [number, number][] = [[-0.6, 0], [-0.3, 1], [0, 1], ...pos];
    const denseNote: [number, number][] = [[-0.6, 0], [-0.3, 1], [-0.01, 1], ...pos];
    const { ratings, nNotes } = ratingsOf([sparseNote, denseNote]);
    const res = gaussianPass(ratings, nNotes, GAUSSIAN_CRH_PARAMS, { keepCurves: true });
    expect(Array.from(res.sparse)).toEqual([1, 0]);
    // The same note with a constant prior of 0.1 reached through the other code path.
    const flat: GaussianPassParams = {
      ...GAUSSIAN_CRH_PARAMS,
      priorFactor: false,
      smoothingValue: 0.1,
      minRatersPerSide: 0,
    };
    const ref = gaussianPass(ratingsOf([sparseNote]).ratings, 1, flat, { keepCurves: true });
    expect(Array.from(res.curves!.subarray(0, 50))).toEqual(Array.from(ref.curves!));
    expect(res.score[0]).toBe(ref.score[0]);
  });

  it('clips the grid means: unanimous helpful -> 0.8, unanimous not helpful -> 0.05', () => {
    const { ratings, nNotes } = ratingsOf([spread(200, -1, 1, 1), spread(200, -1, 1, 0)]);
    const res = gaussianPass(ratings, nNotes, GAUSSIAN_CRH_PARAMS, { keepCurves: true });
    expect(res.curves!.subarray(0, 50).every((c) => c === 0.8)).toBe(true);
    expect(res.curves!.subarray(50).every((c) => c === 0.05)).toBe(true);
    expect(res.score[0]).toBeCloseTo(0.8, 12);
    expect(res.score[1]).toBeCloseTo(0.05, 12);
    // CRNH pass on the same notes: flipped values, clip [0.25, 0.65].
    const crnh = gaussianPass(ratings, nNotes, GAUSSIAN_CRNH_PARAMS);
    expect(crnh.score[0]).toBeCloseTo(0.25, 12);
    expect(crnh.score[1]).toBeCloseTo(0.65, 12);
  });

  it('insufficient data (raters far from some grid point) gives a score of exactly 0', () => {
    const farRight = spread(10, 0.85, 0.95, 1);
    const { ratings } = ratingsOf([farRight]);
    for (const p of [GAUSSIAN_CRH_PARAMS, GAUSSIAN_CRNH_PARAMS]) {
      const res = gaussianPass(ratings, 1, p, { keepCurves: true });
      expect(res.insufficient[0]).toBe(1);
      expect(res.score[0]).toBe(0);
      expect(res.curves!.every((c) => c === -1)).toBe(true);
    }
  });

  it('a kernel row that underflows (|x| far outside the grid) zeroes the CRH score, as in the reference', () => {
    const rs: [number, number][] = [...spread(30, -0.9, 0.9, 1), [6, 1]];
    const res = gaussianPass(ratingsOf([rs]).ratings, 1, GAUSSIAN_CRH_PARAMS);
    expect(res.score[0]).toBe(0);
    expect(gaussianPass(ratingsOf([rs]).ratings, 1, GAUSSIAN_CRNH_PARAMS).score[0]).toBeGreaterThan(0.25);
  });

  it('notes without ratings get NaN; counts are checked when given', () => {
    const { ratings } = ratingsOf([spread(5, -0.5, 0.5, 1)]);
    const res = gaussianPass(ratings, 3, GAUSSIAN_CRH_PARAMS, { noteCounts: Int32Array.from([5, 0, 0]) });
    expect(Number.isNaN(res.score[1])).toBe(true);
    expect(Array.from(res.count)).toEqual([5, 0, 0]);
    expect(() => gaussianPass(ratings, 3, GAUSSIAN_CRH_PARAMS, { noteCounts: Int32Array.from([4, 1, 0]) })).toThrow(
      /noteCounts\[0\]/,
    );
  });

  it('rejects bad input with a message naming it', () => {
    const good = ratingsOf([spread(5, -0.5, 0.5, 1)]).ratings;
    expect(() => gaussianPass({ ...good, y: Float64Array.from([1, 1, 0.7, 1, 1]) }, 1, GAUSSIAN_CRH_PARAMS)).toThrow(
      /y\[2\] = 0.7/,
    );
    expect(() => gaussianPass({ ...good, x: Float64Array.from([0, NaN, 0, 0, 0]) }, 1, GAUSSIAN_CRH_PARAMS)).toThrow(
      /x\[1\]/,
    );
    expect(() => gaussianPass(good, 0, GAUSSIAN_CRH_PARAMS)).toThrow(/note\[0\]/);
    expect(() => gaussianPass({ ...good, y: new Float64Array(2) }, 1, GAUSSIAN_CRH_PARAMS)).toThrow(/lengths/);
  });
});

describe('gaussianPass: against the literal §13.3 computation', () => {
  it('matches on random notes for both passes and the topic bandwidth', () => {
    const random = randomSeeded(7);
    const notes: [number, number][][] = [];
    for (let n = 0; n < 40; n++) {
      const k = 2 + Math.floor(random() * 40);
      const centre = random() * 1.2 - 0.6;
      notes.push(
        Array.from({ length: k }, (): [number, number] => {
          const x = Math.max(-1.3, Math.min(1.3, centre + (random() - 0.5) * 1.6));
          const u = random();
          return [x, u < 0.45 ? 1 : u < 0.6 ? 0.5 : 0];
        }),
      );
    }
    const { ratings, nNotes } = ratingsOf(notes);
    let sufficient = 0;
    for (const p of [GAUSSIAN_CRH_PARAMS, GAUSSIAN_CRNH_PARAMS, GAUSSIAN_CRH_TOPIC_PARAMS]) {
      const res = gaussianPass(ratings, nNotes, p, { keepCurves: true });
      const K = p.grid.length;
      notes.forEach((rs, n) => {
        const ref = naivePass(rs, p);
        expect(res.multiplier[n]).toBeCloseTo(ref.M, 10);
        expect(res.score[n]).toBeCloseTo(ref.score, 5);
        for (let j = 0; j < K; j++) expect(res.curves![n * K + j]).toBeCloseTo(ref.curve[j], 5);
        if (ref.score > 0) sufficient++;
      });
    }
    expect(sufficient).toBeGreaterThan(30);
  });
});

describe('gaussianPass: symmetry', () => {
  it('mirrored rater factors give the same scores, mirrored curves and negated g', () => {
    const random = randomSeeded(3);
    const notes: [number, number][][] = Array.from({ length: 12 }, () =>
      Array.from({ length: 25 }, (): [number, number] => [random() * 1.8 - 0.9, [0, 0.5, 1][Math.floor(random() * 3)]]),
    );
    const mirrored = notes.map((rs) => rs.map(([x, y]): [number, number] => [-x, y]));
    for (const p of [GAUSSIAN_CRH_PARAMS, GAUSSIAN_CRNH_PARAMS]) {
      const a = gaussianPass(ratingsOf(notes).ratings, 12, p, { keepCurves: true });
      const b = gaussianPass(ratingsOf(mirrored).ratings, 12, p, { keepCurves: true });
      const K = p.grid.length;
      for (let n = 0; n < 12; n++) {
        expect(b.score[n]).toBeCloseTo(a.score[n], 6);
        expect(b.gFactor[n]).toBeCloseTo(-a.gFactor[n], 12);
        for (let j = 0; j < K; j++) expect(b.curves![n * K + j]).toBeCloseTo(a.curves![n * K + (K - 1 - j)], 6);
      }
    }
  });
});
