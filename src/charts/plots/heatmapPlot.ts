import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './chartSpec.ts';

/** One cell of a heat map: its column (x) and row (y) values and the value its colour shows (NaN: blank cell). */
export interface HeatCell {
  x: number;
  y: number;
  value: number;
}

export interface HeatmapOptions {
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
  /** values are shares, labelled as percentages */
  percent?: boolean;
  /** the colour scale's domain (default: the values' range) */
  domain?: readonly [number, number];
}

const label = (v: number, percent: boolean): string =>
  Number.isNaN(v) ? '' : percent ? `${Math.round(v * 100)} %` : v.toPrecision(2);

/**
 * A grid of cells over two parameters (e.g. a sweep's share × frequency), coloured by value on a sequential,
 * colour-vision-safe scale (viridis) and labelled with the value, so the chart reads without a colour legend.
 */
export function heatmapPlot(cells: readonly HeatCell[], o: HeatmapOptions = {}): ChartSpec {
  const finite = cells.filter((c) => Number.isFinite(c.value));
  const percent = o.percent ?? false;
  const values = finite.map((c) => c.value);
  const domain = o.domain ?? [Math.min(...values), Math.max(...values)];
  const mid = (domain[0] + domain[1]) / 2;
  const fmt = (v: number) => (percent ? `${Math.round(v * 100)} %` : String(v));
  return {
    plot: {
      width: o.width ?? 640,
      height: o.height ?? 320,
      marginLeft: 64,
      marginBottom: 44,
      x: { type: 'band', label: o.xLabel ?? null, tickFormat: (v: number) => fmt(v) },
      y: { type: 'band', label: o.yLabel ?? null, tickFormat: (v: number) => fmt(v), reverse: true },
      color: { type: 'linear', scheme: 'viridis', domain: [...domain] },
      marks: [
        Plot.cell(finite, { x: 'x', y: 'y', fill: 'value', inset: 0.5 }),
        Plot.text(finite, {
          x: 'x',
          y: 'y',
          text: (c: HeatCell) => label(c.value, percent),
          fill: (c: HeatCell) => (c.value > mid ? 'black' : 'white'),
          fontSize: 11,
        }),
      ],
    },
    legend: [],
  };
}
