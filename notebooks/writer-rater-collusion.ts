/**
 * Notebook: writer-rater-collusion — colluding writers whose mediocre notes get fast Helpful ratings from colluding
 * raters. Shows whether post-selection similarity pairs the writers with their raters, and how many of the
 * colluders' notes are shown as Helpful (they do not exist in the counterfactual, so success is their Helpful count).
 * Run: npx tsx notebooks/writer-rater-collusion.ts [--seed N]   (writes out/notebooks/writer-rater-collusion.html)
 */
import { presetReport, table } from './lib/presetReport.ts';

await presetReport('writer-rater-collusion', {
  sections: ({ main }) => {
    const last = main.timeline.runs.filter((r) => r.error === null).at(-1);
    const adv = main.adversaries[0];
    if (!last || !adv) return [];
    const rows = adv.targets.map((n) => [
      main.world.notes.id[n],
      main.world.notes.helpfulness[n],
      ['NMR', 'Helpful', 'Not Helpful'][last.status[n]] ?? '',
      last.intercept[n],
      main.dataset.ratings.note.filter((x) => x === n).length,
    ]);
    return [
      "<h2>The colluders' notes at the end</h2>",
      table(['note', 'true helpfulness', 'final status', 'core intercept', 'ratings'], rows),
    ];
  },
});
