import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './chartSpec.ts';
import { seriesColors, seriesRows, yScale, type Series, type SeriesChartOptions } from './series.ts';

/** The points of each series as dots, one colour per series (points with a NaN coordinate are left out). */
export function scatterPlot(series: readonly Series[], o: SeriesChartOptions = {}): ChartSpec {
  const rows = seriesRows(series, o.time).filter((r) => Number.isFinite(+r.x) && Number.isFinite(r.y));
  const { color, legend } = seriesColors(series, () => 'swatch');
  return {
    plot: {
      width: o.width ?? 640,
      height: o.height ?? 300,
      marginLeft: 56,
      x: { label: o.xLabel ?? null, grid: true, ...(o.time ? { type: 'utc' as const } : {}) },
      y: yScale(series, o),
      color,
      marks: [Plot.dot(rows, { x: 'x', y: 'y', fill: 'name', r: 2.2, fillOpacity: 0.6 })],
    },
    legend,
  };
}
