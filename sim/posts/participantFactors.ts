import { LEVEL_NONE, LEVEL_NOT_HELPFUL, levelOf, type Dictionary } from '../data/tables.ts';
import type { NoteModelForPosts, NoteRatingsForPosts } from './noteModelForPosts.ts';
import type { UsersTable } from './postTables.ts';

/** decidedBy values whose notes carry a usable factor (§12 step 1). */
export const FACTOR_DECIDERS: readonly string[] = [
  'CoreModel (v1.1)',
  'ExpansionModel (v1.1)',
  'ExpansionPlusModel (v1.1)',
];
const MISLEADING = 'MISINFORMED_OR_POTENTIALLY_MISLEADING';

/**
 * Each participant's factor (§12 step 1), indexed by `participants` (the post tables' dictionary); NaN = no factor.
 * Admitted users only; their note ratings with a helpfulness level on misleading, topic-free notes decided by
 * FACTOR_DECIDERS; per rating the note's coreNoteFactor1, negated for NOT_HELPFUL; the mean skips missing note
 * factors and is summed with Kahan compensation in ratings order (as pandas' groupby mean), so values at the
 * bucket edges agree bit for bit. A user whose qualifying ratings all lack a factor falls back to
 * coreRaterFactor1; a user with no qualifying rating has no factor.
 *
 * @example participantFactors(posts.users, posts.ids.participants, noteRatings, noteModel)[u] // e.g. -0.42
 */
export function participantFactors(
  users: UsersTable,
  participants: Dictionary,
  noteRatings: NoteRatingsForPosts,
  noteModel: NoteModelForPosts,
): Float64Array {
  const nUsers = participants.size;
  // rows of each user in `users` saying isAdmitted: the reference joins ratings with those rows, so a user listed
  // twice has each rating twice in its mean (same value, but the compensated sum sees it twice)
  const admitted = new Int32Array(nUsers);
  for (let i = 0; i < users.length; i++) if (users.isAdmitted[i] === 1) admitted[users.user[i]]++;

  const noteParticipants = noteRatings.participants;
  const userOfRater = new Int32Array(noteParticipants.size);
  for (let k = 0; k < userOfRater.length; k++) {
    userOfRater[k] = noteParticipants === participants ? k : participants.get(noteParticipants.values[k]);
  }

  const { noteIds } = noteRatings;
  const scored = noteModel.scoredNotes;
  const qualifies = new Uint8Array(noteIds.size);
  const noteFactor = new Float64Array(noteIds.size);
  for (let i = 0; i < scored.length; i++) {
    const n = noteIds.get(scored.noteId[i]);
    if (n < 0) continue;
    const decidedBy = scored.decidedBy[i];
    if (scored.classification[i] !== MISLEADING || scored.noteTopic[i] !== null) continue;
    if (decidedBy === null || !FACTOR_DECIDERS.includes(decidedBy)) continue;
    qualifies[n] = 1;
    noteFactor[n] = scored.coreNoteFactor1[i];
  }

  const rated = new Uint8Array(nUsers);
  const count = new Int32Array(nUsers);
  const sum = new Float64Array(nUsers);
  const comp = new Float64Array(nUsers);
  const { rater, note, flags, length } = noteRatings.ratings;
  for (let i = 0; i < length; i++) {
    const level = levelOf(flags[i]);
    if (level === LEVEL_NONE) continue;
    const u = userOfRater[rater[i]];
    if (u < 0 || admitted[u] === 0 || qualifies[note[i]] === 0) continue;
    rated[u] = 1;
    const f = noteFactor[note[i]];
    if (Number.isNaN(f)) continue;
    const v = level === LEVEL_NOT_HELPFUL ? -f : f;
    for (let copy = admitted[u]; copy > 0; copy--) {
      const y = v - comp[u];
      const t = sum[u] + y;
      const c = t - sum[u] - y;
      comp[u] = Number.isNaN(c) ? 0 : c;
      sum[u] = t;
      count[u]++;
    }
  }

  const fallback = new Float64Array(nUsers).fill(NaN);
  const seen = new Uint8Array(nUsers);
  const raters = noteModel.raterFactors;
  for (let i = 0; i < raters.length; i++) {
    const u = participants.get(raters.raterParticipantId[i]);
    if (u < 0 || seen[u] === 1) continue;
    seen[u] = 1;
    fallback[u] = raters.coreRaterFactor1[i];
  }

  const factor = new Float64Array(nUsers).fill(NaN);
  for (let u = 0; u < nUsers; u++) {
    if (rated[u] === 1) factor[u] = count[u] > 0 ? sum[u] / count[u] : fallback[u];
  }
  return factor;
}
