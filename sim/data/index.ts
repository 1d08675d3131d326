/** The public Community Notes data format: columnar tables, streaming readers, validation, writers. */
export * from './tables.ts';
export { DataFormatError } from './dataFormatError.ts';
export { TsvLineSplitter, pushTsvText, type LineSink } from './tsvLines.ts';
export {
  ENROLLMENT_LAYOUT,
  NOTES_LAYOUT,
  RATINGS_LAYOUT,
  STATUS_HISTORY_LAYOUT,
  headerLine,
  type InputColumn,
  type InputLayout,
} from './inputColumns.ts';
export { RatingsReader, HELPFULNESS_LEVELS, RATING_SOURCES, type WithDroppedDuplicates } from './readRatings.ts';
export { NotesReader, CLASSIFICATIONS } from './readNotes.ts';
export { StatusHistoryReader } from './readStatusHistory.ts';
export { EnrollmentReader, ENROLLMENT_STATES } from './readEnrollment.ts';
export {
  DatasetReader,
  readDatasetText,
  type ReadDataset,
  type DatasetTexts,
  type NamedText,
} from './datasetReader.ts';
export {
  writeTsv,
  tsvText,
  formatFloat32,
  formatFloat64,
  type OutputColumn,
  type WriteTsvOptions,
} from './writeTsv.ts';
export {
  SCORED_NOTES_COLUMNS,
  NOTE_STATUS_HISTORY_COLUMNS,
  AUX_NOTE_INFO_COLUMNS,
  HELPFULNESS_SCORES_COLUMNS,
} from './outputColumns.ts';
export { writeNotesTsv, writeRatingsTsv, writeStatusHistoryTsv, writeEnrollmentTsv } from './writeInputFiles.ts';
