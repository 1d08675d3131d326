import * as Plot from '@observablehq/plot';
import type { SimRunEvent } from '../../engine/engineTypes.ts';
import { statusColor, statusLabel } from '../palette.ts';
import type { ChartSpec } from './chartSpec.ts';
import { linesPlot } from './linesPlot.ts';

/**
 * Notes per status after each scoring run of a simulation (one line per status; failed runs marked by a dashed
 * rule). Takes the run events, the status names by code and the width.
 */
export function statusCountsPlot(runs: readonly SimRunEvent[], codes: readonly string[], width: number): ChartSpec {
  const failed = runs.filter((r) => r.error !== null).map((r) => ({ time: new Date(r.time), error: r.error }));
  const series = codes.map((code, c) => ({
    name: statusLabel(code),
    color: statusColor(code),
    points: runs.map((r) => [r.time, r.counts[c]] as const),
  }));
  const chart = linesPlot(series, {
    width,
    height: 260,
    time: true,
    xLabel: 'simulated time',
    yLabel: 'notes',
    under: [
      Plot.ruleX(failed, {
        x: 'time',
        stroke: '#999',
        strokeDasharray: '4,3',
        title: (d: { error: string }) => `scoring failed: ${d.error}`,
      }),
    ],
    tip: (d) => `${d.name}: ${d.y}\n${(d.x as Date).toISOString().slice(0, 16)}`,
  });
  const legend =
    failed.length > 0
      ? [...chart.legend, { label: 'failed scoring run', color: '#999', style: 'dashed' as const }]
      : chart.legend;
  return { plot: chart.plot, legend };
}
