/**
 * Notebook: baseline — an organic community without adversaries, the reference point of every other preset.
 * Shows how many notes become Helpful and how fast, how well that matches the notes' true helpfulness, and which
 * rules decide. Run: npx tsx notebooks/baseline.ts [--seed N]   (writes out/notebooks/baseline.html)
 */
import { StatusCode } from '../sim/index.ts';
import { barsPlot } from '../src/charts/plots/barsPlot.ts';
import { chartSvg } from './lib/chartSvg.ts';
import { presetReport, table } from './lib/presetReport.ts';

await presetReport('baseline', {
  sections: ({ main, metrics }) => {
    const last = main.timeline.runs.filter((r) => r.error === null).at(-1);
    if (!last) return [];
    const bins = [-3, -1, -0.5, 0, 0.5, 1, 1.5, 3];
    const labels: string[] = [];
    const shown: number[] = [];
    for (let b = 0; b + 1 < bins.length; b++) {
      let n = 0;
      let h = 0;
      for (let i = 0; i < last.notes; i++) {
        const x = main.world.notes.helpfulness[i];
        if (x < bins[b] || x >= bins[b + 1]) continue;
        n++;
        if (last.status[i] === StatusCode.CRH) h++;
      }
      labels.push(`helpfulness ${bins[b]} to ${bins[b + 1]} (${n} notes)`);
      shown.push(n > 0 ? h / n : NaN);
    }
    const src = metrics.main.ratingSources;
    return [
      '<h2>Who gets shown</h2>',
      chartSvg(
        barsPlot(labels, [{ name: 'share Helpful', values: shown }]),
        'Share of notes shown as Helpful at the end, by true helpfulness',
      ),
      '<h2>Where ratings come from</h2>',
      table(
        ['self-selected', 'needs-your-help feed', 'population-sampled'],
        [[src.selfSelected, src.needsYourHelp, src.populationSampled]],
      ),
    ];
  },
});
