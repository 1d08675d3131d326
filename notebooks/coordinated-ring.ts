/**
 * Notebook: coordinated-ring — a bridging forgery. Twelve accounts build a shared history from the + side, then in the
 * last 18 hours (after the last daily prescoring) rate every new note of the - side Helpful within minutes. Shows
 * whether post-selection similarity and the quasi-clique detector find the ring (and which organic raters they flag
 * by mistake), where matrix factorisation places the ring, how far it lifts its targets' intercepts and statuses,
 * and what PostSelectionCoalescing and NoCorrelatedIntercept change (A/B: both switched off).
 * Run: npx tsx notebooks/coordinated-ring.ts [--seed N]   (writes out/notebooks/coordinated-ring.html)
 */
import type { SimulationResult } from '../sim/index.ts';
import { countSeries, presetReport, table } from './lib/presetReport.ts';
import { linesPlot } from '../src/charts/plots/linesPlot.ts';
import { scatterPlot } from '../src/charts/plots/scatterPlot.ts';
import { chartSvg } from './lib/chartSvg.ts';

/** Mean of the finite values. */
const mean = (xs: number[]): number => {
  const ok = xs.filter(Number.isFinite);
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
};

/** A note column of the run's last scoring, by world note index (NaN when absent). */
const noteValue = (run: SimulationResult, column: string, n: number): number => {
  const notes = run.lastResult?.notes;
  const row = notes ? notes.row(n) : -1;
  return notes && row >= 0 ? notes.num(column)[row] : NaN;
};

/** Mean coreRaterFactor1 of the last scoring over participants passing `keep`. */
const raterFactor = (run: SimulationResult, keep: (p: number) => boolean): number => {
  const raters = run.lastResult?.raters;
  if (!raters) return NaN;
  const f = raters.num('coreRaterFactor1');
  const xs: number[] = [];
  for (let k = 0; k < raters.length; k++) if (keep(raters.key[k])) xs.push(f[k]);
  return mean(xs);
};

await presetReport('coordinated-ring', {
  sections: ({ main, counterfactual, ab }) => {
    const ring = main.adversaries[0];
    if (!ring) return [];
    const targets = ring.targets;
    const members = new Set(ring.accounts);
    const cfIndex = new Map(counterfactual?.world.notes.id.map((id, i) => [id, i]) ?? []);
    const cfNote = (n: number) => cfIndex.get(main.world.notes.id[n]);
    const parts: string[] = [];

    const series = [countSeries(main, 'safeguards on', targets, (st) => st === 1)];
    if (ab)
      series.push(countSeries(ab, 'PostSelectionCoalescing, NoCorrelatedIntercept off', targets, (st) => st === 1));
    if (counterfactual) {
      const mapped = targets.map(cfNote).filter((x): x is number => x !== undefined);
      series.push(countSeries(counterfactual, 'same notes, no ring', mapped, (st) => st === 1, true));
    }
    parts.push('<h2>The forgery, safeguards on and off</h2>');
    parts.push(
      chartSvg(linesPlot(series, { xLabel: 'simulated day', yLabel: 'notes', width: 760 }), 'Targets shown as Helpful'),
      table(
        ['run', 'targets shown as Helpful at the end'],
        series.map((s) => [s.name, s.points.at(-1)?.[1]]),
      ),
    );

    const side = (run: SimulationResult, sign: number) => (p: number) =>
      !members.has(p) && Math.sign(run.world.participants.perspective[2 * p]) === sign;
    const row = (label: string, run: SimulationResult | null, withRing: boolean) =>
      run
        ? [
            label,
            withRing ? raterFactor(run, (p) => members.has(p)) : NaN,
            raterFactor(run, side(run, 1)),
            raterFactor(run, side(run, -1)),
            mean(targets.map((n) => (withRing ? noteValue(run, 'coreNoteIntercept', n) : cfValue(run, n)))),
            mean(targets.map((n) => (withRing ? noteValue(run, 'coreNoteInterceptNoCorrelated', n) : NaN))),
          ]
        : [label];
    const cfValue = (run: SimulationResult, n: number) => {
      const m = cfNote(n);
      return m === undefined ? NaN : noteValue(run, 'coreNoteIntercept', m);
    };
    parts.push(
      '<p>Where matrix factorisation puts the ring (last scoring run; rater factors come from the last daily prescoring, which the attack came after). A ring on the + side rating - notes Helpful looks like agreement across sides, which is what raises intercepts. With coalescing on, the clique keeps one rating per note, its shared history included, so most members fall under 10 ratings and leave the fit.</p>',
      table(
        [
          'run',
          'ring rater factor',
          'organic + side raters',
          'organic - side raters',
          'target intercept',
          'target intercept without correlated raters',
        ],
        [row('safeguards on', main, true), row('safeguards off', ab, true), row('no ring', counterfactual, false)],
      ),
    );

    if (counterfactual) {
      const points = (run: SimulationResult | null) =>
        run ? targets.map((n) => [cfValue(counterfactual, n), noteValue(run, 'coreNoteIntercept', n)] as const) : [];
      parts.push(
        chartSvg(
          scatterPlot(
            [
              { name: 'safeguards on', points: points(main) },
              { name: 'safeguards off', points: points(ab) },
            ],
            { xLabel: 'intercept without the ring', yLabel: 'with the ring' },
          ),
          'Target intercepts with the ring against the same notes without it (last run; Helpful from 0.40)',
        ),
      );
    }
    return parts;
  },
});
