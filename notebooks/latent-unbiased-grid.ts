/**
 * Notebook: latent-unbiased-grid — arXiv 2511.02615's unbiased bad raters: a share of raters drawn at random rate
 * truly helpful notes Not Helpful with a behaviour frequency; suppression and pollution over share × frequency
 * (heat maps), simplified scorer.
 * Run: npx tsx notebooks/latent-unbiased-grid.ts [--scale S] [--seeds N] [--workers N]   (out/notebooks/latent-unbiased-grid.html)
 */
import { htmlPage, table } from './lib/presetReport.ts';
import { heatSection, RATES_LEGEND } from './lib/studyCharts.ts';
import { interval, mean, provenance, runSweep, studyArgs, writeReport } from './lib/sweepStudy.ts';

const args = studyArgs();
const grid = runSweep('latent-unbiased-grid', args);
const share = 'adversaries[0].share';
const frequency = 'adversaries[0].frequency';
const labels = { x: 'share of bad raters', y: 'behaviour frequency' };
const rows = [...grid.rows].sort(
  (a, b) => Number(a[share]) - Number(b[share]) || Number(a[frequency]) - Number(b[frequency]),
);
await writeReport(
  'latent-unbiased-grid',
  htmlPage('latent-unbiased-grid', [
    '<h1>Unbiased bad raters: share × behaviour frequency</h1>',
    `<p>${grid.description}</p>`,
    provenance([grid], 'latent-unbiased-grid', args),
    RATES_LEGEND,
    heatSection(grid, share, frequency, 'rule.all.suppression', 'Suppression of truly helpful notes', labels),
    heatSection(grid, share, frequency, 'rule.all.pollution', 'Pollution of published notes', labels),
    table(
      ['share', 'frequency', 'suppression', '95 % CI', 'pollution', '95 % CI', 'infiltration', 'waste'],
      rows.map((r) => [
        Number(r[share]),
        Number(r[frequency]),
        mean(r, 'rule.all.suppression'),
        interval(r, 'rule.all.suppression'),
        mean(r, 'rule.all.pollution'),
        interval(r, 'rule.all.pollution'),
        mean(r, 'rule.all.infiltration'),
        mean(r, 'rule.all.waste'),
      ]),
    ),
  ]),
);
