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
  const rows = groups.flatMap((g) =>
    g.values.filter((v) => Number.isFinite(v)).map((value) => ({ value, group: g.name })),
  );
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.value);
    hi = Math.max(hi, r.value);
  }
  if (!(hi > lo)) [lo, hi] = rows.length > 0 ? [lo, lo + 1] : [0, 1];
  const step = (hi - lo) / bins;
  const thresholds = Array.from({ length: bins - 1 }, (_, i) => lo + (i + 1) * step);
  const { color, legend } = seriesColors(
    groups.map((g) => ({ name: g.name, points: [] })),
    () => 'swatch',
  );
  return {
    plot: {
      width: o.width ?? 640,
      height: o.height ?? 300,
      marginLeft: 56,
      x: { label: o.xLabel ?? null, domain: [lo, hi] },
      y: { label: o.yLabel ?? 'count', grid: true, zero: true },
      color,
      marks: [
        Plot.rectY(
          rows,
          Plot.binX<Plot.RectYOptions>(
            { y2: 'count' },
            {
              x: 'value',
              fill: 'group',
              thresholds,
              domain: [lo, hi],
              fillOpacity: groups.length > 1 ? 0.55 : 0.85,
              inset: 0.5,
            },
          ),
        ),
        Plot.ruleY([0]),
      ],
    },
    legend,
  };
}
