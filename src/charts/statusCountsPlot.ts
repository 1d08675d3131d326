import * as Plot from '@observablehq/plot';
import type { SimRunEvent } from '../engine/engineTypes.ts';
import { statusColorScale, statusLabel } from './palette.ts';

/**
 * Notes per status after each scoring run of a simulation (one line per status; failed runs marked by a dashed
 * rule). Takes the run events, the status names by code and the width; returns the Plot figure.
 */
export function statusCountsPlot(runs: readonly SimRunEvent[], codes: readonly string[], width: number): Element {
  const rows = runs.flatMap((r) => r.counts.map((count, c) => ({ time: new Date(r.time), status: statusLabel(codes[c]), count })));
  const failed = runs.filter((r) => r.error !== null).map((r) => ({ time: new Date(r.time), error: r.error }));
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 50,
    x: { type: 'time', label: 'simulated time' },
    y: { grid: true, label: 'notes', zero: true },
    color: statusColorScale(),
    marks: [
      Plot.ruleX(failed, { x: 'time', stroke: '#999', strokeDasharray: '4,3', title: (d: { error: string }) => `scoring failed: ${d.error}` }),
      Plot.lineY(rows, { x: 'time', y: 'count', z: 'status', stroke: 'status', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'time', y: 'count', fill: 'status', r: 2.5, tip: true, title: (d: { status: string; count: number; time: Date }) => `${d.status}: ${d.count}\n${d.time.toISOString().slice(0, 16)}` }),
    ],
  });
}
