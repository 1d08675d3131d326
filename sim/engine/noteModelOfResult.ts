import type { Dataset } from '../data/tables.ts';
import type { NoteModelForPosts, NoteRatingsForPosts } from '../posts/noteModelForPosts.ts';
import type { ScoringResult } from '../scoring/pipeline/scoreDataset.ts';

/**
 * The note-model columns §12 step 1 reads, straight from a scoring result (no files): scored_notes' classification,
 * noteTopic, decidedBy and coreNoteFactor1, and coreRaterFactor1 = MFCoreScorer's prescoring rater factor (the
 * helpfulness_scores column, taken without building the contributor statistics). Reads columns without creating
 * any, so the result's own output tables are unchanged.
 */
export function noteModelOfResult(result: ScoringResult, data: Dataset): NoteModelForPosts {
  const f = result.notes;
  const strCol = (name: string) => (f.get(name) as (string | null)[] | undefined) ?? new Array(f.length).fill(null);
  const factor = f.get('coreNoteFactor1');
  const raters: number[] = [];
  const core = result.run.prescoring.get('MFCoreScorer');
  if (core) core.raters.factor.forEach((v, u) => !Number.isNaN(v) && raters.push(u));
  return {
    scoredNotes: {
      length: f.length,
      noteId: Array.from(f.key, (n) => data.noteIds.values[n]),
      classification: strCol('classification'),
      noteTopic: strCol('noteTopic'),
      decidedBy: strCol('decidedBy'),
      coreNoteFactor1: factor instanceof Float64Array ? factor : new Float64Array(f.length).fill(NaN),
    },
    raterFactors: {
      length: raters.length,
      raterParticipantId: raters.map((u) => data.participants.values[u]),
      coreRaterFactor1: Float64Array.from(raters, (u) => core!.raters.factor[u]),
    },
  };
}

/** The note ratings of a dataset in the shape §12 reads. */
export const noteRatingsOf = (data: Dataset): NoteRatingsForPosts => ({
  ratings: data.ratings,
  participants: data.participants,
  noteIds: data.noteIds,
});
