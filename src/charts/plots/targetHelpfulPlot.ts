import type { TargetHelpfulSeries } from '../../engine/engineTypes.ts';
import { OKABE_ITO } from '../palette.ts';
import type { ChartSpec } from './chartSpec.ts';
import { linesPlot } from './linesPlot.ts';
import type { Series } from './series.ts';

/** One line of the chart: a run's series (the engine's TargetHelpfulSeries) under a short name and a colour. */
export interface TargetHelpfulLine {
  /** e.g. 'A' or 'B' */
  name: string;
  series: TargetHelpfulSeries;
  color: string;
}

/** Colours of the two sides of the Robustness page. */
export const SIDE_COLORS = { A: OKABE_ITO.blue, B: OKABE_ITO.orange } as const;

/**
 * The share of the attack's target notes shown as Helpful after each scoring run: a solid line per side with the
 * attack, a dashed one for the same world without it. Takes the sides and the width; null when no side has a point.
 */
export function targetHelpfulPlot(lines: readonly TargetHelpfulLine[], width: number): ChartSpec | null {
  const series: Series[] = lines.flatMap((l) => {
    const points = (values: Float64Array) =>
      Array.from(l.series.time, (t, k) => [t, values[k]] as const).filter(([, v]) => !Number.isNaN(v));
    return [
      { name: `${l.name} with the attack`, color: l.color, points: points(l.series.withAttack) },
      { name: `${l.name} without the attack`, color: l.color, dashed: true, points: points(l.series.without) },
    ];
  });
  if (series.every((s) => s.points.length === 0)) return null;
  return linesPlot(series, {
    width,
    height: 260,
    time: true,
    percent: true,
    xLabel: 'simulated time',
    yLabel: '% of target notes Helpful',
    tip: (d) => `${d.name}: ${(100 * d.y).toFixed(1)}% Helpful\n${(d.x as Date).toISOString().slice(0, 16)}`,
  });
}
