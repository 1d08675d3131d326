import type * as Plot from '@observablehq/plot';
import { OKABE_ITO } from '../palette.ts';
import type { LegendEntry } from './chartSpec.ts';

/** A named series of (x, y) points: a line, a group of dots. NaN y values leave a gap in a line. */
export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
  /** default: the next colour of SERIES_COLORS */
  color?: string;
  dashed?: boolean;
}

/** Axis labels and size shared by the series charts. */
export interface SeriesChartOptions {
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
  /** x values are epoch milliseconds, drawn on a UTC time axis */
  time?: boolean;
  /** the y axis reaches down to at least this value (default: 0) */
  yMin?: number;
  /** y values are shares, shown as percentages */
  percent?: boolean;
}

/** Colours given to series in order, Okabe–Ito (as every other chart). */
export const SERIES_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.yellow,
  OKABE_ITO.grey,
];

/** One row per point, as Plot marks read them: x, y, the series name and its index (z). */
export interface SeriesRow {
  x: number | Date;
  y: number;
  name: string;
  z: number;
}

export function seriesRows(series: readonly Series[], time = false): SeriesRow[] {
  return series.flatMap((s, z) => s.points.map(([x, y]) => ({ x: time ? new Date(x) : x, y, name: s.name, z })));
}

/** The colour scale over series names (a name repeated keeps its first colour) and the matching legend. */
export function seriesColors(
  series: readonly Series[],
  style: (s: Series) => LegendEntry['style'],
): {
  color: { domain: string[]; range: string[] };
  legend: LegendEntry[];
} {
  const seen = new Map<string, LegendEntry>();
  series.forEach((s, i) => {
    if (!seen.has(s.name))
      seen.set(s.name, { label: s.name, color: s.color ?? SERIES_COLORS[i % SERIES_COLORS.length], style: style(s) });
  });
  const legend = [...seen.values()];
  return { color: { domain: legend.map((l) => l.label), range: legend.map((l) => l.color) }, legend };
}

/**
 * The y scale: from zero, or with `yMin`, from min(yMin, lowest y) to the highest y; up to 1 (100 %) when no y is
 * above that start (all zero, say), rather than a degenerate axis.
 */
export function yScale(series: readonly Series[], o: SeriesChartOptions): Plot.ScaleOptions {
  const base = { label: o.yLabel ?? null, grid: true, percent: o.percent };
  const domain = yDomain(series, o.yMin ?? 0);
  if (domain === null) return { ...base, domain: [o.yMin ?? 0, o.percent ? 100 : 1] };
  return o.yMin === undefined ? { ...base, zero: true } : { ...base, domain, nice: true };
}

function yDomain(series: readonly Series[], yMin: number): [number, number] | null {
  let lo = yMin;
  let hi = -Infinity;
  for (const s of series)
    for (const [, y] of s.points)
      if (Number.isFinite(y)) {
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
  return hi > lo ? [lo, hi] : null;
}
