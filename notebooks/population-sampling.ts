/**
 * Notebook: population-sampling — a brigade recruited from both sides piles Helpful onto trending notes while 25 %
 * of organic ratings come from population-sampled notifications. Shows the gap between each note's intercept and its
 * population-sampled intercept (what the veto PopulationSampledIntercept reads: it demotes a Helpful note with at
 * least 8 sampled ratings, 2 per side, a sampled intercept below 0.30 and a gap of 0.15 or more), how often the veto
 * acts, and the A/B with it switched off.
 * Run: npx tsx notebooks/population-sampling.ts [--seed N]   (writes out/notebooks/population-sampling.html)
 */
import { CRH } from '../sim/index.ts';
import { linesPlot } from '../src/charts/plots/linesPlot.ts';
import { chartSvg } from './lib/chartSvg.ts';
import { dayOf, presetReport, table } from './lib/presetReport.ts';

await presetReport('population-sampling', {
  sections: ({ main, ab }) => {
    const rule = 'PopulationSampledIntercept (v1.0)';
    const series = [main, ab]
      .filter((r) => r !== null)
      .map((r) => ({
        name: `${r!.label}: notes vetoed`,
        points: r!.timeline.runs.map((x) => [dayOf(r!, x.time), x.rules[rule] ?? 0] as const),
      }));
    const out = [
      '<h2>The population-sampled veto</h2>',
      chartSvg(
        linesPlot(series, { xLabel: 'simulated day', yLabel: 'notes' }),
        `Notes on which ${rule} acted, per run`,
      ),
    ];
    const f = main.lastResult?.notes;
    if (!f) return out;
    const targets = new Set(main.adversaries.flatMap((a) => a.targets));
    const ic = f.num('coreNoteIntercept');
    const ip = f.num('coreNoteInterceptPopulationSampled');
    const neg = f.num('coreNegFactor_populationSampledRatingCount');
    const pos = f.num('corePosFactor_populationSampledRatingCount');
    const final = f.str('finalRatingStatus');
    const rows = [true, false].map((isTarget) => {
      let n = 0;
      let gap = 0;
      let eligible = 0;
      let wide = 0;
      for (let i = 0; i < f.length; i++) {
        if (targets.has(f.key[i]) !== isTarget || Number.isNaN(ic[i]) || Number.isNaN(ip[i])) continue;
        n++;
        gap += ic[i] - ip[i];
        if (neg[i] + pos[i] >= 8 && neg[i] >= 2 && pos[i] >= 2) eligible++;
        if (ic[i] - ip[i] >= 0.15 && ip[i] < 0.3) wide++;
      }
      const shown = Array.from(f.key).filter((k, i) => targets.has(k) === isTarget && final[i] === CRH).length;
      return [isTarget ? 'brigade targets' : 'other notes', n, n > 0 ? gap / n : NaN, eligible, wide, shown];
    });
    out.push(
      table(
        [
          'notes',
          'with both intercepts',
          'mean intercept − sampled intercept',
          'enough sampled ratings for the veto',
          'gap ≥ 0.15 and sampled < 0.30',
          'Helpful at the end',
        ],
        rows,
      ),
    );
    return out;
  },
});
