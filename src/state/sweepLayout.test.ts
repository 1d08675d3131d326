import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parquetTextTable, readOutputTable, type TextTable } from '../../sim/index.ts';
import { meanCurves, meanGrid } from './sweepCells.ts';
import { sweepAxes, sweepLayout } from './sweepLayout.ts';
import { noSweepsView } from './sweepsView.ts';
import { decodeState, defaultState, encodeState } from './urlCodec.ts';

const dir = join(import.meta.dirname, '..', '..', 'datasets', 'sweeps', 'examples', 'classroom-grid');
const bytes = (name: string) => {
  const b = readFileSync(join(dir, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};
const parquet = (name: string) => parquetTextTable(name, bytes(name), []);
const METRICS = ['main.ratings', 'main.helpfulVsTruth.all.shown', 'main.helpfulVsTruth.all.recall', 'main.flips.total'];

describe('Sweeps page view model', () => {
  it('finds the varied parameters and the metrics from the columns of the bundled example', async () => {
    const runs = await parquet('runs.parquet');
    const layout = sweepLayout(runs);
    expect(layout.params).toEqual([
      { name: 'world.ratings', numeric: true, values: ['120', '150'] },
      { name: 'world.authorFraction', numeric: true, values: ['0.25', '0.5', '0.75'] },
    ]);
    expect(layout.metrics).toEqual(METRICS);
    // runs.tsv gives the same layout
    const tsv = readOutputTable('runs.tsv', readFileSync(join(dir, 'runs.tsv'), 'utf8'), []);
    expect(sweepLayout(tsv)).toEqual(layout);
  });

  it('refuses a table that is not a sweep’s runs, naming the file', async () => {
    const summary = await parquet('summary.parquet');
    expect(() => sweepLayout(summary)).toThrow(/summary\.parquet.*no seed column/);
  });

  it('means and intervals over both parameters are the summary’s cells; over one they pool the other', async () => {
    const runs = await parquet('runs.parquet');
    const summary: TextTable = await parquet('summary.parquet');
    const col = (name: string) => summary.columns.get(name)!.map((v) => (v === null ? NaN : Number(v)));
    const [ratings, share] = [col('world.ratings'), col('world.authorFraction')];
    for (const metric of METRICS) {
      const [mean, low, high] = [col(`${metric}.mean`), col(`${metric}.ci95_low`), col(`${metric}.ci95_high`)];
      const grid = meanGrid(runs, metric, 'world.ratings', 'world.authorFraction');
      expect(grid).toHaveLength(summary.length);
      for (let i = 0; i < summary.length; i++) {
        const cell = grid.find((c) => c.x === ratings[i] && c.y === share[i])!;
        expect(cell.n).toBe(2);
        expect(cell.mean).toBeCloseTo(mean[i], 6);
        expect(cell.low).toBeCloseTo(low[i], 6);
        expect(cell.high).toBeCloseTo(high[i], 6);
      }
      const curves = meanCurves(runs, metric, 'world.authorFraction', 'world.ratings');
      expect(curves.map((c) => c.group)).toEqual(['120', '150']);
      expect(curves[1].points.map((p) => p.x)).toEqual([0.25, 0.5, 0.75]);
    }
    const pooled = meanCurves(runs, 'main.ratings', 'world.ratings', null);
    expect(pooled).toHaveLength(1);
    expect(pooled[0].points.map((p) => [p.x, p.n])).toEqual([
      [120, 6],
      [150, 6],
    ]);
    const values = runs.columns.get('main.ratings')!.filter((_, r) => runs.columns.get('world.ratings')![r] === '150');
    expect(pooled[0].points[1].mean).toBeCloseTo(values.reduce((s, v) => s + Number(v), 0) / 6, 9);
  });

  it('resolves the view against the table: defaults, unknown names, heat map only over two numeric parameters', async () => {
    const layout = sweepLayout(await parquet('runs.parquet'));
    expect(sweepAxes(layout, noSweepsView())).toEqual({
      metric: 'main.ratings',
      x: 'world.ratings',
      by: null,
      chart: 'lines',
      notes: [],
    });
    const two = sweepAxes(layout, {
      ...noSweepsView(),
      metric: 'main.flips.total',
      x: 'world.authorFraction',
      by: 'world.ratings',
    });
    expect(two).toMatchObject({
      metric: 'main.flips.total',
      x: 'world.authorFraction',
      by: 'world.ratings',
      chart: 'heat',
    });
    expect(
      sweepAxes(layout, { ...noSweepsView(), by: 'world.ratings', x: 'world.authorFraction', chart: 'lines' }).chart,
    ).toBe('lines');
    const unknown = sweepAxes(layout, { ...noSweepsView(), metric: 'main.nope', x: 'world.nope', by: 'world.ratings' });
    expect(unknown.metric).toBe('main.ratings');
    expect(unknown.x).toBe('world.ratings');
    expect(unknown.by).toBeNull(); // the same as x
    expect(unknown.notes).toEqual([
      'metric main.nope is not in this sweep; showing main.ratings',
      'parameter world.nope is not in this sweep; showing world.ratings',
    ]);
  });

  it('keeps the bundled example and the chart choices in the URL', () => {
    const state = defaultState();
    state.page = 'sweeps';
    state.sweeps = {
      example: 'classroom-grid',
      metric: 'main.flips.total',
      x: 'world.authorFraction',
      by: 'world.ratings',
      chart: 'lines',
    };
    const search = encodeState(state);
    expect(search).toBe(
      'page=sweeps&sweep=classroom-grid&sweepMetric=main.flips.total&sweepX=world.authorFraction&sweepBy=world.ratings&sweepChart=lines',
    );
    const { state: back, errors } = decodeState(search);
    expect(errors).toEqual([]);
    expect(back.page).toBe('sweeps');
    expect(back.sweeps).toEqual(state.sweeps);
    const bad = decodeState('page=sweeps&sweep=nope&sweepChart=pie');
    expect(bad.state.sweeps.example).toBeNull();
    expect(bad.errors).toEqual([
      'sweep=nope: unknown bundled sweep (known: classroom-grid)',
      'sweepChart=pie: expected heat or lines',
    ]);
  });
});
