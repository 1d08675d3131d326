import { Dictionary } from '../data/tables.ts';

/**
 * Columnar tables of the three post files of robustness spec §12 (postRatings, postActions, users).
 * Every id is interned once in `PostIds`; rows refer to ids by dense Int32 index (-1 = empty cell).
 * Missing numbers are NaN. Booleans are 0/1 bytes. No object per row.
 */

/** The id dictionaries shared by the three post tables. */
export interface PostIds {
  /** `userId`: the same participant id as in the note files. */
  participants: Dictionary;
  /** `postId` / `actionTweetId` (one id space), canonical decimal text (exact 64-bit). */
  posts: Dictionary;
  /** `boostId`, canonical decimal text (exact 64-bit). */
  boosts: Dictionary;
  /** Distinct `likeTags` / `dislikeTags` texts, as written: `[]`, `['NOT_APPLICABLE']`, `['INFORMATIVE', 'FUNNY']`. */
  tagLists: Dictionary;
}

/** users-00000.tsv: the pilot participants. */
export interface UsersTable {
  length: number;
  /** participant index (PostIds.participants). */
  user: Int32Array;
  /** 1 = True, 0 = False (an empty cell reads as False). */
  isAdmitted: Uint8Array;
}

/** postRatings-00000.tsv: a user's latest like/dislike on a post. */
export interface PostRatingsTable {
  length: number;
  /** boost index (PostIds.boosts), -1 when empty. */
  boost: Int32Array;
  /** participant index. */
  user: Int32Array;
  /** ms since epoch. */
  createdAt: Float64Array;
  /** ms since epoch, NaN when empty. */
  negativeTimestamp: Float64Array;
  /** contributorType text, null when empty. */
  contributorType: (string | null)[];
  /** tag-list index (PostIds.tagLists). */
  likeTags: Int32Array;
  dislikeTags: Int32Array;
  /** post index (PostIds.posts). */
  post: Int32Array;
  /** ms since epoch. */
  updatedAt: Float64Array;
}

/** postActions-00000.tsv: callout impressions ("lingers"). */
export interface PostActionsTable {
  length: number;
  /** post index of `actionTweetId`. */
  post: Int32Array;
  /** participant index. */
  user: Int32Array;
  /** boost index, -1 when empty. */
  boost: Int32Array;
  /** 1 = True, 0 = False, 255 = empty cell (never eligible; a value of its own when deduplicating). */
  eligibleForActiveState: Uint8Array;
  /** 1 = True, 0 = False (an empty cell reads as False). */
  isAdmitted: Uint8Array;
}

/** The three post tables with their shared ids. */
export interface PostTables {
  ids: PostIds;
  users: UsersTable;
  postRatings: PostRatingsTable;
  postActions: PostActionsTable;
}

/** Empty id dictionaries; pass the note dataset's `participants` to share participant indexes with it. */
export function emptyPostIds(participants: Dictionary = new Dictionary()): PostIds {
  return { participants, posts: new Dictionary(), boosts: new Dictionary(), tagLists: new Dictionary() };
}
