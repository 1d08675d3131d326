/**
 * Columnar in-memory tables for the four files of the public Community Notes data download.
 *
 * Every id is interned once: participants (raters, authors, enrolled users) share one dictionary,
 * notes have their own. Rows refer to them by dense Int32 index. No object per rating.
 * Missing numeric values are NaN; missing strings are null.
 */

/** A string interning table: index <-> string, in first-seen order. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  /** Index of `s`, adding it when new. */
  intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  /** Index of `s`, or -1 when it was never interned. */
  get(s: string): number {
    const i = this.index.get(s);
    return i === undefined ? -1 : i;
  }

  get size(): number {
    return this.values.length;
  }
}

/** The 9 helpful tags, in public-file order; bit i of `RatingsTable.flags` is tag i. */
export const HELPFUL_TAGS = [
  'helpfulOther',
  'helpfulInformative',
  'helpfulClear',
  'helpfulEmpathetic',
  'helpfulGoodSources',
  'helpfulUniqueContext',
  'helpfulAddressesClaim',
  'helpfulImportantContext',
  'helpfulUnbiasedLanguage',
] as const;

/** The 13 not-helpful tags, in public-file order; bit 9 + i of `RatingsTable.flags` is tag i. */
export const NOT_HELPFUL_TAGS = [
  'notHelpfulOther',
  'notHelpfulIncorrect',
  'notHelpfulSourcesMissingOrUnreliable',
  'notHelpfulOpinionSpeculationOrBias',
  'notHelpfulMissingKeyPoints',
  'notHelpfulOutdated',
  'notHelpfulHardToUnderstand',
  'notHelpfulArgumentativeOrBiased',
  'notHelpfulOffTopic',
  'notHelpfulSpamHarassmentOrAbuse',
  'notHelpfulIrrelevantSources',
  'notHelpfulOpinionSpeculation',
  'notHelpfulNoteNotNeeded',
] as const;

export type HelpfulTag = (typeof HELPFUL_TAGS)[number];
export type NotHelpfulTag = (typeof NOT_HELPFUL_TAGS)[number];

/** Bit layout of `RatingsTable.flags` (one Uint32 per rating). */
export const FLAG = {
  /** bits 0..8: helpful tags (HELPFUL_TAGS order). */
  helpfulTagShift: 0,
  /** bits 9..21: not-helpful tags (NOT_HELPFUL_TAGS order). */
  notHelpfulTagShift: 9,
  /** bits 22..23: helpfulnessLevel: 0 empty, 1 NOT_HELPFUL, 2 SOMEWHAT_HELPFUL, 3 HELPFUL. */
  levelShift: 22,
  levelMask: 0b11 << 22,
  /** bit 24: ratingSourceBucketed == POPULATION_SAMPLED. */
  populationSampled: 1 << 24,
  /** bit 25: v1 form `helpful` == 1. */
  v1Helpful: 1 << 25,
  /** bit 26: v1 form `notHelpful` == 1. */
  v1NotHelpful: 1 << 26,
} as const;

export const LEVEL_NONE = 0;
export const LEVEL_NOT_HELPFUL = 1;
export const LEVEL_SOMEWHAT_HELPFUL = 2;
export const LEVEL_HELPFUL = 3;

/** helpfulnessLevel code of a rating's flags. */
export const levelOf = (flags: number): number => (flags >>> FLAG.levelShift) & 0b11;
/** Whether helpful tag `i` (HELPFUL_TAGS index) is set. */
export const hasHelpfulTag = (flags: number, i: number): boolean => ((flags >>> i) & 1) === 1;
/** Whether not-helpful tag `i` (NOT_HELPFUL_TAGS index) is set. */
export const hasNotHelpfulTag = (flags: number, i: number): boolean => ((flags >>> (9 + i)) & 1) === 1;
/** Mask of all 13 not-helpful tag bits. */
export const NOT_HELPFUL_TAG_MASK = 0x1fff << 9;

/**
 * Ratings, one row per rating: 20 bytes per row (two Int32, one Float64, one Uint32) plus
 * helpfulNum (1 byte code). `helpfulNum` is NaN-free after preprocessing.
 */
export interface RatingsTable {
  length: number;
  /** note index into `Dataset.noteIds`. */
  note: Int32Array;
  /** participant index into `Dataset.participants`. */
  rater: Int32Array;
  /** rating time, ms since epoch. */
  createdAt: Float64Array;
  /** packed tags / level / source, see FLAG. */
  flags: Uint32Array;
  /** helpfulNum * 2: 0 (not helpful), 1 (somewhat), 2 (helpful), 255 (unanswered, dropped by preprocessing). */
  helpful2: Uint8Array;
}

export type Classification = 'NOT_MISLEADING' | 'MISINFORMED_OR_POTENTIALLY_MISLEADING';
/** classification code: 0 null (deleted), 1 NOT_MISLEADING, 2 MISINFORMED_OR_POTENTIALLY_MISLEADING. */
export const CLASS_NULL = 0;
export const CLASS_NOT_MISLEADING = 1;
export const CLASS_MISLEADING = 2;

/** notes-00000.tsv, the columns scoring uses. Row i describes note `noteRow[i]`... see Dataset. */
export interface NotesTable {
  length: number;
  /** note index (into Dataset.noteIds) of each row. */
  note: Int32Array;
  /** participant index of the author. */
  author: Int32Array;
  createdAt: Float64Array;
  /** tweetId as a decimal string ("-1" = no post). */
  tweetId: string[];
  /** CLASS_* code. */
  classification: Uint8Array;
  summary: string[];
}

/** The 24 noteStatusHistory columns. Numeric columns use NaN for missing. Row order = file order. */
export interface StatusHistoryTable {
  length: number;
  note: Int32Array;
  author: Int32Array;
  createdAt: Float64Array;
  timestampMillisOfFirstNonNMRStatus: Float64Array;
  firstNonNMRStatus: (string | null)[];
  timestampMillisOfCurrentStatus: Float64Array;
  currentStatus: (string | null)[];
  timestampMillisOfLatestNonNMRStatus: Float64Array;
  mostRecentNonNMRStatus: (string | null)[];
  timestampMillisOfStatusLock: Float64Array;
  lockedStatus: (string | null)[];
  timestampMillisOfRetroLock: Float64Array;
  currentCoreStatus: (string | null)[];
  currentExpansionStatus: (string | null)[];
  currentGroupStatus: (string | null)[];
  currentDecidedBy: (string | null)[];
  currentModelingGroup: Float64Array;
  timestampMillisOfMostRecentStatusChange: Float64Array;
  timestampMillisOfNmrDueToMinStableCrhTime: Float64Array;
  currentMultiGroupStatus: (string | null)[];
  currentModelingMultiGroup: Float64Array;
  timestampMinuteOfFinalScoringOutput: Float64Array;
  timestampMillisOfFirstNmrDueToMinStableCrhTime: Float64Array;
  abovePcrhThresholdTime: Float64Array;
}

/** userEnrollment-00000.tsv. */
export interface EnrollmentTable {
  length: number;
  participant: Int32Array;
  enrollmentState: string[];
  successfulRatingNeededToEarnIn: Float64Array;
  timestampOfLastStateChange: Float64Array;
  timestampOfLastEarnOut: Float64Array;
  modelingPopulation: (string | null)[];
  /** NaN when empty. */
  modelingGroup: Float64Array;
  numberOfTimesEarnedOut: Float64Array;
}

/** Everything read from one data directory. */
export interface Dataset {
  participants: Dictionary;
  /** note ids as decimal strings (exact 64-bit). */
  noteIds: Dictionary;
  notes: NotesTable;
  ratings: RatingsTable;
  statusHistory: StatusHistoryTable;
  enrollment: EnrollmentTable;
}
