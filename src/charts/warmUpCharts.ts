/**
 * Draws each chart kind once, off-screen, on tiny made-up inputs, when the browser is idle after loading: the first
 * drawing of an Observable Plot chart costs several times the later ones (code compiled on first use), and should
 * not land in the middle of a run.
 */
import type { SimRunEvent } from '../engine/engineTypes.ts';
import { STATUS_ORDER } from './palette.ts';
import type { ChartSpec } from './plots/chartSpec.ts';
import { factorPlanePlot } from './plots/factorPlanePlot.ts';
import { flipsOf, flipsPlot } from './plots/flipsPlot.ts';
import { renderChart } from './plots/renderChart.ts';
import { statusCountsPlot } from './plots/statusCountsPlot.ts';
import { SIDE_COLORS, targetHelpfulPlot } from './plots/targetHelpfulPlot.ts';

/** Renders each chart once (results discarded). Safe to call more than once. */
export function warmUpCharts(): void {
  const codes = [...STATUS_ORDER];
  const runs: SimRunEvent[] = [0, 1].map((i) => ({
    kind: 'run',
    label: 'warm-up',
    phase: 'main',
    index: i,
    step: i + 1,
    steps: 2,
    time: 1_700_000_000_000 + i * 3_600_000,
    notes: 2,
    ratings: 4,
    counts: [1, 1, 0, 0, 0],
    flips: { note: Int32Array.of(i), from: Uint8Array.of(0), to: Uint8Array.of(1) },
    rules: {},
    error: null,
  }));
  const series = {
    time: Float64Array.of(runs[0].time, runs[1].time),
    withAttack: Float64Array.of(0, 0.5),
    without: Float64Array.of(0, 0.25),
    targets: 4,
  };
  const charts: (ChartSpec | null)[] = [
    statusCountsPlot(runs, codes, 400),
    flipsPlot(flipsOf(runs, codes), 400),
    targetHelpfulPlot([{ name: 'A', series, color: SIDE_COLORS.A }], 400),
    factorPlanePlot(
      [{ id: 'a', factor: 0.1, intercept: 0.2, status: codes[0] }],
      { crh: 0.4, crnhIntercept: -0.05, crnhFactorMultiplier: -0.8, factor: 0.5 },
      400,
    ),
  ];
  for (const chart of charts) if (chart) renderChart(chart);
}

/**
 * Schedules warmUpCharts for an idle moment (or shortly after load where requestIdleCallback is missing); resolves
 * once it has run.
 */
export function warmUpChartsWhenIdle(): Promise<void> {
  return new Promise((resolve) => {
    const run = () => {
      try {
        warmUpCharts();
      } catch (_err) {
        // A failed warm-up only costs speed: the real charts report their own errors.
      }
      resolve();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
    else setTimeout(run, 200);
  });
}
