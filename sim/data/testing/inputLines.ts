/**
 * Test support: the public headers and builders of single valid input lines, for tests that feed the
 * readers small hand-made files (valid ones, and malformed ones by overriding a cell).
 */

export const NOTES_HEADER =
  'noteId\tnoteAuthorParticipantId\tcreatedAtMillis\ttweetId\tclassification\tbelievable\tharmful\tvalidationDifficulty\tmisleadingOther\tmisleadingFactualError\tmisleadingManipulatedMedia\tmisleadingOutdatedInformation\tmisleadingMissingImportantContext\tmisleadingUnverifiedClaimAsFact\tmisleadingSatire\tnotMisleadingOther\tnotMisleadingFactuallyCorrect\tnotMisleadingOutdatedButNotWhenWritten\tnotMisleadingClearlySatire\tnotMisleadingPersonalOpinion\ttrustworthySources\tsummary\tisMediaNote\tisCollaborativeNote';

export const RATINGS_HEADER =
  'noteId\traterParticipantId\tcreatedAtMillis\tversion\tagree\tdisagree\thelpful\tnotHelpful\thelpfulnessLevel\thelpfulOther\thelpfulInformative\thelpfulClear\thelpfulEmpathetic\thelpfulGoodSources\thelpfulUniqueContext\thelpfulAddressesClaim\thelpfulImportantContext\thelpfulUnbiasedLanguage\tnotHelpfulOther\tnotHelpfulIncorrect\tnotHelpfulSourcesMissingOrUnreliable\tnotHelpfulOpinionSpeculationOrBias\tnotHelpfulMissingKeyPoints\tnotHelpfulOutdated\tnotHelpfulHardToUnderstand\tnotHelpfulArgumentativeOrBiased\tnotHelpfulOffTopic\tnotHelpfulSpamHarassmentOrAbuse\tnotHelpfulIrrelevantSources\tnotHelpfulOpinionSpeculation\tnotHelpfulNoteNotNeeded\tratedOnTweetId\tratingSourceBucketed\tsuggestion\tsuggestionId';

export const NSH_HEADER =
  'noteId\tnoteAuthorParticipantId\tcreatedAtMillis\ttimestampMillisOfFirstNonNMRStatus\tfirstNonNMRStatus\ttimestampMillisOfCurrentStatus\tcurrentStatus\ttimestampMillisOfLatestNonNMRStatus\tmostRecentNonNMRStatus\ttimestampMillisOfStatusLock\tlockedStatus\ttimestampMillisOfRetroLock\tcurrentCoreStatus\tcurrentExpansionStatus\tcurrentGroupStatus\tcurrentDecidedBy\tcurrentModelingGroup\ttimestampMillisOfMostRecentStatusChange\ttimestampMillisOfNmrDueToMinStableCrhTime\tcurrentMultiGroupStatus\tcurrentModelingMultiGroup\ttimestampMinuteOfFinalScoringOutput\ttimestampMillisOfFirstNmrDueToMinStableCrhTime\tabovePcrhThresholdTime';

export const ENROLLMENT_HEADER =
  'participantId\tenrollmentState\tsuccessfulRatingNeededToEarnIn\ttimestampOfLastStateChange\ttimestampOfLastEarnOut\tmodelingPopulation\tmodelingGroup\tnumberOfTimesEarnedOut';

/** One ratings row; `tags` is 22 cells, `over` replaces cells by 0-based index. */
export function ratingLine(noteId: string, rater: string, level: string, over: Record<number, string> = {}): string {
  const cells = [noteId, rater, '1746318258216', '2', '0', '0', '0', '0', level];
  for (let t = 0; t < 22; t++) cells.push('0');
  cells.push('1918745142640625795', 'DEFAULT', '', '');
  for (const [k, v] of Object.entries(over)) cells[Number(k)] = v;
  return cells.join('\t');
}

/** One notes row. */
export function noteLine(noteId: string, author: string, over: Record<number, string> = {}): string {
  const cells = [
    noteId,
    author,
    '1746317558092',
    '1918745142640625795',
    'MISINFORMED_OR_POTENTIALLY_MISLEADING',
    '',
    '',
    '',
  ];
  for (let k = 0; k < 13; k++) cells.push('0');
  cells.push('A summary. https://example.org', '0', '0');
  for (const [k, v] of Object.entries(over)) cells[Number(k)] = v;
  return cells.join('\t');
}

/** One noteStatusHistory row (24 cells). */
export function nshLine(noteId: string, author: string, over: Record<number, string> = {}): string {
  const cells = [noteId, author, '1746317558092', '', '', '1746319358092', 'NEEDS_MORE_RATINGS', '', '', '', '', ''];
  cells.push('NEEDS_MORE_RATINGS', 'NEEDS_MORE_RATINGS', '', 'CoreModel (v1.1)', '0', '-1', '', '', '0', '', '', '');
  for (const [k, v] of Object.entries(over)) cells[Number(k)] = v;
  return cells.join('\t');
}

/** One userEnrollment row. */
export function enrollmentLine(participant: string, over: Record<number, string> = {}): string {
  const cells = [participant, 'earnedIn', '5', '1731650533722', '1', 'CORE', '8', '0'];
  for (const [k, v] of Object.entries(over)) cells[Number(k)] = v;
  return cells.join('\t');
}
