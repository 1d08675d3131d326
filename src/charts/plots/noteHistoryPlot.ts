import * as Plot from '@observablehq/plot';
import { legendOf, type ChartSpec } from './chartSpec.ts';
import type { CoreThresholds, NoteHistory } from '../../engine/engineTypes.ts';
import { OKABE_ITO, statusColorScale, statusLabel } from '../palette.ts';

/**
 * A note's core intercept at each scoring run (line) with its final status at that run (dot colour), and the
 * Helpful threshold. Null when the note was never scored.
 */
export function noteHistoryPlot(
  h: NoteHistory,
  codes: readonly string[],
  t: CoreThresholds,
  width: number,
): ChartSpec | null {
  if (h.time.length === 0) return null;
  const rows = Array.from(h.time, (time, i) => ({
    time: new Date(time),
    intercept: h.intercept[i],
    status: statusLabel(codes[h.status[i]]),
  }));
  return {
    plot: {
      width,
      height: 220,
      marginLeft: 50,
      x: { type: 'utc', label: 'simulated time' },
      y: { label: 'core intercept', grid: true },
      color: statusColorScale(),
      marks: [
        Plot.ruleY([t.crh], { stroke: OKABE_ITO.bluishGreen, strokeDasharray: '4,3' }),
        Plot.ruleY([t.crnhIntercept], { stroke: OKABE_ITO.vermillion, strokeDasharray: '4,3' }),
        Plot.lineY(
          rows.filter((d) => Number.isFinite(d.intercept)),
          { x: 'time', y: 'intercept', stroke: '#555' },
        ),
        Plot.dot(
          rows.filter((d) => Number.isFinite(d.intercept)),
          {
            x: 'time',
            y: 'intercept',
            fill: 'status',
            r: 4,
            tip: true,
            title: (d: { status: string; intercept: number }) => `${d.status}\nintercept ${d.intercept.toFixed(3)}`,
          },
        ),
      ],
    },
    legend: [
      ...legendOf(statusColorScale()),
      { label: 'Helpful bar', color: OKABE_ITO.bluishGreen, style: 'dashed' },
      { label: 'Not Helpful intercept', color: OKABE_ITO.vermillion, style: 'dashed' },
    ],
  };
}
