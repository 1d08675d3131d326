import * as Plot from '@observablehq/plot';
import { legendOf, type ChartSpec } from './chartSpec.ts';
import type { CoreThresholds } from '../../engine/engineTypes.ts';
import { OKABE_ITO, statusColorScale, statusLabel } from '../palette.ts';

/** One note in the (factor, intercept) plane. */
export interface PlaneNote {
  id: string;
  factor: number;
  intercept: number;
  status: string | null;
}

/**
 * Notes in the (factor, intercept) plane over the core thresholds' regions: Helpful where the intercept reaches
 * `crh` with a small factor, Not Helpful below `crnhIntercept + crnhFactorMultiplier·|factor|`. Notes without
 * parameters are left out. `selected` (a note id) is ringed.
 */
export function factorPlanePlot(
  notes: readonly PlaneNote[],
  t: CoreThresholds,
  width: number,
  selected: string | null = null,
): ChartSpec {
  const shown = notes.filter((n) => Number.isFinite(n.factor) && Number.isFinite(n.intercept));
  const maxF = Math.max(1, ...shown.map((n) => Math.abs(n.factor))) * 1.05;
  const yMax = Math.max(0.8, ...shown.map((n) => n.intercept)) + 0.05;
  const yMin = Math.min(-0.6, ...shown.map((n) => n.intercept)) - 0.05;
  const xs = Array.from({ length: 81 }, (_, i) => -maxF + (2 * maxF * i) / 80);
  const helpful = xs.filter((x) => Math.abs(x) <= t.factor).map((x) => ({ x, y1: t.crh, y2: yMax }));
  const notHelpful = xs.map((x) => ({
    x,
    y1: yMin,
    y2: Math.max(yMin, t.crnhIntercept + t.crnhFactorMultiplier * Math.abs(x)),
  }));
  const sel = shown.filter((n) => n.id === selected);
  return {
    plot: {
      width,
      height: Math.round(Math.min(480, width * 0.65)),
      marginLeft: 50,
      x: { label: 'note factor (polarisation) →', domain: [-maxF, maxF] },
      y: { label: '↑ note intercept (helpfulness beyond polarisation)', domain: [yMin, yMax], grid: true },
      color: statusColorScale(),
      marks: [
        Plot.areaY(helpful, { x: 'x', y1: 'y1', y2: 'y2', fill: OKABE_ITO.bluishGreen, fillOpacity: 0.12 }),
        Plot.areaY(notHelpful, { x: 'x', y1: 'y1', y2: 'y2', fill: OKABE_ITO.vermillion, fillOpacity: 0.12 }),
        Plot.text([{ x: 0, y: yMax - 0.03, t: 'Helpful region' }], {
          x: 'x',
          y: 'y',
          text: 't',
          fill: OKABE_ITO.bluishGreen,
          fontWeight: 'bold',
        }),
        Plot.text([{ x: 0, y: yMin + 0.04, t: 'Not Helpful region' }], {
          x: 'x',
          y: 'y',
          text: 't',
          fill: OKABE_ITO.vermillion,
          fontWeight: 'bold',
        }),
        Plot.ruleY([t.crh], { stroke: OKABE_ITO.bluishGreen, strokeDasharray: '3,3' }),
        Plot.ruleX([0], { stroke: '#ccc' }),
        Plot.dot(shown, {
          x: 'factor',
          y: 'intercept',
          fill: (d: PlaneNote) => statusLabel(d.status),
          stroke: 'white',
          strokeWidth: 0.5,
          r: shown.length > 2000 ? 2 : 4,
          tip: true,
          title: (d: PlaneNote) =>
            `note ${d.id}\n${statusLabel(d.status)}\nintercept ${d.intercept.toFixed(3)}, factor ${d.factor.toFixed(3)}`,
        }),
        Plot.dot(sel, { x: 'factor', y: 'intercept', r: 9, stroke: 'black', strokeWidth: 2 }),
      ],
    },
    legend: legendOf(statusColorScale()),
  };
}
