import type { RatingsTable } from '../../data/tables.ts';
import { quantileOfSorted } from '../stats.ts';

/** numpy's linear quantile of ascending values (re-exported for callers of this module). */
export const quantileLinear = quantileOfSorted;

/** Below this many distinct rated notes the data is "test data": nobody is flagged (`minNumNotesForProdData`). */
export const MIN_NOTES_FOR_PROD_DATA = 200;
/** Recent-activity windows (7 and 28 days, ms). */
export const HIGH_VOLUME_WINDOWS_MS = [7 * 24 * 3600 * 1000, 28 * 24 * 3600 * 1000] as const;
/** Quantile of recent rating counts a rater must strictly exceed. */
export const HIGH_VOLUME_QUANTILE = 0.999;

/**
 * `highVolumeRater` per rating row (scoring-core.md §2.6 step 3, scoring-robustness.md §4.1).
 *
 * Takes the (preprocessed) ratings and the participant count (rater indices must be below it); returns one
 * flag per row, 1 when the row's rater counts strictly more ratings after `max(createdAt) − window` than the
 * 0.999 quantile (numpy "linear") of those counts over raters active in the window, for the 7- or 28-day window.
 * Ratings covering fewer than 200 distinct notes flag nobody.
 *
 * @example tagHighVolumeRaters(ratings, dataset.participants.size) // Uint8Array(ratings.length)
 */
export function tagHighVolumeRaters(ratings: RatingsTable, nParticipants: number): Uint8Array {
  const n = ratings.length;
  const flags = new Uint8Array(n);
  const { note, rater, createdAt } = ratings;
  let maxNote = -1;
  let maxTime = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = rater[i];
    if (r < 0 || r >= nParticipants) {
      throw new Error(`tagHighVolumeRaters: ratings row ${i} has rater index ${r}, outside [0, ${nParticipants})`);
    }
    if (note[i] < 0) throw new Error(`tagHighVolumeRaters: ratings row ${i} has note index ${note[i]}`);
    if (note[i] > maxNote) maxNote = note[i];
    if (createdAt[i] > maxTime) maxTime = createdAt[i];
  }
  if (countDistinct(note, maxNote + 1) < MIN_NOTES_FOR_PROD_DATA) return flags;

  const flagged = new Uint8Array(nParticipants);
  const counts = new Int32Array(nParticipants);
  for (const window of HIGH_VOLUME_WINDOWS_MS) {
    const cutoff = maxTime - window;
    counts.fill(0);
    for (let i = 0; i < n; i++) if (createdAt[i] > cutoff) counts[rater[i]]++;
    const active: number[] = [];
    for (let r = 0; r < nParticipants; r++) if (counts[r] > 0) active.push(counts[r]);
    if (active.length === 0) continue;
    const threshold = quantileLinear(Float64Array.from(active).sort(), HIGH_VOLUME_QUANTILE);
    for (let r = 0; r < nParticipants; r++) if (counts[r] > threshold) flagged[r] = 1;
  }
  for (let i = 0; i < n; i++) flags[i] = flagged[rater[i]];
  return flags;
}

function countDistinct(values: Int32Array, size: number): number {
  const seen = new Uint8Array(size);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    if (seen[values[i]] === 0) {
      seen[values[i]] = 1;
      k++;
    }
  }
  return k;
}
