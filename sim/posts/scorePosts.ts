import type { NoteModelForPosts, NoteRatingsForPosts } from './noteModelForPosts.ts';
import { DEFAULT_POST_PARAMS, type PostScoringParams } from './postRules.ts';
import type { PostTables } from './postTables.ts';
import type { ScoredPosts } from './scoredPosts.ts';

/** Everything §12 reads. */
export interface ScorePostsInput {
  /** users, postRatings, postActions */
  posts: PostTables;
  noteRatings: NoteRatingsForPosts;
  noteModel: NoteModelForPosts;
  /** written to every row's scoredAtMillis */
  scoredAtMillis: number;
}

/**
 * Scores posts "liked by people who disagree" (robustness spec §12).
 *
 * @example const scored = scorePosts({ posts, noteRatings, noteModel, scoredAtMillis: 0 }, { minLingers: 10 });
 */
export function scorePosts(input: ScorePostsInput, params: Partial<PostScoringParams> = {}): ScoredPosts {
  const p = { ...DEFAULT_POST_PARAMS, ...params };
  void input;
  void p;
  throw new Error('scorePosts: body lands in the next commit');
}
