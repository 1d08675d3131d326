import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './chartSpec.ts';
import { seriesColors, seriesRows, yScale, type Series, type SeriesChartOptions, type SeriesRow } from './series.ts';

export interface LinesOptions extends SeriesChartOptions {
  /** also mark each point with a dot whose tooltip is this text */
  tip?: (row: SeriesRow) => string;
  /** marks drawn under the lines (e.g. reference rules) */
  under?: Plot.Markish[];
}

/** A line through each series' points, dashed where the series says so (NaN y values break the line). */
export function linesPlot(series: readonly Series[], o: LinesOptions = {}): ChartSpec {
  const rows = seriesRows(series, o.time);
  const dashed = new Set(series.flatMap((s, z) => (s.dashed ? [z] : [])));
  const { color, legend } = seriesColors(series, (s) => (s.dashed ? 'dashed' : 'line'));
  const line = (keep: (r: SeriesRow) => boolean, extra: Plot.LineYOptions) =>
    Plot.lineY(rows.filter(keep), { x: 'x', y: 'y', z: 'z', stroke: 'name', strokeWidth: 1.8, ...extra });
  return {
    plot: {
      width: o.width ?? 640,
      height: o.height ?? 300,
      marginLeft: 56,
      x: { label: o.xLabel ?? null, ...(o.time ? { type: 'utc' as const } : {}) },
      y: yScale(series, o),
      color,
      marks: [
        ...(o.under ?? []),
        line((r) => !dashed.has(r.z), {}),
        line((r) => dashed.has(r.z), { strokeDasharray: '5,3' }),
        ...(o.tip ? [Plot.dot(rows, { x: 'x', y: 'y', fill: 'name', r: 2.5, tip: true, title: o.tip })] : []),
      ],
    },
    legend,
  };
}
