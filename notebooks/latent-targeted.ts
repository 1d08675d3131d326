/**
 * Notebook: latent-targeted — arXiv 2511.02615's targeted attack: biased bad raters from the − side, always acting,
 * rate truly helpful + side notes Not Helpful; suppression by share of bad raters (0–25 %), split by the notes'
 * true and inferred side, simplified scorer.
 * Run: npx tsx notebooks/latent-targeted.ts [--scale S] [--seeds N] [--workers N]   (out/notebooks/latent-targeted.html)
 */
import { htmlPage } from './lib/presetReport.ts';
import { curveSection, RATES_LEGEND, TARGETED_CURVES } from './lib/studyCharts.ts';
import { provenance, runSweep, studyArgs, writeReport } from './lib/sweepStudy.ts';

const args = studyArgs();
const targeted = runSweep('latent-targeted', args);
await writeReport(
  'latent-targeted',
  htmlPage('latent-targeted', [
    '<h1>Targeted attack by biased bad raters</h1>',
    `<p>${targeted.description}</p>`,
    provenance([targeted], 'latent-targeted', args),
    RATES_LEGEND,
    curveSection(
      targeted,
      'adversaries[0].share',
      TARGETED_CURVES,
      'Suppression of truly helpful notes by share of bad raters (targets: + side)',
      'share of bad raters',
    ),
  ]),
);
