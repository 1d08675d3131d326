/**
 * The Sweeps page's part of the URL: the bundled example shown (a file the user opened cannot be in a link), the
 * metric, the x parameter, an optional second parameter and whether two parameters draw a heat map or one curve per
 * value of the second. Names are kept as given: whether they exist is known only once the table is read.
 */
import { SWEEP_EXAMPLES } from './sweepExamples.ts';

export type SweepChart = 'heat' | 'lines';

export interface SweepsView {
  example: string | null;
  metric: string | null;
  x: string | null;
  /** the second parameter: heat map rows, or the grouping of the curves */
  by: string | null;
  chart: SweepChart;
}

export const noSweepsView = (): SweepsView => ({ example: null, metric: null, x: null, by: null, chart: 'heat' });

export const SWEEPS_VIEW_KEYS = ['sweep', 'sweepMetric', 'sweepX', 'sweepBy', 'sweepChart'] as const;

/** Writes `view` into `q` (only what is set). */
export function encodeSweepsView(view: SweepsView, q: URLSearchParams): void {
  if (view.example !== null) q.set('sweep', view.example);
  if (view.metric !== null) q.set('sweepMetric', view.metric);
  if (view.x !== null) q.set('sweepX', view.x);
  if (view.by !== null) q.set('sweepBy', view.by);
  if (view.chart !== 'heat') q.set('sweepChart', view.chart);
}

/** Reads the Sweeps view from `q`; malformed entries are skipped and described in `errors`. */
export function decodeSweepsView(q: URLSearchParams, errors: string[]): SweepsView {
  const view = noSweepsView();
  const example = q.get('sweep');
  if (example !== null) {
    if (SWEEP_EXAMPLES.has(example)) view.example = example;
    else errors.push(`sweep=${example}: unknown bundled sweep (known: ${[...SWEEP_EXAMPLES.keys()].join(', ')})`);
  }
  view.metric = q.get('sweepMetric');
  view.x = q.get('sweepX');
  view.by = q.get('sweepBy');
  const chart = q.get('sweepChart');
  if (chart === 'heat' || chart === 'lines') view.chart = chart;
  else if (chart !== null) errors.push(`sweepChart=${chart}: expected heat or lines`);
  return view;
}
