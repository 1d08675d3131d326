import type { RunSnapshot } from '../engine/statusTimeline.ts';
import { StatusCode } from '../scoring/noteStatus.ts';
import type { WorldNotes } from '../world/worldTypes.ts';
import { distribution, type Distribution } from './distribution.ts';

/** Per note: hours from creation to the first run showing it as Helpful (NaN when never). */
export function hoursToFirstHelpful(notes: WorldNotes, runs: readonly RunSnapshot[]): Float64Array {
  return hoursToFirst(notes, runs, (run, n) => run.status[n] === StatusCode.CRH);
}

/** Per note: hours from creation to the first run putting it in proposed-note preview (NaN when never). */
export function hoursToFirstPreview(notes: WorldNotes, runs: readonly RunSnapshot[]): Float64Array {
  return hoursToFirst(notes, runs, (run, n) => run.preview[n] === 1);
}

function hoursToFirst(
  notes: WorldNotes,
  runs: readonly RunSnapshot[],
  hit: (run: RunSnapshot, n: number) => boolean,
): Float64Array {
  const last = runs.length > 0 ? runs[runs.length - 1].notes : 0;
  const out = new Float64Array(last).fill(NaN);
  for (const run of runs) {
    if (run.error !== null) continue;
    for (let n = 0; n < run.notes; n++) {
      if (Number.isNaN(out[n]) && hit(run, n)) out[n] = (run.time - notes.createdAt[n]) / 3_600_000;
    }
  }
  return out;
}

/** Distribution of time to first Helpful over the notes selected by `include`. */
export function timeToFirstHelpful(
  notes: WorldNotes,
  runs: readonly RunSnapshot[],
  include: (n: number) => boolean = () => true,
): Distribution {
  const hours = hoursToFirstHelpful(notes, runs);
  return distribution(Array.from(hours).filter((_, n) => include(n)));
}
