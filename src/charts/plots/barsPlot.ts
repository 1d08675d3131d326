import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './chartSpec.ts';
import { seriesColors } from './series.ts';

/** A group of bar values, one per label (NaN: no bar). */
export interface BarGroup {
  name: string;
  values: readonly number[];
}

export interface BarsOptions {
  xLabel?: string;
  width?: number;
}

/** A value in a few characters: whole numbers as such, others to two significant digits. */
export const shortNumber = (x: number): string =>
  Math.abs(x) >= 1000 || Number.isInteger(x) ? String(Math.round(x)) : x.toPrecision(2);

const BAR = 14;

/**
 * Horizontal bars, one row per label; several groups become side-by-side bars within the row (one colour per
 * group). Each bar is labelled with its value.
 */
export function barsPlot(labels: readonly string[], groups: readonly BarGroup[], o: BarsOptions = {}): ChartSpec {
  const rows = labels.flatMap((label, i) =>
    groups.flatMap((g) => (Number.isFinite(g.values[i]) ? [{ label, group: g.name, value: g.values[i] }] : [])),
  );
  const { color, legend } = seriesColors(
    groups.map((g) => ({ name: g.name, points: [] })),
    () => 'swatch',
  );
  const top = Math.max(0, ...rows.map((r) => r.value));
  const bottom = Math.min(0, ...rows.map((r) => r.value));
  const marginLeft = Math.min(340, 16 + 7 * Math.max(1, ...labels.map((l) => l.length)));
  return {
    plot: {
      width: o.width ?? 640,
      height: 30 + 20 + labels.length * (BAR * groups.length + 6),
      marginLeft,
      marginRight: 40,
      x: { label: o.xLabel ?? null, grid: true, domain: [bottom, top > bottom ? top : 1], nice: true },
      y: { axis: null, domain: groups.map((g) => g.name), paddingInner: 0.1 },
      fy: { label: null, domain: [...labels], padding: 0.15 },
      color,
      marks: [
        Plot.barX(rows, { x: 'value', y: 'group', fy: 'label', fill: 'group' }),
        Plot.text(rows, {
          x: 'value',
          y: 'group',
          fy: 'label',
          text: (d: { value: number }) => shortNumber(d.value),
          textAnchor: 'start',
          dx: 4,
        }),
        Plot.ruleX([0], { stroke: '#999' }),
      ],
    },
    legend: groups.length > 1 ? legend : [],
  };
}
