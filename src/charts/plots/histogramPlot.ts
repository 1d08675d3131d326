import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './chartSpec.ts';
import { seriesColors } from './series.ts';

/** The values of one histogram group (NaN and infinities are ignored). */
export interface HistogramGroup {
  name: string;
  values: readonly number[];
}

export interface HistogramOptions {
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
}

/**
 * Histogram of each group's values over `bins` equal bins spanning all groups' values (the highest value falls in
 * the last bin); groups overlap, translucent, rather than stack.
 */
export function histogramPlot(groups: readonly HistogramGroup[], bins: number, o: HistogramOptions = {}): ChartSpec {
  const finite = groups.map((g) => g.values.filter((v) => Number.isFinite(v)));
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of finite)
    for (const v of values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  const step = (hi - lo) / bins || 1;
  const rows = groups.flatMap((g, k) => {
    const counts = new Array<number>(bins).fill(0);
    for (const v of finite[k]) counts[Math.min(bins - 1, Math.floor((v - lo) / step))]++;
    return counts.flatMap((count, b) =>
      count > 0 ? [{ x1: lo + b * step, x2: lo + (b + 1) * step, count, group: g.name }] : [],
    );
  });
  const { color, legend } = seriesColors(
    groups.map((g) => ({ name: g.name, points: [] })),
    () => 'swatch',
  );
  return {
    plot: {
      width: o.width ?? 640,
      height: o.height ?? 300,
      marginLeft: 56,
      x: { label: o.xLabel ?? null },
      y: { label: o.yLabel ?? 'count', grid: true, zero: true },
      color,
      marks: [
        Plot.rect(rows, {
          x1: 'x1',
          x2: 'x2',
          y1: 0,
          y2: 'count',
          fill: 'group',
          fillOpacity: groups.length > 1 ? 0.55 : 0.85,
          inset: 0.5,
        }),
        Plot.ruleY([0]),
      ],
    },
    legend,
  };
}
