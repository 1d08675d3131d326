import { HELPFUL_TAGS, NOT_HELPFUL_TAGS } from '../../../data/tables.ts';
import { Frame } from '../../frame.ts';
import { addColumns, type Tsv } from './parseTsv.ts';

/** Per-model columns of scored_notes.tsv that meta scoring reads. */
export const SCORED_STATUS_COLUMNS = [
  'coreRatingStatus',
  'expansionRatingStatus',
  'expansionPlusRatingStatus',
  'coreWithTopicsRatingStatus',
  'groupRatingStatus',
  'multiGroupRatingStatus',
  'gaussianRatingStatus',
  'gaussianCoreWithTopicsRatingStatus',
  'topicRatingStatus',
  'noteTopic',
  'topicNoteConfident',
];
export const SCORED_NUM_COLUMNS = [
  'coreNoteIntercept',
  'coreNoteFactor1',
  'expansionNoteIntercept',
  'modelingGroup',
  'modelingMultiGroup',
  'topicNoteIntercept',
  'topicNoteFactor1',
  'coreNoteInterceptPopulationSampled',
  'numRatings',
  'abovePcrhThresholdTime',
];

/**
 * Test support: the meta-scoring input frame of a conformance case, built from the reference's own per-model
 * columns (expected scored_notes.tsv), its run statistics (expected aux_note_info.tsv: tag counts, per-sign
 * population-sampled counts, numRatingsLast28) and the input noteStatusHistory. Rows follow scored_notes (ascending
 * noteId); key = row index.
 */
export function conformanceMetaFrame(scored: Tsv, aux: Tsv, nsh: Tsv): { frame: Frame; rowOfId: Map<string, number> } {
  const ids = scored.col('noteId');
  const rowOfId = new Map(ids.map((id, i) => [id, i]));
  const frame = new Frame(Int32Array.from(ids, (_, i) => i));
  addColumns(frame, scored, rowOfId, { idColumn: 'noteId', num: SCORED_NUM_COLUMNS, str: SCORED_STATUS_COLUMNS });
  addColumns(frame, aux, rowOfId, {
    idColumn: 'noteId',
    num: [
      ...HELPFUL_TAGS,
      ...NOT_HELPFUL_TAGS,
      'coreNegFactor_populationSampledRatingCount',
      'corePosFactor_populationSampledRatingCount',
      'numRatingsLast28',
    ],
  });
  addColumns(frame, nsh, rowOfId, {
    idColumn: 'noteId',
    num: ['timestampMillisOfNmrDueToMinStableCrhTime'],
    str: ['currentStatus', 'lockedStatus', 'firstNonNMRStatus'],
  });
  return { frame, rowOfId };
}
