import type { AuthorStats, Helpfulness } from '../helpfulness/raterHelpfulness.ts';
import type { countValidRatings } from '../helpfulness/validRatings.ts';
import type { NoteTable, RaterTable } from './fitModel.ts';

/** What prescoring hands to final scoring for one scorer (scoring-core.md §7.12). */
export interface PrescoringResult {
  scorerName: string;
  notes: NoteTable;
  raters: RaterTable;
  firstRoundRaters: RaterTable;
  globalIntercept: number;
  authors: AuthorStats | null;
  helpfulness: Helpfulness | null;
  valid: ReturnType<typeof countValidRatings> | null;
  harassment: NoteTable | null;
  diligence: DiligencePrescoring | null;
  /** 95th (or configured) percentile thresholds per not-helpful tag (NOT_HELPFUL_TAGS order) */
  tagThresholds: Float64Array;
  incorrectTagRatingsMadeByRater: Float64Array;
  totalRatingsMadeByRater: Float64Array;
  /** participants with a row in the prescoring rater output (final-round raters ∪ helpfulness rows) */
  raterRows: Uint8Array;
  finalRoundNumRatings: number;
  finalRoundNumNotes: number;
  finalRoundNumUsers: number;
}

/** Low-diligence model state carried from prescoring to final scoring (scoring-core.md §8), global-keyed (NaN = absent). */
export interface DiligencePrescoring {
  noteIntercept: Float64Array;
  noteFactor: Float64Array;
  noteInterceptRound2: Float64Array;
  raterIntercept: Float64Array;
  raterFactor: Float64Array;
  raterReputation: Float64Array;
  raterInterceptRound2: Float64Array;
  mu: [number, number, number];
}
