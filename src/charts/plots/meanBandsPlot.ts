import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './chartSpec.ts';
import { linesPlot } from './linesPlot.ts';
import type { SeriesChartOptions } from './series.ts';

/** A curve of means with their 95 % confidence interval at each x (low / high NaN: no interval, e.g. one run). */
export interface MeanBand {
  name: string;
  points: readonly { x: number; mean: number; low: number; high: number; n: number }[];
}

const short = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)) : '–');

/**
 * Mean curves (e.g. a sweep's metric against a parameter, one curve per value of another) with each mean's
 * 95 % confidence interval as a shaded band and an error bar, and a tooltip per point (mean, interval, runs).
 */
export function meanBandsPlot(bands: readonly MeanBand[], o: SeriesChartOptions = {}): ChartSpec {
  const rows = bands.flatMap((b) => b.points.map((p) => ({ ...p, name: b.name })));
  const withCi = rows.filter((r) => Number.isFinite(r.low) && Number.isFinite(r.high));
  const spec = linesPlot(
    bands.map((b) => ({ name: b.name, points: b.points.map((p) => [p.x, p.mean] as const) })),
    {
      ...o,
      tip: (r) => {
        const p = rows.find((q) => q.name === r.name && q.x === r.x)!;
        return `${r.name ? `${r.name}\n` : ''}x = ${String(r.x)}\nmean ${short(p.mean)}, 95 % CI ${short(p.low)} to ${short(p.high)}\n${p.n} runs`;
      },
      under: [
        Plot.areaY(withCi, { x: 'x', y1: 'low', y2: 'high', z: 'name', fill: 'name', fillOpacity: 0.15 }),
        Plot.ruleX(withCi, { x: 'x', y1: 'low', y2: 'high', stroke: 'name', strokeOpacity: 0.6 }),
      ],
    },
  );
  // The y axis spans the intervals too (linesPlot's scale spans only the means), and zero.
  const ys = rows.flatMap((r) => [r.mean, r.low, r.high]).filter(Number.isFinite);
  const domain = [Math.min(0, ...ys), Math.max(0, ...ys)];
  if (domain[1] > domain[0]) spec.plot.y = { ...spec.plot.y, domain, nice: true };
  return spec;
}
