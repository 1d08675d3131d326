import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './chartSpec.ts';
import { OKABE_ITO } from '../palette.ts';

/** One intercept estimate of a note and the bar it is judged against (NaN = none). */
export interface SafeguardValue {
  name: string;
  value: number;
  threshold: number;
}

/**
 * The note's core intercept and its safeguard re-fits (pseudo-rater bounds, without high-volume raters, without
 * correlated raters, population-sampled only), each with the threshold its rule applies. Missing values are
 * left out. Null when there is nothing to show.
 */
export function safeguardPlot(values: readonly SafeguardValue[], width: number): ChartSpec | null {
  const shown = values.filter((v) => Number.isFinite(v.value));
  if (shown.length === 0) return null;
  const thresholds = shown.filter((v) => Number.isFinite(v.threshold));
  return {
    plot: {
      width,
      height: 40 + 28 * shown.length,
      marginLeft: 200,
      x: { label: 'intercept →', grid: true },
      y: { domain: shown.map((v) => v.name), label: null },
      marks: [
        Plot.tickX(thresholds, {
          x: 'threshold',
          y: 'name',
          stroke: OKABE_ITO.vermillion,
          strokeWidth: 2,
          title: (d: SafeguardValue) => `threshold ${d.threshold}`,
        }),
        Plot.dot(shown, {
          x: 'value',
          y: 'name',
          fill: OKABE_ITO.blue,
          r: 5,
          tip: true,
          title: (d: SafeguardValue) => `${d.name}: ${d.value.toFixed(3)}`,
        }),
      ],
    },
    legend: [
      { label: 'estimate', color: OKABE_ITO.blue },
      { label: 'threshold', color: OKABE_ITO.vermillion, style: 'line' },
    ],
  };
}
