/**
 * Post sections of the post preset notebooks (issue #10): activation over time, the rankings against the truth,
 * the dislike veto, and what post attacks achieved against the counterfactual run.
 */
import type { ExperimentResult, PostMetrics, SimulationResult } from '../../sim/index.ts';
import { barsPlot } from '../../src/charts/plots/barsPlot.ts';
import { linesPlot } from '../../src/charts/plots/linesPlot.ts';
import { chartSvg } from './chartSvg.ts';
import { dayOf, table } from './presetReport.ts';

const runsWithPosts = (exp: ExperimentResult): SimulationResult[] =>
  [exp.main, exp.counterfactual].filter((r): r is SimulationResult => r !== null && r.posts !== null);

/** The HTML sections of a run with a post pilot (none when the scenario has none). */
export function postSections(exp: ExperimentResult): string[] {
  const runs = runsWithPosts(exp);
  if (runs.length === 0) return [];
  const m = exp.metrics;
  const metricsOf = (r: SimulationResult): PostMetrics | null =>
    (r === exp.main ? m.main : m.counterfactual)?.posts ?? null;
  const parts: string[] = ['<h2>Posts liked by people who disagree (§12)</h2>'];
  const main = metricsOf(exp.main);
  if (main)
    parts.push(
      `<p>${main.posts} posts (${main.crossSide} truly cross-side), ${main.admitted} admitted post raters, ${main.boosts} boosts, ${main.lingers} callout impressions and ${main.ratings} post ratings; ${main.everActive} posts active at some run, ${main.everActiveCrossSide} of them truly cross-side.</p>`,
    );
  parts.push(
    chartSvg(
      linesPlot(
        runs.flatMap((r, k) => {
          const ok = r.posts!.timeline.runs.filter((x) => x.error === null);
          return [
            {
              name: `active (${r.label})`,
              dashed: k > 0,
              points: ok.map((x) => [dayOf(r, x.time), x.active.reduce((a, v) => a + v, 0)] as const),
            },
            {
              name: `candidates (${r.label})`,
              dashed: k > 0,
              points: ok.map((x) => [dayOf(r, x.time), x.candidates] as const),
            },
          ];
        }),
        { xLabel: 'simulated day', yLabel: 'posts', width: 760 },
      ),
      `Active posts and candidates after each post scoring run${runs.length > 1 ? ' (dashed: without the attack)' : ''}`,
    ),
  );
  const rows: unknown[][] = [];
  for (const r of runs) {
    const last = metricsOf(r)?.lastRun;
    if (!last) continue;
    for (const [name, x] of Object.entries(last.rankings))
      rows.push([
        r.label,
        name,
        x.shown,
        x.atK.hits,
        x.atK.precision,
        x.atK.recall,
        x.sides.plusShare,
        x.sides.balance,
      ]);
  }
  const k = exp.main.scenario.posts.rankK;
  parts.push(
    `<h3>Rankings against the truth after the last run (top ${k})</h3>`,
    table(
      ['run', 'ranking', 'shown', `cross-side in top ${k}`, 'precision', 'recall', '+ side share', 'side balance'],
      rows,
    ),
  );
  const names = Object.keys(main?.lastRun?.rankings ?? {});
  parts.push(
    chartSvg(
      barsPlot(
        names,
        runs.map((r) => ({
          name: r.label,
          values: names.map((n) => metricsOf(r)?.lastRun?.rankings[n]?.atK.precision ?? NaN),
        })),
        { xLabel: `precision at ${k} (truly cross-side posts)` },
      ),
      'Which ranking surfaces truly cross-side posts',
    ),
  );
  parts.push(
    '<h3>The dislike veto on truly cross-side posts (past the linger and eligibility gates)</h3>',
    table(
      ['run', 'cross-side posts past the other gates', 'blocked by an L or R dislike', 'share'],
      runs.map((r) => {
        const v = metricsOf(r)?.lastRun?.veto;
        return [r.label, v?.bridging, v?.blocked, v?.share];
      }),
    ),
  );
  const attack = m.attack?.posts;
  if (attack && attack.adversaries.length > 0) {
    parts.push(
      '<h3>Post attacks against the counterfactual</h3>',
      table(
        [
          'adversary',
          'kind',
          'accounts',
          'post actions',
          'camouflage',
          'targets',
          'active with',
          'without',
          'successes',
          'rate',
        ].concat(names.map((n) => `${n} top ${k} with / without`)),
        attack.adversaries.map((a) => [
          a.label,
          a.kind,
          a.accounts,
          a.postActions,
          a.camouflageRatings,
          a.targets,
          a.targetsActiveWithAttack,
          a.targetsActiveWithout,
          a.successes,
          a.successRate,
          ...names.map((n) => `${a.rankings[n]?.withAttack ?? '–'} / ${a.rankings[n]?.without ?? '–'}`),
        ]),
      ),
      `<p>Collateral: ${attack.collateral.activeChanged} untargeted posts end with another §12 verdict (${attack.collateral.gainedActive} active only with the attack, ${attack.collateral.lostActive} only without).</p>`,
    );
  }
  return parts;
}
