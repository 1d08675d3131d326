/**
 * Notebook: latent-baseline — arXiv 2511.02615's baseline: the latent-factor world without bad raters, scored by the
 * simplified published set-up (Core only), publication by the study's rule. Suppression, pollution, infiltration
 * and waste with 95 % intervals over seeds, for all notes and by true and inferred side.
 * Run: npx tsx notebooks/latent-baseline.ts [--scale S] [--seeds N] [--workers N]   (out/notebooks/latent-baseline.html)
 */
import { htmlPage } from './lib/presetReport.ts';
import { RATES_LEGEND, ratesTable } from './lib/studyCharts.ts';
import { provenance, runSweep, studyArgs, writeReport } from './lib/sweepStudy.ts';

const args = studyArgs();
const base = runSweep('latent-baseline', args);
await writeReport(
  'latent-baseline',
  htmlPage('latent-baseline', [
    '<h1>Latent world, no bad raters: how often the simplified scorer errs</h1>',
    `<p>${base.description}</p>`,
    provenance([base], 'latent-baseline', args),
    RATES_LEGEND,
    '<h2>Error rates</h2>',
    ratesTable(base.rows[0]),
  ]),
);
