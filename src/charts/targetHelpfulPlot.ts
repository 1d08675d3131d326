import * as Plot from '@observablehq/plot';
import type { TargetHelpfulSeries } from '../engine/engineTypes.ts';
import { OKABE_ITO } from './palette.ts';

/** One line of the chart: a run's series (the engine's TargetHelpfulSeries) under a short name and a colour. */
export interface TargetHelpfulLine {
  /** e.g. 'A' or 'B' */
  name: string;
  series: TargetHelpfulSeries;
  color: string;
}

/** Colours of the two sides of the Robustness page. */
export const SIDE_COLORS = { A: OKABE_ITO.blue, B: OKABE_ITO.orange } as const;

interface Point {
  time: Date;
  share: number;
  line: string;
}

/**
 * The share of the attack's target notes shown as Helpful after each scoring run: a solid line per side with the
 * attack, a dashed one for the same world without it. Takes the sides and the width; returns the Plot figure, or
 * null when no side has a point.
 */
export function targetHelpfulPlot(lines: readonly TargetHelpfulLine[], width: number): Element | null {
  const points = (pick: (s: TargetHelpfulSeries) => Float64Array, suffix: string): Point[] =>
    lines.flatMap((l) => {
      const values = pick(l.series);
      const out: Point[] = [];
      for (let k = 0; k < l.series.time.length; k++) {
        if (!Number.isNaN(values[k])) out.push({ time: new Date(l.series.time[k]), share: values[k], line: `${l.name} ${suffix}` });
      }
      return out;
    });
  const withAttack = points((s) => s.withAttack, 'with the attack');
  const without = points((s) => s.without, 'without the attack');
  if (withAttack.length + without.length === 0) return null;
  const color = {
    domain: lines.flatMap((l) => [`${l.name} with the attack`, `${l.name} without the attack`]),
    range: lines.flatMap((l) => [l.color, l.color]),
  };
  const title = (d: Point) => `${d.line}: ${(100 * d.share).toFixed(1)}% Helpful\n${d.time.toISOString().slice(0, 16)}`;
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 50,
    x: { type: 'time', label: 'simulated time' },
    y: { grid: true, label: '% of target notes Helpful', percent: true, zero: true },
    color,
    marks: [
      Plot.lineY(without, { x: 'time', y: 'share', z: 'line', stroke: 'line', strokeWidth: 2, strokeDasharray: '5,4' }),
      Plot.lineY(withAttack, { x: 'time', y: 'share', z: 'line', stroke: 'line', strokeWidth: 2 }),
      Plot.dot([...withAttack, ...without], { x: 'time', y: 'share', fill: 'line', r: 2.5, tip: true, title }),
    ],
  });
}
