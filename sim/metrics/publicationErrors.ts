import { ratio } from './distribution.ts';

/**
 * The four error rates of a publication decision against the truth (arXiv 2511.02615 names suppression and
 * pollution; infiltration and waste complete the confusion matrix in our reading, as the study's exact wording was
 * not available to us):
 * - suppression: truly helpful notes left unpublished / truly helpful notes (miss rate);
 * - pollution: published notes that are truly unhelpful / published notes (false discovery rate);
 * - infiltration: truly unhelpful notes published / truly unhelpful notes (false positive rate);
 * - waste: unpublished notes that are truly helpful / unpublished notes (false omission rate).
 * NaN when the denominator is 0.
 */
export interface PublicationErrors {
  notes: number;
  trulyHelpful: number;
  published: number;
  suppression: number;
  pollution: number;
  infiltration: number;
  waste: number;
}

/**
 * Error rates over the notes `n` with `include(n)`: `helpful[n]` 1 when truly helpful, `published[n]` 1 when
 * published.
 *
 * @example publicationErrors(Uint8Array.of(1, 1, 0, 0), Uint8Array.of(1, 0, 1, 0)).suppression; // 0.5
 */
export function publicationErrors(
  helpful: ArrayLike<number>,
  published: ArrayLike<number>,
  include: (n: number) => boolean = () => true,
): PublicationErrors {
  let notes = 0;
  let good = 0;
  let shown = 0;
  let hit = 0;
  for (let n = 0; n < helpful.length; n++) {
    if (!include(n)) continue;
    notes++;
    if (helpful[n]) good++;
    if (published[n]) shown++;
    if (helpful[n] && published[n]) hit++;
  }
  const bad = notes - good;
  const unshown = notes - shown;
  return {
    notes,
    trulyHelpful: good,
    published: shown,
    suppression: ratio(good - hit, good),
    pollution: ratio(shown - hit, shown),
    infiltration: ratio(shown - hit, bad),
    waste: ratio(good - hit, unshown),
  };
}

/** The study's publication rule on a fitted note: intercept > 0.4 and |factor| < 0.5 (NaN = not published). */
export const STUDY_PUBLISH_INTERCEPT = 0.4;
export const STUDY_PUBLISH_FACTOR = 0.5;

/** 1 where intercept[n] > 0.4 and |factor[n]| < 0.5 (the study's rule), else 0 (also for NaN). */
export function studyPublished(intercept: ArrayLike<number>, factor: ArrayLike<number>): Uint8Array {
  return Uint8Array.from({ length: intercept.length }, (_, n) =>
    intercept[n] > STUDY_PUBLISH_INTERCEPT && Math.abs(factor[n]) < STUDY_PUBLISH_FACTOR ? 1 : 0,
  );
}

/** Error rates over all notes and split by side (−1 / +1 by the sign of `side[n]`; 0 and NaN in neither half). */
export interface SplitPublicationErrors {
  all: PublicationErrors;
  minus: PublicationErrors;
  plus: PublicationErrors;
}

/** publicationErrors over the included notes, then over those with side < 0 and side > 0. */
export function splitBySide(
  helpful: ArrayLike<number>,
  published: ArrayLike<number>,
  side: ArrayLike<number>,
  include: (n: number) => boolean = () => true,
): SplitPublicationErrors {
  return {
    all: publicationErrors(helpful, published, include),
    minus: publicationErrors(helpful, published, (n) => include(n) && side[n] < 0),
    plus: publicationErrors(helpful, published, (n) => include(n) && side[n] > 0),
  };
}
