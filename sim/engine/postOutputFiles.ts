import type { OutputColumn } from '../data/writeTsv.ts';
import type { ColumnTable } from './outputFiles.ts';
import { POST_COUNT_COLUMNS } from './postTimeline.ts';
import type { SimulationResult } from './runSimulation.ts';

/**
 * post_timeline: one row per successful post scoring run and scored post: the run time, §12's counts and
 * derived columns, candidate and active, and the run's two cut-offs (the post counterpart of status_timeline.tsv).
 * Empty (header only) when the run has no post pilot.
 */
export function postTimelineColumns(result: SimulationResult): ColumnTable {
  const runs = result.posts ? result.posts.timeline.runs.filter((r) => r.error === null) : [];
  const rowRun: number[] = [];
  const rowPost: number[] = [];
  runs.forEach((run, k) => {
    for (let i = 0; i < run.inOutput.length; i++) {
      if (!run.inOutput[i]) continue;
      rowRun.push(k);
      rowPost.push(i);
    }
  });
  const ints = (get: (k: number, i: number) => number) => Float64Array.from(rowRun, (k, r) => get(k, rowPost[r]));
  const cols: OutputColumn[] = [
    { name: 'actionTweetId', kind: 'cell', cell: (r) => result.world.posts.tweetId[rowPost[r]] },
    { name: 'timeMillis', kind: 'int', values: ints((k) => runs[k].time) },
  ];
  for (const name of POST_COUNT_COLUMNS) {
    cols.push({ name, kind: 'int', values: ints((k, i) => runs[k][name][i]) });
  }
  cols.push(
    {
      name: 'eligibleForActiveState',
      kind: 'int',
      values: ints((k, i) => (runs[k].eligible[i] < 0 ? NaN : runs[k].eligible[i])),
    },
    { name: 'candidate', kind: 'int', values: ints((k, i) => runs[k].candidate[i]) },
    { name: 'active', kind: 'int', values: ints((k, i) => runs[k].active[i]) },
    { name: 'totalPosCutoff', kind: 'float', values: ints((k) => runs[k].totalPosCutoff) },
    { name: 'minPosCutoff', kind: 'float', values: ints((k) => runs[k].minPosCutoff) },
  );
  return { columns: cols, rows: rowRun.length };
}

/** truth_posts: every post's latent variables (author, slant, appeal, virality, truly cross-side). */
export function truthPostsColumns(result: SimulationResult): ColumnTable {
  const posts = result.world.posts;
  const a = result.posts?.audience;
  const n = a ? posts.length : 0;
  const targetedBy: string[][] = Array.from({ length: n }, () => []);
  for (const adv of result.posts?.adversaries ?? [])
    for (const i of adv.postTargets) targetedBy[i].push(adv.spec.label);
  const cols: OutputColumn[] = [
    { name: 'tweetId', kind: 'string', values: posts.tweetId.slice(0, n) },
    { name: 'createdAtMillis', kind: 'int', values: posts.createdAt.subarray(0, n) },
    {
      name: 'authorParticipantId',
      kind: 'cell',
      cell: (i) => (a && a.author[i] >= 0 ? result.world.participants.ids[a.author[i]] : ''),
    },
    { name: 'slant', kind: 'float', values: Float64Array.from({ length: n }, (_, i) => posts.slant[2 * i]) },
    { name: 'virality', kind: 'float', values: posts.virality.subarray(0, n) },
    { name: 'appeal', kind: 'float', values: a ? a.appeal : new Float64Array(0) },
    { name: 'crossSide', kind: 'int', values: a ? a.crossSide : new Uint8Array(0) },
    { name: 'targetedBy', kind: 'cell', cell: (i) => targetedBy[i].join(',') },
  ];
  return { columns: cols, rows: n };
}
