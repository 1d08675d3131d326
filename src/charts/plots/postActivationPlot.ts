import type { PostActivation } from '../../../sim/index.ts';
import { OKABE_ITO } from '../palette.ts';
import type { ChartSpec } from './chartSpec.ts';
import { linesPlot } from './linesPlot.ts';

const at = (a: PostActivation, values: ArrayLike<number>) =>
  Array.from(a.time, (t, k): [number, number] => [t, values[k]]);

/** Active posts and candidates at every post scoring run of the simulation (the post timeline). */
export function postActivationPlot(a: PostActivation, width: number): ChartSpec {
  return linesPlot(
    [
      { name: 'active posts', points: at(a, a.active), color: OKABE_ITO.bluishGreen },
      { name: 'candidates', points: at(a, a.candidates), color: OKABE_ITO.orange, dashed: true },
    ],
    { width, height: 240, time: true, xLabel: 'simulated time', yLabel: 'posts', tip: (r) => `${r.name}: ${r.y}` },
  );
}

/**
 * One post (world index `post`) over the runs: its totalPos and minPos against the run's cut-offs (dashed); the
 * post is active at a run when either reaches its cut-off and it is a candidate.
 */
export function postTrajectoryPlot(a: PostActivation, post: number, width: number): ChartSpec {
  const n = a.tweetId.length;
  const column = (values: Int32Array) => Array.from(a.time, (_, k) => values[k * n + post]);
  return linesPlot(
    [
      { name: 'totalPos', points: at(a, column(a.totalPos)), color: OKABE_ITO.reddishPurple },
      { name: 'totalPos cut-off', points: at(a, a.totalPosCutoff), color: OKABE_ITO.reddishPurple, dashed: true },
      { name: 'minPos', points: at(a, column(a.minPos)), color: OKABE_ITO.blue },
      { name: 'minPos cut-off', points: at(a, a.minPosCutoff), color: OKABE_ITO.blue, dashed: true },
    ],
    {
      width,
      height: 220,
      time: true,
      xLabel: 'simulated time',
      yLabel: 'likes',
      tip: (r) => `${r.name}: ${r.y}${a.activeByRun[a.time.indexOf(+r.x) * n + post] ? ' (active)' : ''}`,
    },
  );
}
