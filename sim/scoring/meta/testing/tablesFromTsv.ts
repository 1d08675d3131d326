import {
  FLAG,
  HELPFUL_TAGS,
  LEVEL_HELPFUL,
  LEVEL_NOT_HELPFUL,
  LEVEL_SOMEWHAT_HELPFUL,
  NOT_HELPFUL_TAGS,
  type Dictionary,
  type EnrollmentTable,
  type RatingsTable,
} from '../../../data/tables.ts';
import { numValues, strValues, type Tsv } from './parseTsv.ts';

/**
 * Test support: a RatingsTable from a parsed ratings TSV, keeping only answered ratings on notes `keepNote`
 * accepts (pass the classification filter of scoring-core.md §2.6 step 6).
 */
export function ratingsFromTsv(
  tsv: Tsv,
  noteIds: Dictionary,
  participants: Dictionary,
  keepNote: (noteId: string) => boolean,
): RatingsTable {
  const note = tsv.col('noteId');
  const rater = tsv.col('raterParticipantId');
  const created = numValues(tsv.col('createdAtMillis'));
  const level = tsv.col('helpfulnessLevel');
  const v1h = tsv.col('helpful');
  const v1n = tsv.col('notHelpful');
  const source = tsv.col('ratingSourceBucketed');
  const tags = [...HELPFUL_TAGS.map((t) => tsv.col(t)), ...NOT_HELPFUL_TAGS.map((t) => tsv.col(t))];
  const rows: number[] = [];
  const flags: number[] = [];
  const helpful2: number[] = [];
  for (let i = 0; i < note.length; i++) {
    let h = -1;
    if (v1h[i] === '1') h = 2;
    if (v1n[i] === '1') h = 0;
    const code =
      level[i] === 'HELPFUL'
        ? LEVEL_HELPFUL
        : level[i] === 'SOMEWHAT_HELPFUL'
          ? LEVEL_SOMEWHAT_HELPFUL
          : level[i] === 'NOT_HELPFUL'
            ? LEVEL_NOT_HELPFUL
            : 0;
    if (code !== 0) h = code === LEVEL_HELPFUL ? 2 : code === LEVEL_SOMEWHAT_HELPFUL ? 1 : 0;
    if (h < 0 || !keepNote(note[i])) continue;
    let f = code << FLAG.levelShift;
    tags.forEach(
      (col, t) =>
        col[i] === '1' && (f |= 1 << (t < HELPFUL_TAGS.length ? t : FLAG.notHelpfulTagShift + t - HELPFUL_TAGS.length)),
    );
    if (source[i] === 'POPULATION_SAMPLED') f |= FLAG.populationSampled;
    rows.push(i);
    flags.push(f >>> 0);
    helpful2.push(h);
  }
  return {
    length: rows.length,
    note: Int32Array.from(rows, (i) => noteIds.intern(note[i])),
    rater: Int32Array.from(rows, (i) => participants.intern(rater[i])),
    createdAt: Float64Array.from(rows, (i) => created[i]),
    flags: Uint32Array.from(flags),
    helpful2: Uint8Array.from(helpful2),
  };
}

/** Test support: an EnrollmentTable from a parsed userEnrollment TSV. */
export function enrollmentFromTsv(tsv: Tsv, participants: Dictionary): EnrollmentTable {
  return {
    length: tsv.rows.length,
    participant: Int32Array.from(tsv.col('participantId'), (p) => participants.intern(p)),
    enrollmentState: tsv.col('enrollmentState'),
    successfulRatingNeededToEarnIn: numValues(tsv.col('successfulRatingNeededToEarnIn')),
    timestampOfLastStateChange: numValues(tsv.col('timestampOfLastStateChange')),
    timestampOfLastEarnOut: numValues(tsv.col('timestampOfLastEarnOut')),
    modelingPopulation: strValues(tsv.col('modelingPopulation')),
    modelingGroup: numValues(tsv.col('modelingGroup')),
    numberOfTimesEarnedOut: numValues(tsv.col('numberOfTimesEarnedOut')),
  };
}
