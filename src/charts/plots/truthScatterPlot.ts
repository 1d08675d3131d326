import * as Plot from '@observablehq/plot';
import { legendOf, type ChartSpec } from './chartSpec.ts';
import { OKABE_ITO } from '../palette.ts';

/** A point of a fitted-vs-true scatter. */
export interface TruthPoint {
  id: string;
  fitted: number;
  truth: number;
  /** colour group label */
  group: string;
}

/**
 * Fitted factor (x) against the world's true position (y): raters' perspective or notes' slant. Points without a
 * fitted value are left out. `groups` gives the colour of each group label.
 */
export function truthScatterPlot(
  points: readonly TruthPoint[],
  labels: { x: string; y: string },
  groups: Readonly<Record<string, string>>,
  width: number,
): ChartSpec {
  const shown = points.filter((p) => Number.isFinite(p.fitted) && Number.isFinite(p.truth));
  return {
    plot: {
      width,
      height: Math.round(Math.min(420, width * 0.6)),
      marginLeft: 50,
      x: { label: labels.x, grid: true },
      y: { label: labels.y, grid: true },
      color: { domain: Object.keys(groups), range: Object.values(groups) },
      marks: [
        Plot.ruleX([0], { stroke: '#ccc' }),
        Plot.ruleY([0], { stroke: '#ccc' }),
        Plot.dot(shown, {
          x: 'fitted',
          y: 'truth',
          fill: 'group',
          r: shown.length > 3000 ? 1.5 : 2.5,
          fillOpacity: 0.7,
          title: (d: TruthPoint) => `${d.id}\nfitted ${d.fitted.toFixed(3)}, true ${d.truth.toFixed(3)}`,
        }),
      ],
    },
    legend: legendOf({ domain: Object.keys(groups), range: Object.values(groups) }),
  };
}

/** Colours of participant roles and note writer kinds. */
export const ROLE_COLORS = { organic: OKABE_ITO.blue, 'AI writer': OKABE_ITO.orange, adversary: OKABE_ITO.vermillion };
