/** Test support: terse builders of §12 worlds (users placed at chosen factors, likes, dislikes, lingers). */
import { coreNote, emptyWorld, type PlainPostWorld } from './plainPostWorld.ts';

export const LIKE = "['INFORMATIVE']";
export const NONE = '[]';
export const NA = "['NOT_APPLICABLE']";

/** A plain world with admitted users placed at the given factors (each rates one note of that factor HELPFUL). */
export function worldWithFactors(factors: Record<string, number>): PlainPostWorld {
  const w = emptyWorld();
  Object.entries(factors).forEach(([userId, f], k) => {
    const noteId = String(1000 + k);
    w.users.push({ userId, isAdmitted: true });
    w.scoredNotes.push(coreNote(noteId, f));
    w.noteRatings.push({ noteId, rater: userId, level: 'HELPFUL' });
  });
  return w;
}

/** `n` user ids `${prefix}0..` each at factor `f`, for worldWithFactors. */
export const side = (prefix: string, n: number, f: number): Record<string, number> =>
  Object.fromEntries(Array.from({ length: n }, (_, k) => [`${prefix}${k}`, f]));

export function like(w: PlainPostWorld, postId: string, userId: string, likeTags = LIKE): void {
  w.postRatings.push({ userId, postId, likeTags, dislikeTags: NONE });
}

export function dislike(w: PlainPostWorld, postId: string, userId: string, dislikeTags = "['MISLEADING']"): void {
  w.postRatings.push({ userId, postId, likeTags: NONE, dislikeTags });
}

export function linger(
  w: PlainPostWorld,
  actionTweetId: string,
  userId: string,
  over: { boostId?: string | null; eligible?: boolean | null; admitted?: boolean } = {},
): void {
  w.postActions.push({
    actionTweetId,
    userId,
    boostId: over.boostId === undefined ? '1' : over.boostId,
    eligibleForActiveState: over.eligible === undefined ? true : over.eligible,
    isAdmitted: over.admitted ?? true,
  });
}
