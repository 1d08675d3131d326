/**
 * Notebook: high-volume-sybils — a few accounts rating hundreds of notes each with a side agenda. Shows whether the
 * 0.999-quantile high-volume flag catches them, their effect on statuses, and what NoHighVolIntercept adds (A/B).
 * Run: npx tsx notebooks/high-volume-sybils.ts [--seed N]   (writes out/notebooks/high-volume-sybils.html)
 */
import { histogramPlot } from '../src/charts/plots/histogramPlot.ts';
import { chartSvg } from './lib/chartSvg.ts';
import { presetReport } from './lib/presetReport.ts';

await presetReport('high-volume-sybils', {
  sections: ({ main }) => {
    const counts = new Map<number, number>();
    const t = main.dataset.ratings;
    for (let i = 0; i < t.length; i++) counts.set(t.rater[i], (counts.get(t.rater[i]) ?? 0) + 1);
    const sybils = new Set(main.adversaries.flatMap((a) => a.accounts));
    const organic = [...counts].filter(([u]) => !sybils.has(u)).map(([, c]) => Math.log10(c));
    const farm = [...counts].filter(([u]) => sybils.has(u)).map(([, c]) => Math.log10(c));
    return [
      '<h2>Rating volumes</h2>',
      chartSvg(
        histogramPlot(
          [
            { name: 'organic raters', values: organic },
            { name: 'sybils', values: farm },
          ],
          30,
          { xLabel: 'log10 ratings' },
        ),
        'Ratings per account (log10)',
      ),
    ];
  },
});
