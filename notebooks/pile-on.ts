/**
 * Notebook: pile-on — three waves of one-sided Helpful ratings from recruited raters of one side. Shows whether
 * the pile-on lifts its targets' intercepts and statuses compared with the same world without it, how often the
 * net-helpful balance rules (MinMinorityRaters, RaterBalance) hold targets back (NEEDS_YOUR_HELP), and what
 * switching those rules and the population-sampled veto off changes.
 * Run: npx tsx notebooks/pile-on.ts [--seed N]   (writes out/notebooks/pile-on.html)
 */
import { StatusCode } from '../sim/index.ts';
import { presetReport, table } from './lib/presetReport.ts';

await presetReport('pile-on', {
  sections: ({ main, ab }) => {
    const targets = main.adversaries[0]?.targets ?? [];
    const nyh = (run: typeof main | null) => {
      if (!run) return NaN;
      const seen = new Set<number>();
      for (const r of run.timeline.runs)
        for (const n of targets) if (n < r.notes && r.coreStatus[n] === StatusCode.NYH) seen.add(n);
      return seen.size;
    };
    return [
      '<h2>Safeguards on the targets</h2>',
      table(
        ['run', 'targets', 'targets ever NEEDS_YOUR_HELP in Core'],
        [
          ['main', targets.length, nyh(main)],
          ['ab (rules off)', targets.length, nyh(ab)],
        ],
      ),
    ];
  },
});
