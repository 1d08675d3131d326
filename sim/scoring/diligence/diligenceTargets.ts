import { FLAG, NOT_HELPFUL_TAGS, type NotHelpfulTag } from '../../data/tables.ts';

const tagBit = (tag: NotHelpfulTag): number => 1 << (FLAG.notHelpfulTagShift + NOT_HELPFUL_TAGS.indexOf(tag));

/** The three not-helpful tags whose presence makes a rating a low-diligence signal (scoring-core.md §8.1). */
export const DILIGENCE_TAG_MASK =
  tagBit('notHelpfulIncorrect') |
  tagBit('notHelpfulIrrelevantSources') |
  tagBit('notHelpfulSourcesMissingOrUnreliable');

/**
 * Low-diligence targets: min(1, notHelpfulIncorrect + notHelpfulIrrelevantSources +
 * notHelpfulSourcesMissingOrUnreliable), i.e. 1 when any of the three tag bits is set, else 0.
 *
 * Takes the packed `RatingsTable.flags` column and optionally the row numbers to read (one target
 * per entry of `rows`, in that order); returns one 0/1 value per rating.
 *
 * @example diligenceTargets(ratings.flags, trainingRows) // Float32Array of 0/1
 */
export function diligenceTargets(flags: Uint32Array, rows?: Int32Array): Float32Array {
  if (rows === undefined) {
    const out = new Float32Array(flags.length);
    for (let i = 0; i < flags.length; i++) out[i] = (flags[i] & DILIGENCE_TAG_MASK) !== 0 ? 1 : 0;
    return out;
  }
  const out = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!(r >= 0 && r < flags.length)) {
      throw new Error(`diligenceTargets: rows[${i}] = ${r} is outside the flags column (length ${flags.length})`);
    }
    out[i] = (flags[r] & DILIGENCE_TAG_MASK) !== 0 ? 1 : 0;
  }
  return out;
}
