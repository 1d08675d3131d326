import type { ColumnType } from './typedTable.ts';

/** Columns of the four scoring outputs (§16) that hold text: ids, statuses, rule lists, tags, topics. */
const TEXT_COLUMNS = new Set([
  'noteId',
  'raterParticipantId',
  'noteAuthorParticipantId',
  'finalRatingStatus',
  'firstTag',
  'secondTag',
  'activeFilterTags',
  'classification',
  'decidedBy',
  'noteTopic',
  'authorTopNotHelpfulTagValues',
  'rescoringActiveRules',
  'metaScorerActiveRules',
  'unlockedRatingStatus',
  'preStabilizationRatingStatus',
  'currentStatus',
  'firstNonNMRStatus',
  'mostRecentNonNMRStatus',
  'lockedStatus',
  'currentCoreStatus',
  'currentExpansionStatus',
  'currentGroupStatus',
  'currentMultiGroupStatus',
  'currentDecidedBy',
]);

/** True/False columns (§16: the reference's pandas bool columns). */
const BOOL_COLUMNS = new Set([
  'topicNoteConfident',
  'aboveHelpfulnessThreshold',
  'isEmergingWriter',
  'awaitingBool',
  'crhBool',
  'crnhBool',
]);

/**
 * The column type of a scoring output column by name, the same in every run (a scorer that did not run leaves
 * its columns null, not retyped): text for ids and labels, bool for the True/False columns, double for every
 * number (intercepts, counts and timestamps alike, as in the reference's float columns with NaN).
 *
 * @example typedTable(outputTable(result, 'scored_notes'), { typeOf: scoringOutputType })
 */
export function scoringOutputType(name: string): ColumnType {
  if (TEXT_COLUMNS.has(name) || name.endsWith('RatingStatus') || name.endsWith('ActiveRules')) return 'string';
  return BOOL_COLUMNS.has(name) ? 'bool' : 'double';
}
