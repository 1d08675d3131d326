import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validateScenario.ts';
import { canonicalJson } from './canonicalJson.ts';
import { expandSweep, sweepRuns, variedPaths } from './expandSweep.ts';
import { meanInterval } from './meanInterval.ts';
import { valueAtPath, withPath } from './scenarioPath.ts';
import { studentTQuantile } from './studentT.ts';
import { runRow, runsHeader, summaryColumns } from './sweepTable.ts';
import { SweepError, validateSweep } from './validateSweep.ts';

const base = { name: 'tiny', world: { raters: 12, notes: 14, ratings: 100 }, time: { days: 1, scoringEveryHours: 12 } };
const sweep = (extra: Record<string, unknown>) => ({
  base: 'classroom',
  vary: [{ path: 'world.raters', values: [10, 12] }],
  seeds: [1, 2],
  metrics: ['main.notes'],
  ...extra,
});

/** The field path of the SweepError thrown by `f`. */
function errorPath(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(SweepError);
    return (err as SweepError).path;
  }
  throw new Error('expected a SweepError');
}

describe('validateSweep', () => {
  it('names the bad field', () => {
    expect(errorPath(() => validateSweep([]))).toBe('sweep');
    expect(errorPath(() => validateSweep(sweep({ bogus: 1 })))).toBe('sweep.bogus');
    expect(errorPath(() => validateSweep(sweep({ base: 3 })))).toBe('sweep.base');
    expect(errorPath(() => validateSweep(sweep({ vary: {} })))).toBe('sweep.vary');
    expect(errorPath(() => validateSweep(sweep({ vary: [{ path: 'world..raters', values: [1] }] })))).toBe(
      'sweep.vary[0].path',
    );
    expect(errorPath(() => validateSweep(sweep({ vary: [{ path: 'seed', values: [1] }] })))).toBe('sweep.vary[0].path');
    expect(errorPath(() => validateSweep(sweep({ vary: [{ path: 'world.raters' }] })))).toBe('sweep.vary[0]');
    expect(errorPath(() => validateSweep(sweep({ vary: [{ path: 'world.raters', values: [] }] })))).toBe(
      'sweep.vary[0].values',
    );
    expect(errorPath(() => validateSweep(sweep({ vary: [{ path: 'a.b', values: [1, null] }] })))).toBe(
      'sweep.vary[0].values[1]',
    );
    expect(errorPath(() => validateSweep(sweep({ vary: [{ path: 'a.b', range: { from: 0, to: 1, step: 0 } }] })))).toBe(
      'sweep.vary[0].range.step',
    );
    expect(
      errorPath(() => validateSweep(sweep({ vary: [{ path: 'a.b', range: { from: 0, to: 1, step: 1e-9 } }] }))),
    ).toBe('sweep.vary[0].range.step');
    expect(errorPath(() => validateSweep(sweep({ vary: [{ path: 'a.b', range: { from: 2, to: 1, step: 1 } }] })))).toBe(
      'sweep.vary[0].range.to',
    );
    expect(
      errorPath(() =>
        validateSweep(
          sweep({
            vary: [
              {
                zip: [
                  { path: 'a.b', values: [1, 2] },
                  { path: 'a.c', values: [1] },
                ],
              },
            ],
          }),
        ),
      ),
    ).toBe('sweep.vary[0].zip[1]');
    expect(
      errorPath(() =>
        validateSweep(
          sweep({
            vary: [
              { path: 'a.b', values: [1] },
              { path: 'a.b', values: [2] },
            ],
          }),
        ),
      ),
    ).toBe('sweep.vary[1]');
    expect(errorPath(() => validateSweep(sweep({ seeds: [] })))).toBe('sweep.seeds');
    expect(errorPath(() => validateSweep(sweep({ seeds: [1, -1] })))).toBe('sweep.seeds[1]');
    expect(errorPath(() => validateSweep(sweep({ seeds: [3, 3] })))).toBe('sweep.seeds[1]');
    expect(errorPath(() => validateSweep(sweep({ seeds: { count: 0 } })))).toBe('sweep.seeds.count');
    expect(errorPath(() => validateSweep(sweep({ metrics: [] })))).toBe('sweep.metrics');
    expect(errorPath(() => validateSweep(sweep({ metrics: ['main..x'] })))).toBe('sweep.metrics[0]');
    expect(errorPath(() => validateSweep(sweep({ set: { 'world.raters': 3 } })))).toBe('sweep.vary[0]');
  });

  it('reads seeds as a list or a count, ranges inclusive of `to`', () => {
    expect(validateSweep(sweep({ seeds: { count: 3, from: 7 } })).seeds).toEqual([7, 8, 9]);
    expect(validateSweep(sweep({ seeds: { count: 2 } })).seeds).toEqual([1, 2]);
    const spec = validateSweep(
      sweep({ vary: [{ path: 'adversaries[0].share', range: { from: 0, to: 0.25, step: 0.05 } }] }),
    );
    expect(spec.axes[0].values.map((v) => v[0])).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25]);
  });
});

describe('expandSweep', () => {
  it('crosses the axes as a grid (last fastest), zips paths, applies set first', () => {
    const spec = validateSweep({
      base: 'x',
      set: { 'time.days': 2 },
      vary: [
        { path: 'world.ratings', values: [40, 50] },
        {
          zip: [
            { path: 'world.raters', values: [10, 20, 30] },
            { path: 'world.notes', range: { from: 5, to: 7, step: 1 } },
          ],
        },
      ],
      seeds: { count: 2 },
      metrics: ['main.notes'],
    });
    const cells = expandSweep(spec, base);
    expect(variedPaths(spec)).toEqual(['world.ratings', 'world.raters', 'world.notes']);
    expect(cells.map((c) => c.params.map((p) => p.value))).toEqual([
      [40, 10, 5],
      [40, 20, 6],
      [40, 30, 7],
      [50, 10, 5],
      [50, 20, 6],
      [50, 30, 7],
    ]);
    expect(cells[4].scenario.world.raters).toBe(20);
    expect(cells[4].scenario.time.days).toBe(2);
    expect(cells[4].scenario.world.activitySigma).toBe(validateScenario(base).world.activitySigma);
    const runs = sweepRuns(cells, spec.seeds);
    expect(runs.map((r) => [r.cell.index, r.seed])).toEqual(
      cells.flatMap((c) => [
        [c.index, 1],
        [c.index, 2],
      ]),
    );
    expect(runs[3].scenario.seed).toBe(2);
  });

  it('validates every cell before any run, naming the cell and the field', () => {
    const spec = validateSweep(sweep({ vary: [{ path: 'world.raters', values: [12, -3] }] }));
    const path = errorPath(() => expandSweep(spec, base));
    expect(path).toBe('cells[1] {world.raters: -3}: scenario.world.raters');
    const bad = validateSweep(sweep({ vary: [{ path: 'adversaries[0].share', values: [0.1] }] }));
    expect(errorPath(() => expandSweep(bad, base))).toMatch(/^cells\[0\] .*: adversaries\[0\]\.share$/);
  });
});

describe('helpers', () => {
  it('canonicalJson sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('withPath copies and sets, list entries included; valueAtPath reads', () => {
    const o = { adversaries: [{ share: 0.1 }], world: {} };
    const p = withPath(o, 'adversaries[0].share', 0.2);
    expect(o.adversaries[0].share).toBe(0.1);
    expect(valueAtPath(p, 'adversaries[0].share')).toBe(0.2);
    expect(valueAtPath(withPath(o, 'world.x.y', 3), 'world.x.y')).toBe(3);
    expect(() => withPath(o, 'adversaries[2].share', 1)).toThrow(/no entry \[2\]/);
  });

  it('t quantiles match the tables', () => {
    for (const [dof, t] of [
      [1, 12.7062047],
      [2, 4.30265273],
      [4, 2.77644511],
      [9, 2.26215716],
      [30, 2.04227246],
      [1000, 1.96233908],
    ])
      expect(studentTQuantile(0.975, dof)).toBeCloseTo(t, 6);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.77644511, 6);
  });

  it('meanInterval: t interval, NaN left out, none for n < 2', () => {
    const m = meanInterval([1, 2, 3, NaN]);
    expect(m.n).toBe(3);
    expect(m.mean).toBe(2);
    expect(m.high - m.mean).toBeCloseTo(4.30265273 / Math.sqrt(3), 7);
    expect(Number.isNaN(meanInterval([5]).low)).toBe(true);
  });

  it('runRow picks metrics (empty for null or an absent last key), refuses a path cut short', () => {
    const spec = validateSweep(sweep({ metrics: ['main.notes', 'main.mean', 'main.byKind.X'] }));
    const cells = expandSweep(spec, base);
    const row = runRow(spec, cells[1], 2, 'k', { main: { notes: 14, mean: null, byKind: {} } }, 12.4);
    expect(runsHeader(spec)).toEqual([
      'world.raters',
      'seed',
      'run_key',
      'main.notes',
      'main.mean',
      'main.byKind.X',
      'wall_ms',
    ]);
    expect(row).toEqual(['12', '2', 'k', '14', '', '', '12']);
    const typo = validateSweep(sweep({ metrics: ['mian.notes.x'] }));
    expect(errorPath(() => runRow(typo, cells[0], 1, 'k', { main: {} }, 1))).toBe('sweep.metrics[0]');
  });

  it('summaryColumns: a row per cell with mean and interval per metric', () => {
    const spec = validateSweep(sweep({}));
    const cells = expandSweep(spec, base);
    const rows = [
      ['10', '1', 'a', '4', '1'],
      ['10', '2', 'b', '6', '1'],
      ['12', '1', 'c', '5', '1'],
    ];
    const cols = summaryColumns(spec, cells, rows);
    expect(cols.map((c) => c.name)).toEqual([
      'world.raters',
      'runs',
      'main.notes.mean',
      'main.notes.ci95_low',
      'main.notes.ci95_high',
    ]);
    const values = (name: string) =>
      Array.from((cols.find((c) => c.name === name) as { values: ArrayLike<number> }).values);
    expect(values('runs')).toEqual([2, 1]);
    expect(values('main.notes.mean')).toEqual([5, 5]);
    expect(values('main.notes.ci95_high')[0]).toBeCloseTo(5 + (12.7062047 * Math.SQRT2) / Math.SQRT2, 5);
    expect(Number.isNaN(values('main.notes.ci95_low')[1])).toBe(true);
  });
});
