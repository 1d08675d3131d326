import * as Plot from '@observablehq/plot';
import { legendOf, type ChartSpec } from './chartSpec.ts';
import type { SimRunEvent } from '../../engine/engineTypes.ts';
import { statusColorScale, statusLabel } from '../palette.ts';

/** One status change of one note at one scoring run. */
export interface Flip {
  time: Date;
  note: number;
  from: string;
  to: string;
}

/** Every status change in the run events, in time order. */
export function flipsOf(runs: readonly SimRunEvent[], codes: readonly string[]): Flip[] {
  const out: Flip[] = [];
  for (const r of runs) {
    for (let i = 0; i < r.flips.note.length; i++) {
      out.push({
        time: new Date(r.time),
        note: r.flips.note[i],
        from: statusLabel(codes[r.flips.from[i]]),
        to: statusLabel(codes[r.flips.to[i]]),
      });
    }
  }
  return out;
}

/**
 * The flips timeline: each status change as a dot at (run time, note number), coloured by the new status; a
 * triangle pointing down marks a note leaving Helpful. Null when there are no flips.
 */
export function flipsPlot(flips: readonly Flip[], width: number): ChartSpec | null {
  if (flips.length === 0) return null;
  return {
    plot: {
      width,
      height: 260,
      marginLeft: 50,
      x: { type: 'utc', label: 'simulated time' },
      y: { label: 'note (order of appearance)', grid: true },
      color: statusColorScale(),
      symbol: { domain: ['to', 'from Helpful'], range: ['circle', 'triangle'] },
      marks: [
        Plot.dot(flips, {
          x: 'time',
          y: 'note',
          fill: 'to',
          symbol: (d: Flip) => (d.from === 'Helpful' ? 'from Helpful' : 'to'),
          r: 3.5,
          tip: true,
          title: (d: Flip) => `note #${d.note}: ${d.from} → ${d.to}\n${d.time.toISOString().slice(0, 16)}`,
        }),
      ],
    },
    legend: [...legendOf(statusColorScale()), { label: 'left Helpful', color: '#333', style: 'triangle' }],
  };
}
