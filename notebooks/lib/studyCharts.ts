/**
 * Charts and tables of the latent-study notebooks, from sweep summaries (sweepStudy.ts), drawn with the shared
 * chart functions of src/charts/plots/.
 */
import { heatmapPlot } from '../../src/charts/plots/heatmapPlot.ts';
import { linesPlot } from '../../src/charts/plots/linesPlot.ts';
import type { Series } from '../../src/charts/plots/series.ts';
import { chartSvg } from './chartSvg.ts';
import { table } from './presetReport.ts';
import { interval, mean, RATES, type SummaryRow, type SweepOutcome } from './sweepStudy.ts';

/** A metric drawn as one line: its path under main.publication and its name in the legend. */
export interface Curve {
  metric: string;
  name: string;
  dashed?: boolean;
}

const byX = (rows: readonly SummaryRow[], x: string) => [...rows].sort((a, b) => Number(a[x]) - Number(b[x]));

/** Lines of `curves` over the sweep parameter `x`, and a table of their means with 95 % intervals. */
export function curveSection(
  outcome: SweepOutcome,
  x: string,
  curves: readonly Curve[],
  title: string,
  xLabel: string,
  filter: (row: SummaryRow) => boolean = () => true,
): string {
  const rows = byX(outcome.rows.filter(filter), x);
  const series: Series[] = curves.map((c) => ({
    name: c.name,
    dashed: c.dashed,
    points: rows.map((r) => [Number(r[x]), mean(r, c.metric)] as const),
  }));
  return [
    chartSvg(linesPlot(series, { xLabel, yLabel: 'share', percent: true, width: 760 }), title),
    table(
      [xLabel, ...curves.flatMap((c) => [c.name, '95 % CI'])],
      rows.map((r) => [Number(r[x]), ...curves.flatMap((c) => [mean(r, c.metric), interval(r, c.metric)])]),
    ),
  ].join('\n');
}

/** A heat map of `metric` over two sweep parameters. */
export function heatSection(
  outcome: SweepOutcome,
  x: string,
  y: string,
  metric: string,
  title: string,
  labels: { x: string; y: string },
): string {
  const cells = outcome.rows.map((r) => ({ x: Number(r[x]), y: Number(r[y]), value: mean(r, metric) }));
  return chartSvg(heatmapPlot(cells, { xLabel: labels.x, yLabel: labels.y, percent: true, width: 640 }), title);
}

/** A table of the four rates (mean and 95 % CI) for all notes and by true and inferred side, from one row. */
export function ratesTable(row: SummaryRow, decision = 'rule'): string {
  const groups = [
    ['all notes', `${decision}.all`],
    ['true side −', `${decision}.trueSide.minus`],
    ['true side +', `${decision}.trueSide.plus`],
    ['inferred side −', `${decision}.inferredSide.minus`],
    ['inferred side +', `${decision}.inferredSide.plus`],
  ];
  return table(
    ['notes', ...RATES.flatMap(([r]) => [r, '95 % CI'])],
    groups.map(([label, prefix]) => [
      label,
      ...RATES.flatMap(([r]) => [mean(row, `${prefix}.${r}`), interval(row, `${prefix}.${r}`)]),
    ]),
  );
}

/** The four rates over all notes as curves. */
export const ALL_RATES: readonly Curve[] = RATES.map(([r]) => ({ metric: `rule.all.${r}`, name: r }));

/** What the four rates mean, as an HTML list. */
export const RATES_LEGEND = `<ul>${RATES.map(([r, what]) => `<li><b>${r}</b>: ${what}</li>`).join('')}</ul><p>Published = the study's rule on the Core model of the last scoring run (intercept &gt; 0.4 and |factor| &lt; 0.5); truly helpful = i<sub>n</sub> &gt; 0.4 and |f<sub>n</sub>| &lt; 0.5. Infiltration and waste are our reading of the study's terms (the other two cells of the confusion matrix).</p>`;

/** Suppression by the notes' true and inferred side, and overall: the targeted attack's curves. */
export const TARGETED_CURVES: readonly Curve[] = [
  { metric: 'rule.trueSide.plus.suppression', name: 'targeted side (+), true side' },
  { metric: 'rule.trueSide.minus.suppression', name: 'other side (−), true side' },
  { metric: 'rule.inferredSide.plus.suppression', name: 'inferred + side', dashed: true },
  { metric: 'rule.inferredSide.minus.suppression', name: 'inferred − side', dashed: true },
  { metric: 'rule.all.suppression', name: 'all notes' },
];
