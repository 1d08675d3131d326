/**
 * Snapshot tests of every chart function in src/charts/plots/, drawn server-side (Observable Plot on linkedom) from
 * small fixed data with title and legend, as the notebooks and the dashboard's exports draw them. The snapshots
 * beside this file (test/charts/<chart>.svg) are the gallery; a missing one is written, a different drawing fails
 * and is written as <chart>-changed.svg for review (delete the old snapshot to accept it).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverDocument } from '../../notebooks/lib/chartSvg.ts';
import type { SimRunEvent } from '../../src/engine/engineTypes.ts';
import { STATUS_ORDER } from '../../src/charts/palette.ts';
import { barsPlot } from '../../src/charts/plots/barsPlot.ts';
import type { ChartSpec } from '../../src/charts/plots/chartSpec.ts';
import { factorPlanePlot } from '../../src/charts/plots/factorPlanePlot.ts';
import { flipsOf, flipsPlot } from '../../src/charts/plots/flipsPlot.ts';
import { histogramPlot } from '../../src/charts/plots/histogramPlot.ts';
import { heatmapPlot } from '../../src/charts/plots/heatmapPlot.ts';
import { linesPlot } from '../../src/charts/plots/linesPlot.ts';
import { meanBandsPlot } from '../../src/charts/plots/meanBandsPlot.ts';
import { noteHistoryPlot } from '../../src/charts/plots/noteHistoryPlot.ts';
import { noteRatingsPlot } from '../../src/charts/plots/noteRatingsPlot.ts';
import { postActivationPlot, postTrajectoryPlot } from '../../src/charts/plots/postActivationPlot.ts';
import { postLikesPlot } from '../../src/charts/plots/postLikesPlot.ts';
import { renderChart } from '../../src/charts/plots/renderChart.ts';
import { safeguardPlot } from '../../src/charts/plots/safeguardPlot.ts';
import { scatterPlot } from '../../src/charts/plots/scatterPlot.ts';
import { statusCountsPlot } from '../../src/charts/plots/statusCountsPlot.ts';
import { SIDE_COLORS, targetHelpfulPlot } from '../../src/charts/plots/targetHelpfulPlot.ts';
import { ROLE_COLORS, truthScatterPlot } from '../../src/charts/plots/truthScatterPlot.ts';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const codes = [...STATUS_ORDER];
const thresholds = { crh: 0.4, crnhIntercept: -0.05, crnhFactorMultiplier: -0.8, factor: 0.5 };

const runs: SimRunEvent[] = [0, 1, 2, 3].map((i) => ({
  kind: 'run',
  label: 'main',
  phase: 'main',
  index: i,
  step: 6 * (i + 1),
  steps: 24,
  time: T0 + 6 * (i + 1) * HOUR,
  notes: 4 + 2 * i,
  ratings: 40 * (i + 1),
  counts: [i, 4 + i - 2 * Math.min(i, 1), Math.min(i, 1), i > 1 ? 1 : 0, 0],
  flips:
    i === 0
      ? { note: new Int32Array(0), from: new Uint8Array(0), to: new Uint8Array(0) }
      : { note: Int32Array.of(i, i + 1), from: Uint8Array.of(1, 0), to: Uint8Array.of(0, 2) },
  rules: {},
  error: i === 2 ? 'too few ratings' : null,
}));

/** Three post scoring runs of two posts (the second active at the last run). */
const postTimeline = {
  time: Float64Array.of(T0 + 12 * HOUR, T0 + 24 * HOUR, T0 + 36 * HOUR),
  active: Int32Array.of(0, 1, 1),
  candidates: Int32Array.of(1, 2, 2),
  totalPosCutoff: Float64Array.of(1, 6.4, 9),
  minPosCutoff: Float64Array.of(1, 2, 3),
  tweetId: ['1', '2'],
  totalPos: Int32Array.of(0, 2, 8, 5, 9, 12),
  minPos: Int32Array.of(0, 1, 2, 2, 3, 4),
  activeByRun: Uint8Array.of(0, 0, 1, 0, 0, 1),
};

/** Each chart of the vocabulary on small fixed data, with the title its snapshot is drawn with. */
const GALLERY: Record<string, [string, ChartSpec | null]> = {
  lines: [
    'Two series, one dashed, with a gap',
    linesPlot(
      [
        {
          name: 'with',
          points: [
            [0, 1],
            [1, 3],
            [2, NaN],
            [3, 4],
          ],
        },
        {
          name: 'without',
          dashed: true,
          points: [
            [0, 1],
            [1, 2],
            [2, 2],
            [3, 2.5],
          ],
        },
      ],
      { xLabel: 'simulated day', yLabel: 'notes' },
    ),
  ],
  'lines-all-zero': [
    'Every value zero: an axis from 0 to 1',
    linesPlot(
      [
        {
          name: 'targets Helpful',
          points: [
            [0, 0],
            [1, 0],
          ],
        },
      ],
      { xLabel: 'simulated day', yLabel: 'notes' },
    ),
  ],
  scatter: [
    'Points by group, y axis from -0.6',
    scatterPlot(
      [
        {
          name: 'Helpful',
          points: [
            [1, 0.45],
            [1.5, 0.52],
          ],
        },
        {
          name: 'Not Helpful',
          points: [
            [-1, -0.2],
            [-0.5, -0.1],
            [NaN, 0],
          ],
        },
      ],
      { xLabel: 'true helpfulness', yLabel: 'intercept', yMin: -0.6 },
    ),
  ],
  bars: [
    'One group of bars',
    barsPlot(['RuleA (v1.0)', 'RuleB (v1.0)', 'RuleC'], [{ name: 'notes', values: [12, 3, NaN] }]),
  ],
  'bars-grouped': [
    'Grouped bars with a legend',
    barsPlot(
      ['ring', 'organic raters'],
      [
        { name: 'postSelection', values: [0.75, 0.01] },
        { name: 'quasiClique', values: [0.5, 0] },
      ],
    ),
  ],
  histogram: [
    'Two overlapping groups',
    histogramPlot(
      [
        { name: 'organic', values: [1, 1.2, 1.3, 1.3, 1.8, 2.1, NaN] },
        { name: 'sybils', values: [2.4, 2.5, 2.5] },
      ],
      6,
      { xLabel: 'log10 ratings' },
    ),
  ],
  'status-counts': ['Notes per status over time', statusCountsPlot(runs, codes, 640)],
  flips: ['Status flips', flipsPlot(flipsOf(runs, codes), 640)],
  'target-helpful': [
    'Target notes shown as Helpful',
    targetHelpfulPlot(
      [
        {
          name: 'A',
          color: SIDE_COLORS.A,
          series: {
            time: Float64Array.from(runs, (r) => r.time),
            withAttack: Float64Array.of(NaN, 0, 0.25, 0.5),
            without: Float64Array.of(NaN, 0, 0.25, 0.25),
            targets: 4,
          },
        },
        {
          name: 'B',
          color: SIDE_COLORS.B,
          series: {
            time: Float64Array.from(runs, (r) => r.time),
            withAttack: Float64Array.of(NaN, 0.25, 0.5, 0.75),
            without: Float64Array.of(NaN, 0, 0.25, 0.25),
            targets: 4,
          },
        },
      ],
      640,
    ),
  ],
  'factor-plane': [
    'Notes in the (factor, intercept) plane',
    factorPlanePlot(
      [
        { id: 'n1', factor: 0.1, intercept: 0.5, status: 'CURRENTLY_RATED_HELPFUL' },
        { id: 'n2', factor: -0.7, intercept: 0.2, status: 'NEEDS_MORE_RATINGS' },
        { id: 'n3', factor: 0.3, intercept: -0.4, status: 'CURRENTLY_RATED_NOT_HELPFUL' },
        { id: 'n4', factor: NaN, intercept: 0.1, status: null },
      ],
      thresholds,
      640,
      'n1',
    ),
  ],
  'note-history': [
    'Intercept and status over time',
    noteHistoryPlot(
      {
        noteId: 'n1',
        time: Float64Array.from(runs, (r) => r.time),
        status: Uint8Array.of(1, 1, 0, 0),
        coreStatus: Uint8Array.of(1, 1, 0, 0),
        intercept: Float64Array.of(NaN, 0.2, 0.38, 0.45),
      },
      codes,
      thresholds,
      640,
    ),
  ],
  'note-ratings': [
    'Ratings by rater factor and verdict',
    noteRatingsPlot(
      {
        noteId: 'n1',
        length: 6,
        raterId: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'],
        helpful2: Uint8Array.of(2, 2, 1, 0, 2, 0),
        createdAt: new Float64Array(6),
        raterIntercept: new Float64Array(6),
        raterFactor: Float64Array.of(-0.8, 0.6, 0.1, -0.3, 0.62, NaN),
      },
      640,
    ),
  ],
  safeguards: [
    'Intercept and its safeguard re-fits',
    safeguardPlot(
      [
        { name: 'core intercept', value: 0.42, threshold: 0.4 },
        { name: 'without high-volume raters', value: 0.35, threshold: 0.4 },
        { name: 'population-sampled', value: NaN, threshold: 0.3 },
      ],
      640,
    ),
  ],
  'truth-scatter': [
    'Raters: fitted factor vs true perspective',
    truthScatterPlot(
      [
        { id: 'r1', fitted: -0.8, truth: -0.7, group: 'organic' },
        { id: 'r2', fitted: 0.5, truth: 0.6, group: 'organic' },
        { id: 'r3', fitted: 0.4, truth: -0.9, group: 'adversary' },
      ],
      { x: 'fitted rater factor →', y: '↑ true perspective' },
      ROLE_COLORS,
      640,
    ),
  ],
  'post-likes': [
    'L likes vs R likes',
    postLikesPlot(
      {
        length: 4,
        tweetId: ['1', '2', '3', '4'],
        L_pos: Int32Array.of(6, 1, 9, 3),
        M_pos: Int32Array.of(2, 0, 1, 0),
        R_pos: Int32Array.of(5, 8, 0, 2),
        active: Uint8Array.of(1, 1, 0, 0),
        candidate: Uint8Array.of(1, 1, 1, 0),
        minPosCutoff: 4.5,
        totalPosCutoff: 8.6,
      },
      0,
      640,
    ),
  ],
  heatmap: [
    'Suppression by share × frequency',
    heatmapPlot(
      [0, 0.1, 0.2].flatMap((x) => [0.5, 1].map((y) => ({ x, y, value: x === 0.2 && y === 0.5 ? NaN : 0.4 + x * y }))),
      { xLabel: 'share of bad raters', yLabel: 'frequency', percent: true },
    ),
  ],
  'mean-bands': [
    'Flips by author share, one curve per rating count',
    meanBandsPlot(
      [
        {
          name: 'ratings = 120',
          points: [
            { x: 0.25, mean: 0, low: 0, high: 0, n: 2 },
            { x: 0.5, mean: 1.5, low: -4.85, high: 7.85, n: 2 },
            { x: 0.75, mean: 1.5, low: NaN, high: NaN, n: 1 },
          ],
        },
        {
          name: 'ratings = 150',
          points: [
            { x: 0.25, mean: 2, low: 2, high: 2, n: 2 },
            { x: 0.5, mean: 4, low: -21.4, high: 29.4, n: 2 },
            { x: 0.75, mean: 1.5, low: -4.85, high: 7.85, n: 2 },
          ],
        },
      ],
      { xLabel: 'world.authorFraction', yLabel: 'flips (mean, 95 % CI)' },
    ),
  ],
  'post-activation': ['Activation over time', postActivationPlot(postTimeline, 640)],
  'post-trajectory': ['Post 2 over time', postTrajectoryPlot(postTimeline, 1, 640)],
};

/** Compares `svg` with the snapshot `name`.svg (writing it when missing), as Observable Plot's own tests do. */
function matchSnapshot(name: string, svg: string): void {
  const path = join(import.meta.dirname, `${name}.svg`);
  const changed = join(import.meta.dirname, `${name}-changed.svg`);
  if (!existsSync(path)) writeFileSync(path, svg);
  const expected = readFileSync(path, 'utf8');
  if (svg === expected) rmSync(changed, { force: true });
  else writeFileSync(changed, svg);
  expect(svg === expected, `${name}.svg differs: see ${name}-changed.svg`).toBe(true);
}

describe('chart gallery', () => {
  for (const [name, [title, chart]] of Object.entries(GALLERY))
    it(`${name} draws as its snapshot, with its title and legend in the SVG`, () => {
      expect(chart).not.toBeNull();
      const svg = renderChart(chart!, { title, legend: true, document: serverDocument() });
      expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      expect(svg.textContent).toContain(title);
      for (const entry of chart!.legend) expect(svg.textContent).toContain(entry.label.slice(0, 29));
      matchSnapshot(name, `${svg.outerHTML}\n`);
    });

  it('charts with nothing to draw return null', () => {
    expect(flipsPlot([], 640)).toBeNull();
    expect(safeguardPlot([{ name: 'x', value: NaN, threshold: 0.4 }], 640)).toBeNull();
    expect(
      noteRatingsPlot(
        {
          noteId: 'n',
          length: 0,
          raterId: [],
          helpful2: new Uint8Array(0),
          createdAt: new Float64Array(0),
          raterIntercept: new Float64Array(0),
          raterFactor: new Float64Array(0),
        },
        640,
      ),
    ).toBeNull();
  });
});
