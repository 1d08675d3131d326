import * as Plot from '@observablehq/plot';
import { legendOf, type ChartSpec } from './chartSpec.ts';
import type { NoteRatings } from '../../engine/engineTypes.ts';
import { VERDICT_COLORS, VERDICT_LABELS } from '../palette.ts';

/**
 * One note's ratings: each rating a dot at its rater's factor, one row per verdict (dots stacked where they
 * crowd). Raters without a fitted factor are counted in the caption instead. Null when there is nothing to draw.
 */
export function noteRatingsPlot(r: NoteRatings, width: number): ChartSpec | null {
  const rows = Array.from({ length: r.length }, (_, i) => ({
    factor: r.raterFactor[i],
    verdict: VERDICT_LABELS[r.helpful2[i]] ?? 'unknown',
    rater: r.raterId[i],
  })).filter((d) => Number.isFinite(d.factor));
  if (rows.length === 0) return null;
  return {
    plot: {
      width,
      height: 240,
      marginLeft: 120,
      x: { label: 'rater factor →', grid: true },
      fy: { domain: [...VERDICT_LABELS].reverse(), label: null },
      color: { domain: [...VERDICT_LABELS], range: [...VERDICT_COLORS] },
      marks: [
        Plot.ruleX([0], { stroke: '#ccc' }),
        Plot.dot(
          rows,
          Plot.dodgeY({
            x: 'factor',
            fy: 'verdict',
            fill: 'verdict',
            stroke: '#333',
            strokeWidth: 0.3,
            r: 3.5,
            title: (d: { rater: string; factor: number }) => `rater ${d.rater}\nfactor ${d.factor.toFixed(3)}`,
          }),
        ),
      ],
    },
    legend: legendOf({ domain: VERDICT_LABELS, range: VERDICT_COLORS }),
  };
}
