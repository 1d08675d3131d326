/**
 * Notebook: classroom — 12 raters and 14 notes, small enough to read every rating. Shows the rating matrix (who
 * rated what, and how) next to each note's true helpfulness, slant and final status.
 * Run: npx tsx notebooks/classroom.ts [--seed N]   (writes out/notebooks/classroom.html)
 */
import { levelOf } from '../sim/index.ts';
import { presetReport, table } from './lib/presetReport.ts';

await presetReport('classroom', {
  sections: ({ main }) => {
    const { world, dataset } = main;
    const last = main.timeline.runs.filter((r) => r.error === null).at(-1);
    const raters = world.participants.organicRaters;
    const cell = new Map<string, string>();
    const t = dataset.ratings;
    for (let i = 0; i < t.length; i++) cell.set(`${t.note[i]}:${t.rater[i]}`, ['', 'N', 'S', 'H'][levelOf(t.flags[i])]);
    const rows = Array.from({ length: dataset.notes.length }, (_, n) => [
      `note ${n + 1}`,
      world.notes.helpfulness[n],
      world.notes.slant[2 * n],
      last ? (['NMR', 'Helpful', 'Not Helpful'][last.status[n]] ?? '') : '',
      ...Array.from({ length: raters }, (_, u) => cell.get(`${n}:${u}`) ?? ''),
    ]);
    const header = [
      'note',
      'helpfulness',
      'slant',
      'final status',
      ...Array.from({ length: raters }, (_, u) => `r${u + 1} (${world.participants.perspective[2 * u].toFixed(1)})`),
    ];
    return [
      "<h2>Every rating</h2><p>H = Helpful, S = Somewhat helpful, N = Not helpful; rater columns show each rater's perspective.</p>",
      table(header, rows),
    ];
  },
});
