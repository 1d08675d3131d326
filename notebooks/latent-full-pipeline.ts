/**
 * Notebook: latent-full-pipeline — the study's experiments again with the full pipeline and its safeguards on
 * (every scorer, pseudo-raters, post-selection similarity, flip prediction, low-diligence and tag filters, the
 * valid-rating window): baseline, targeted attack by share and the unbiased grid, publication by the study's rule
 * on the Core model and by the pipeline's final status, beside the simplified set-up.
 * Run: npx tsx notebooks/latent-full-pipeline.ts [--scale S] [--seeds N] [--workers N]   (out/notebooks/latent-full-pipeline.html)
 */
import { htmlPage } from './lib/presetReport.ts';
import { curveSection, heatSection, RATES_LEGEND, ratesTable, TARGETED_CURVES } from './lib/studyCharts.ts';
import { provenance, runSweep, studyArgs, writeReport } from './lib/sweepStudy.ts';

const args = studyArgs();
const baseline = runSweep('latent-baseline-full', args);
const targeted = runSweep('latent-targeted-full', args);
const simplified = runSweep('latent-targeted', args);
const grid = runSweep('latent-unbiased-grid-full', args);
const share = 'adversaries[0].share';
const byStatus = TARGETED_CURVES.map((c) => ({ ...c, metric: c.metric.replace(/^rule\./, 'status.') }));
const labels = { x: 'share of bad raters', y: 'behaviour frequency' };
await writeReport(
  'latent-full-pipeline',
  htmlPage('latent-full-pipeline', [
    '<h1>The latent study with the full pipeline and its safeguards on</h1>',
    provenance([baseline, targeted, simplified, grid], 'latent-full-pipeline', args),
    RATES_LEGEND,
    '<p>"By status": published = final status Helpful after the pipeline\'s rules and meta scoring (a second scoring run an hour after the first lets statuses pass stabilization).</p>',
    '<h2>Baseline, no bad raters</h2>',
    `<p>${baseline.description}</p>`,
    "<h3>By the study's rule on the Core model</h3>",
    ratesTable(baseline.rows[0]),
    '<h3>By final status</h3>',
    ratesTable(baseline.rows[0], 'status'),
    '<h2>Targeted attack by share</h2>',
    `<p>${targeted.description}</p>`,
    curveSection(
      simplified,
      share,
      TARGETED_CURVES,
      'Simplified set-up (Core only): suppression by share',
      'share of bad raters',
    ),
    curveSection(
      targeted,
      share,
      TARGETED_CURVES,
      "Full pipeline, study's rule: suppression by share",
      'share of bad raters',
    ),
    curveSection(targeted, share, byStatus, 'Full pipeline, final status: suppression by share', 'share of bad raters'),
    '<h2>Unbiased bad raters, share × frequency</h2>',
    `<p>${grid.description}</p>`,
    heatSection(
      grid,
      share,
      'adversaries[0].frequency',
      'rule.all.suppression',
      "Full pipeline, study's rule: suppression",
      labels,
    ),
    heatSection(
      grid,
      share,
      'adversaries[0].frequency',
      'status.all.suppression',
      'Full pipeline, final status: suppression',
      labels,
    ),
  ]),
);
