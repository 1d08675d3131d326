/**
 * Notebook: latent-rater-bias — arXiv 2511.02615's rater-bias experiments in the latent world without bad raters:
 * rater and note polarisation, the spread of rater helpfulness (intercepts), and rater–note homophily, each swept
 * with the simplified scorer; the four error rates by parameter.
 * Run: npx tsx notebooks/latent-rater-bias.ts [--scale S] [--seeds N] [--workers N]   (out/notebooks/latent-rater-bias.html)
 */
import { htmlPage } from './lib/presetReport.ts';
import { ALL_RATES, curveSection, RATES_LEGEND } from './lib/studyCharts.ts';
import { provenance, runSweep, studyArgs, writeReport } from './lib/sweepStudy.ts';

const args = studyArgs();
const polarization = runSweep('latent-polarization', args);
const spread = runSweep('latent-helpfulness-spread', args);
const homophily = runSweep('latent-homophily', args);
const raterPol = 'world.latent.raterPolarization';
const notePol = 'world.latent.notePolarization';
const sides = [
  { metric: 'rule.trueSide.minus.suppression', name: 'suppression, − side notes' },
  { metric: 'rule.trueSide.plus.suppression', name: 'suppression, + side notes', dashed: true },
];
const notePolValues = [...new Set(polarization.rows.map((r) => Number(r[notePol])))].sort((a, b) => a - b);
await writeReport(
  'latent-rater-bias',
  htmlPage('latent-rater-bias', [
    '<h1>Latent world: rater bias without bad raters</h1>',
    provenance([polarization, spread, homophily], 'latent-rater-bias', args),
    RATES_LEGEND,
    '<h2>Polarisation</h2>',
    `<p>${polarization.description}</p>`,
    ...notePolValues.map((v) =>
      curveSection(
        polarization,
        raterPol,
        ALL_RATES,
        `Error rates by rater polarisation (note polarisation ${v})`,
        'rater polarisation',
        (r) => Number(r[notePol]) === v,
      ),
    ),
    '<h2>Spread of rater helpfulness</h2>',
    `<p>${spread.description}</p>`,
    curveSection(
      spread,
      'world.latent.raterInterceptSd',
      [...ALL_RATES, ...sides],
      'Error rates by the spread of rater intercepts',
      'sd of rater intercepts',
    ),
    '<h2>Homophily</h2>',
    `<p>${homophily.description}</p>`,
    curveSection(
      homophily,
      'world.latent.homophily',
      [...ALL_RATES, ...sides],
      'Error rates by rater–note homophily',
      'homophily',
    ),
  ]),
);
