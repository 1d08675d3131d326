/**
 * Notebook: population-sampling — a brigade of one side piles Helpful onto notes while 15 % of organic ratings come
 * from population-sampled notifications. Shows how often the population-sampled veto (PopulationSampledIntercept)
 * stops brigaded notes, and the gap between self-selected and sampled intercepts; A/B with the veto off.
 * Run: npx tsx notebooks/population-sampling.ts [--seed N]   (writes out/notebooks/population-sampling.html)
 */
import { lineChart } from './lib/svg.ts';
import { dayOf, presetReport } from './lib/presetReport.ts';

await presetReport('population-sampling', {
  sections: ({ main, ab }) => {
    const rule = 'PopulationSampledIntercept (v1.0)';
    const series = [main, ab]
      .filter((r) => r !== null)
      .map((r) => ({
        name: `${r!.label}: notes vetoed`,
        points: r!.timeline.runs.map((x) => [dayOf(r!, x.time), x.rules[rule] ?? 0] as const),
      }));
    return [
      '<h2>The population-sampled veto</h2>',
      lineChart(series, { title: `Notes on which ${rule} acted, per run`, xLabel: 'simulated day', yLabel: 'notes' }),
    ];
  },
});
