/**
 * Shared body of the preset notebooks: runs a preset's experiment (main run, counterfactual and A/B runs as the
 * scenario asks), then writes an HTML report to out/notebooks/<preset>.html, its charts drawn server-side by the
 * dashboard's chart functions (src/charts/plots/, Observable Plot on linkedom).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CRH,
  CRNH,
  hoursToFirstHelpful,
  runExperiment,
  statusOfCode,
  StatusCode,
  type ExperimentResult,
  type SimulationResult,
} from '../../sim/index.ts';
import { writeFileAtomic, progressReporter, loadScenario } from '../../sim/node/index.ts';
import { OKABE_ITO, statusColor } from '../../src/charts/palette.ts';
import { barsPlot } from '../../src/charts/plots/barsPlot.ts';
import { histogramPlot } from '../../src/charts/plots/histogramPlot.ts';
import { linesPlot } from '../../src/charts/plots/linesPlot.ts';
import { scatterPlot } from '../../src/charts/plots/scatterPlot.ts';
import type { Series } from '../../src/charts/plots/series.ts';
import { chartSvg } from './chartSvg.ts';

export interface ReportOptions {
  /** what the notebook looks at, shown under the title (HTML) */
  intro?: string;
  /** preset-specific sections (HTML) */
  sections?: (exp: ExperimentResult) => string[];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v: unknown): string =>
  typeof v === 'number'
    ? Number.isFinite(v)
      ? Number.isInteger(v)
        ? String(v)
        : v.toFixed(3)
      : '–'
    : v === null || v === undefined
      ? '–'
      : esc(String(v));

/** An HTML table from a header row and body rows. */
export function table(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `<table><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${fmt(c)}</td>`).join('')}</tr>`).join('')}</table>`;
}

/** Days since the simulated start of a run time. */
export const dayOf = (run: SimulationResult, t: number): number => (t - run.world.start) / 86_400_000;

/** Per scoring run: how many of `notes` (world indices) satisfy `test`. */
export function countSeries(
  run: SimulationResult,
  name: string,
  notes: readonly number[] | null,
  test: (status: number, preview: number, n: number) => boolean,
  dashed = false,
): Series {
  return {
    name,
    dashed,
    points: run.timeline.runs.map((r) => {
      let c = 0;
      const list = notes ?? Array.from({ length: r.notes }, (_, i) => i);
      for (const n of list) if (n < r.notes && test(r.status[n], r.preview[n], n)) c++;
      return [dayOf(run, r.time), c] as const;
    }),
  };
}

/** Runs the preset and writes its report; returns the report path. */
export async function presetReport(preset: string, options: ReportOptions = {}): Promise<string> {
  const scenario = await loadScenario(preset);
  const seedArg = process.argv.indexOf('--seed');
  const seed = seedArg >= 0 ? Number(process.argv[seedArg + 1]) : scenario.seed;
  const report = progressReporter();
  const started = performance.now();
  const exp = await runExperiment(
    { ...scenario, seed },
    { seed, clock: () => performance.now(), onStep: (p) => report(p.label, p.step, p.steps) },
  );
  const seconds = (performance.now() - started) / 1000;
  const html = reportPage(preset, exp, seconds, options);
  const dir = join(import.meta.dirname, '../../out/notebooks');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${preset}.html`);
  await writeFileAtomic(path, [html]);
  console.error(`report: ${path} (${seconds.toFixed(1)} s)`);
  return path;
}

/** The HTML report of an experiment run (`seconds`: its wall time). */
export function reportPage(preset: string, exp: ExperimentResult, seconds: number, options: ReportOptions): string {
  const { main, counterfactual, ab } = exp;
  const m = exp.metrics;
  const s = main.scenario;
  const runsOf = [main, counterfactual, ab].filter((r): r is SimulationResult => r !== null);
  const parts: string[] = [];
  parts.push(`<h1>${esc(preset)}</h1><p>${esc(s.description)}</p>${options.intro ?? ''}`);
  parts.push(
    table(
      ['raters', 'notes', 'ratings', 'days', 'scoring every', 'scorers', 'seed', 'runs', 'wall time'],
      [
        [
          s.world.raters,
          m.main.notes,
          m.main.ratings,
          s.time.days,
          `${s.time.scoringEveryHours} h`,
          s.scoring.scorers.join(', ') || 'all',
          m.seed,
          runsOf.map((r) => r.label).join(', '),
          `${seconds.toFixed(1)} s`,
        ],
      ],
    ),
  );
  const statusSeries = runsOf.flatMap((r, k) => [
    {
      ...countSeries(r, `Helpful (${r.label})`, null, (st) => st === 1, k > 0),
      color: statusColor(CRH),
    },
    {
      ...countSeries(r, `Not Helpful (${r.label})`, null, (st) => st === 2, k > 0),
      color: statusColor(CRNH),
    },
    { ...countSeries(r, `preview (${r.label})`, null, (_st, pv) => pv === 1, k > 0), color: OKABE_ITO.skyBlue },
  ]);
  parts.push(
    '<h2>Statuses over time</h2>',
    chartSvg(
      linesPlot(statusSeries, { xLabel: 'simulated day', yLabel: 'notes', width: 760 }),
      `Notes Helpful, Not Helpful and in preview after each scoring run${runsOf.length > 1 ? ' (dashed: comparison runs)' : ''}`,
    ),
  );
  parts.push(
    chartSvg(
      linesPlot(
        [
          { name: 'ratings', points: main.timeline.runs.map((r) => [dayOf(main, r.time), r.ratings] as const) },
          { name: 'notes', points: main.timeline.runs.map((r) => [dayOf(main, r.time), r.notes] as const) },
        ],
        { xLabel: 'simulated day' },
      ),
      'Ratings and notes so far',
    ),
  );
  const metricRows = [m.main, m.counterfactual, m.ab?.metrics]
    .filter((x) => x !== null && x !== undefined)
    .map((x) => {
      const t = x!.helpfulVsTruth.organic;
      return [
        x!.label,
        t.shown,
        t.precision,
        t.recall,
        t.trulyHelpfulUnshownShare,
        t.shownButUnhelpfulShare,
        x!.hoursToFirstHelpful.median,
        x!.previewExposure.notesEverInPreview,
        x!.flips.total,
        x!.failedRuns.length,
      ];
    });
  parts.push(
    '<h2>Helpful versus truth (organic notes, final run)</h2>',
    table(
      [
        'run',
        'shown',
        'precision',
        'recall',
        'truly helpful unshown',
        'shown but unhelpful',
        'median h to Helpful',
        'ever in preview',
        'flips',
        'failed runs',
      ],
      metricRows,
    ),
  );
  const last = main.timeline.runs.filter((r) => r.error === null).at(-1);
  if (last) {
    const byStatus = [StatusCode.NMR, StatusCode.CRH, StatusCode.CRNH].map((code) => ({
      name: ['Needs More Ratings', 'Helpful', 'Not Helpful'][code],
      color: statusColor(statusOfCode(code)),
      points: Array.from({ length: last.notes }, (_, n) => n)
        .filter((n) => last.status[n] === code)
        .map((n) => [main.world.notes.helpfulness[n], last.intercept[n]] as const),
    }));
    parts.push(
      '<h2>What the model sees</h2>',
      chartSvg(
        scatterPlot(byStatus, { xLabel: 'true helpfulness', yLabel: 'coreNoteIntercept', yMin: -0.6 }),
        'Final Core note intercept against true helpfulness',
      ),
    );
  }
  const hours = Array.from(hoursToFirstHelpful(main.world.notes, main.timeline.runs));
  if (hours.some((h) => Number.isFinite(h)))
    parts.push(
      chartSvg(
        histogramPlot([{ name: 'notes', values: hours }], 20, { xLabel: 'hours' }),
        'Hours from note creation to first Helpful',
      ),
    );
  const rules = Object.entries(m.main.rulesFired.lastRun).filter(
    ([r]) => !r.startsWith('Initial') && !r.startsWith('MetaInitial'),
  );
  if (rules.length > 0)
    parts.push(
      '<h2>Rules at the last run</h2>',
      chartSvg(
        barsPlot(
          rules.map(([r]) => r),
          [{ name: 'notes', values: rules.map(([, c]) => c) }],
        ),
        'Notes on which each rule acted (all scorers and meta)',
      ),
    );
  const kinds = Object.entries(m.main.flips.byKind);
  if (kinds.length > 0)
    parts.push(
      chartSvg(
        barsPlot(
          kinds.map(([k]) => k),
          [{ name: 'flips', values: kinds.map(([, c]) => c) }],
        ),
        'Status changes between runs, by kind',
      ),
    );
  if (m.attack) {
    parts.push('<h2>Attack success against the counterfactual</h2>');
    parts.push(
      table(
        [
          'adversary',
          'kind',
          'accounts',
          'attack ratings',
          'targets',
          'Helpful with',
          'Helpful without',
          'successes',
          'success rate',
          'target Helpful h with',
          'without',
          'intercept shift',
        ],
        m.attack.adversaries.map((a) => [
          a.label,
          a.kind,
          a.accounts,
          a.attackRatings,
          a.targets,
          a.targetsHelpfulWithAttack,
          a.targetsHelpfulWithout,
          a.successes,
          a.successRate,
          a.targetHelpfulHoursWithAttack,
          a.targetHelpfulHoursWithout,
          a.meanTargetInterceptShift,
        ]),
      ),
      `<p>Collateral: ${m.attack.collateral.statusChanged} untargeted organic notes end with another status (${m.attack.collateral.gainedHelpful} Helpful only with the attack, ${m.attack.collateral.lostHelpful} only without).</p>`,
    );
    if (counterfactual) {
      const cfIndex = new Map(counterfactual.world.notes.id.map((id, i) => [id, i]));
      const series: Series[] = main.adversaries.flatMap((a) => {
        const mapped = a.targets
          .map((n) => cfIndex.get(main.world.notes.id[n]))
          .filter((x): x is number => x !== undefined);
        return [
          countSeries(main, `${a.spec.label}: targets Helpful`, a.targets, (st) => st === 1),
          countSeries(counterfactual, 'same notes, no attack', mapped, (st) => st === 1, true),
        ];
      });
      parts.push(
        chartSvg(
          linesPlot(series, { xLabel: 'simulated day', yLabel: 'notes', width: 760 }),
          'Targets shown as Helpful',
        ),
      );
    }
    const d = m.main.detection;
    if (d) {
      const labels = [...Object.keys(d.adversaries), 'organic raters'];
      const rates = [...Object.values(d.adversaries), d.organic];
      parts.push(
        chartSvg(
          barsPlot(
            labels,
            (['postSelection', 'quasiClique', 'correlated', 'highVolume'] as const).map((k) => ({
              name: k,
              values: rates.map((r) => r[k]),
            })),
          ),
          'Share of accounts flagged by each detector (last run)',
        ),
      );
    }
  }
  if (m.ab) {
    const t = m.ab.deltas.helpfulVsTruth.organic;
    parts.push(
      `<h2>A/B: ${esc(m.ab.disabledRules.join(', '))} switched off</h2>`,
      table(
        ['metric', 'rules on', 'rules off', 'change'],
        (['shown', 'precision', 'recall', 'shownButUnhelpfulShare', 'trulyHelpfulUnshownShare'] as const).map((k) => [
          k,
          m.main.helpfulVsTruth.organic[k],
          m.ab!.metrics.helpfulVsTruth.organic[k],
          t[k],
        ]),
      ),
    );
    if (m.ab.attack) {
      parts.push(
        table(
          [
            'adversary',
            'success rate (rules on)',
            'success rate (rules off)',
            'targets Helpful (on)',
            'targets Helpful (off)',
          ],
          m.ab.attack.adversaries.map((a, i) => [
            a.label,
            m.attack?.adversaries[i]?.successRate,
            a.successRate,
            m.attack?.adversaries[i]?.targetsHelpfulWithAttack,
            a.targetsHelpfulWithAttack,
          ]),
        ),
      );
    }
  }
  parts.push(...(options.sections?.(exp) ?? []));
  const failed = runsOf.flatMap((r) =>
    r.timeline.runs.filter((x) => x.error !== null).map((x) => [r.label, new Date(x.time).toISOString(), x.error]),
  );
  if (failed.length > 0)
    parts.push(
      '<h2>Scoring runs that failed</h2><p>The scorer refused these snapshots, as the reference would (statuses carried over).</p>',
      table(['run', 'time', 'reason'], failed),
    );
  return htmlPage(preset, parts);
}

/** A stand-alone report page titled `title` (escaped) holding the HTML `parts`. */
export function htmlPage(title: string, parts: readonly string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)} — Bridgelab</title><style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:1em 0;font-size:13px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}svg{display:block;margin:1em 0}</style></head><body>${parts.join('\n')}</body></html>\n`;
}
