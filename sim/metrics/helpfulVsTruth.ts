import type { RunSnapshot } from '../engine/statusTimeline.ts';
import { StatusCode } from '../scoring/noteStatus.ts';
import type { WorldNotes } from '../world/worldTypes.ts';
import { ratio } from './distribution.ts';

/** How the shown (Helpful) notes of one run compare with the notes' true helpfulness. */
export interface HelpfulVsTruth {
  notes: number;
  shown: number;
  trulyHelpful: number;
  trulyUnhelpful: number;
  /** shown and truly helpful / shown */
  precision: number;
  /** shown and truly helpful / truly helpful */
  recall: number;
  /** truly helpful but not shown / truly helpful (= 1 − recall) */
  trulyHelpfulUnshownShare: number;
  /** shown but truly unhelpful / shown */
  shownButUnhelpfulShare: number;
  /** rated Not Helpful although truly helpful / truly helpful */
  trulyHelpfulRatedNotHelpfulShare: number;
}

/**
 * Compares the final statuses of `run` with the truth: a note is truly helpful when its helpfulness is at least
 * `helpfulThreshold`, truly unhelpful below `unhelpfulThreshold`, shown when its finalRatingStatus is Helpful.
 * `include` restricts the notes counted (e.g. organic notes only).
 */
export function helpfulVsTruth(
  notes: WorldNotes,
  run: RunSnapshot,
  helpfulThreshold: number,
  unhelpfulThreshold: number,
  include: (note: number) => boolean = () => true,
): HelpfulVsTruth {
  let n = 0;
  let shown = 0;
  let helpful = 0;
  let unhelpful = 0;
  let hits = 0;
  let falseShown = 0;
  let wronglyNotHelpful = 0;
  for (let i = 0; i < run.notes; i++) {
    if (!include(i)) continue;
    n++;
    const isShown = run.status[i] === StatusCode.CRH;
    const h = notes.helpfulness[i];
    const good = h >= helpfulThreshold;
    const bad = h < unhelpfulThreshold;
    if (isShown) shown++;
    if (good) helpful++;
    if (bad) unhelpful++;
    if (isShown && good) hits++;
    if (isShown && bad) falseShown++;
    if (good && run.status[i] === StatusCode.CRNH) wronglyNotHelpful++;
  }
  return {
    notes: n,
    shown,
    trulyHelpful: helpful,
    trulyUnhelpful: unhelpful,
    precision: ratio(hits, shown),
    recall: ratio(hits, helpful),
    trulyHelpfulUnshownShare: ratio(helpful - hits, helpful),
    shownButUnhelpfulShare: ratio(falseShown, shown),
    trulyHelpfulRatedNotHelpfulShare: ratio(wronglyNotHelpful, helpful),
  };
}
