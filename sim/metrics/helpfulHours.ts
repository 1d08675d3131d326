import type { RunSnapshot } from '../engine/statusTimeline.ts';
import { StatusCode } from '../scoring/noteStatus.ts';

/**
 * Per note: hours shown as Helpful, each run's status lasting until the next run (the last until `end`). Failed runs
 * carry the previous statuses, so they count like the run before them.
 */
export function helpfulHours(runs: readonly RunSnapshot[], end: number): Float64Array {
  const n = runs.length > 0 ? runs[runs.length - 1].notes : 0;
  const out = new Float64Array(n);
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k];
    const until = k + 1 < runs.length ? runs[k + 1].time : end;
    const hours = (until - run.time) / 3_600_000;
    for (let i = 0; i < run.notes; i++) if (run.status[i] === StatusCode.CRH) out[i] += hours;
  }
  return out;
}
