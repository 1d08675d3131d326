import { HELPFUL_TAGS, NOT_HELPFUL_TAGS } from './tables.ts';

/**
 * Column layouts of the four input files of the public data download (scoring-core.md §2.2-2.5), in file
 * order. `name` is what our writers put in the header (the names the current public files and the reference
 * scorer use); `aliases` are other accepted header spellings (the documented public names such as
 * `participantId`, and renamed tags).
 */
export interface InputColumn {
  readonly name: string;
  readonly aliases?: readonly string[];
}

/** A file layout: its columns, and the column counts accepted in a header (a prefix of `columns`). */
export interface InputLayout {
  readonly kind: 'notes' | 'ratings' | 'noteStatusHistory' | 'userEnrollment' | 'postRatings' | 'postActions' | 'users';
  readonly columns: readonly InputColumn[];
  readonly acceptedCounts: readonly number[];
}

const plain = (names: readonly string[]): InputColumn[] => names.map((name) => ({ name }));

/** notes-00000.tsv: 24 columns. */
export const NOTES_LAYOUT: InputLayout = {
  kind: 'notes',
  columns: [
    { name: 'noteId' },
    { name: 'noteAuthorParticipantId', aliases: ['participantId'] },
    ...plain(['createdAtMillis', 'tweetId', 'classification', 'believable', 'harmful', 'validationDifficulty']),
    ...plain([
      'misleadingOther',
      'misleadingFactualError',
      'misleadingManipulatedMedia',
      'misleadingOutdatedInformation',
      'misleadingMissingImportantContext',
      'misleadingUnverifiedClaimAsFact',
      'misleadingSatire',
      'notMisleadingOther',
      'notMisleadingFactuallyCorrect',
      'notMisleadingOutdatedButNotWhenWritten',
      'notMisleadingClearlySatire',
      'notMisleadingPersonalOpinion',
      'trustworthySources',
      'summary',
      'isMediaNote',
      'isCollaborativeNote',
    ]),
  ],
  acceptedCounts: [24],
};

/** ratings-*.tsv: 35 columns (33 without the trailing `suggestion`, `suggestionId`; 34 without the id). */
export const RATINGS_LAYOUT: InputLayout = {
  kind: 'ratings',
  columns: [
    { name: 'noteId' },
    { name: 'raterParticipantId', aliases: ['participantId'] },
    ...plain(['createdAtMillis', 'version', 'agree', 'disagree', 'helpful', 'notHelpful', 'helpfulnessLevel']),
    ...plain(HELPFUL_TAGS),
    ...NOT_HELPFUL_TAGS.map((name) =>
      name === 'notHelpfulArgumentativeOrBiased'
        ? { name, aliases: ['notHelpfulArgumentativeOrInflammatory'] }
        : { name },
    ),
    ...plain(['ratedOnTweetId', 'ratingSourceBucketed', 'suggestion', 'suggestionId']),
  ],
  acceptedCounts: [35, 34, 33],
};

/** noteStatusHistory-00000.tsv: 24 columns, or the 23-column legacy layout without `abovePcrhThresholdTime`. */
export const STATUS_HISTORY_LAYOUT: InputLayout = {
  kind: 'noteStatusHistory',
  columns: [
    { name: 'noteId' },
    { name: 'noteAuthorParticipantId', aliases: ['participantId'] },
    ...plain([
      'createdAtMillis',
      'timestampMillisOfFirstNonNMRStatus',
      'firstNonNMRStatus',
      'timestampMillisOfCurrentStatus',
      'currentStatus',
      'timestampMillisOfLatestNonNMRStatus',
    ]),
    { name: 'mostRecentNonNMRStatus', aliases: ['latestNonNMRStatus'] },
    ...plain([
      'timestampMillisOfStatusLock',
      'lockedStatus',
      'timestampMillisOfRetroLock',
      'currentCoreStatus',
      'currentExpansionStatus',
      'currentGroupStatus',
      'currentDecidedBy',
      'currentModelingGroup',
      'timestampMillisOfMostRecentStatusChange',
      'timestampMillisOfNmrDueToMinStableCrhTime',
      'currentMultiGroupStatus',
      'currentModelingMultiGroup',
      'timestampMinuteOfFinalScoringOutput',
      'timestampMillisOfFirstNmrDueToMinStableCrhTime',
      'abovePcrhThresholdTime',
    ]),
  ],
  acceptedCounts: [24, 23],
};

/** userEnrollment-00000.tsv: 8 columns. */
export const ENROLLMENT_LAYOUT: InputLayout = {
  kind: 'userEnrollment',
  columns: plain([
    'participantId',
    'enrollmentState',
    'successfulRatingNeededToEarnIn',
    'timestampOfLastStateChange',
    'timestampOfLastEarnOut',
    'modelingPopulation',
    'modelingGroup',
    'numberOfTimesEarnedOut',
  ]),
  acceptedCounts: [8],
};

/** The header line (without newline) our writers use for a layout: all its columns, primary names. */
export const headerLine = (layout: InputLayout): string => layout.columns.map((c) => c.name).join('\t');
