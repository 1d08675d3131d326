/** Fixed constants of the reference scorer (scoring-core.md §2.8, §11, §14); the statuses are in noteStatus.ts. */

export const DELETED_NOTE_TOMBSTONES_LAUNCH_TIME = 1652918400000;
export const NOT_MISLEADING_UI_LAUNCH_TIME = 1664755200000;
export const LAST_RATING_TAGS_CHANGE_TIME = 1639699200000;
export const PUBLIC_TSV_TIME_DELAY = 172800000;
export const NOTE_LOCK_MILLIS = 14 * 24 * 3600 * 1000;
export const MIN_NUM_NOTES_FOR_PROD_DATA = 200;
export const MAX_FIRST_MF_TRAIN_ERROR = 0.16;

/** Rater groups (scoring-core.md §5). */
export const CORE_GROUPS = [1, 2, 3, 6, 8, 9, 10, 11, 13, 14, 19, 21, 25];
export const COVERAGE_GROUPS = [1, 2, 3, 6, 8, 9, 10, 11, 13, 14, 19, 25];
export const EXPANSION_GROUPS = [0, 4, 5, 7, 12, 15, 16, 20, 22, 23, 24, 26, 27, 28, 29, 33];
export const EXPANSION_PLUS_GROUPS = [17, 18, 30, 31, 32];
