import type { RunSnapshot } from '../engine/statusTimeline.ts';
import { StatusCode } from '../scoring/noteStatus.ts';
import { ratio } from './distribution.ts';

/** How much proposed-note preview (stabilization) the runs produced. */
export interface PreviewExposure {
  /** notes in preview after at least one run */
  notesEverInPreview: number;
  /** note-hours in preview (each run's preview lasts until the next run) */
  previewHours: number;
  meanHoursPerPreviewedNote: number;
  /** preview spells followed by Helpful at the next run */
  previewsReleasedToHelpful: number;
  /** preview spells followed by anything else */
  previewsEndedOtherwise: number;
  /** notes whose model status was NEEDS_YOUR_HELP (a safeguard held them) in at least one run */
  notesEverNeedsYourHelp: number;
}

/** Preview exposure over a run sequence; the last run's previews count until `end`. */
export function previewExposure(runs: readonly RunSnapshot[], end: number): PreviewExposure {
  const ok = runs.filter((r) => r.error === null);
  const n = ok.length > 0 ? ok[ok.length - 1].notes : 0;
  const ever = new Uint8Array(n);
  const nyh = new Uint8Array(n);
  let hours = 0;
  let released = 0;
  let other = 0;
  for (let k = 0; k < ok.length; k++) {
    const run = ok[k];
    const next = ok[k + 1];
    const until = next ? next.time : end;
    for (let i = 0; i < run.notes; i++) {
      if (run.coreStatus[i] === StatusCode.NYH) nyh[i] = 1;
      if (!run.preview[i]) continue;
      ever[i] = 1;
      hours += (until - run.time) / 3_600_000;
      if (next && !next.preview[i]) {
        if (next.status[i] === StatusCode.CRH) released++;
        else other++;
      }
    }
  }
  const notes = ever.reduce((a, b) => a + b, 0);
  return {
    notesEverInPreview: notes,
    previewHours: hours,
    meanHoursPerPreviewedNote: ratio(hours, notes),
    previewsReleasedToHelpful: released,
    previewsEndedOtherwise: other,
    notesEverNeedsYourHelp: nyh.reduce((a, b) => a + b, 0),
  };
}
