/**
 * Test support: a small §12 world as plain objects (what a reader of the spec would write by hand), and its
 * conversion into the columnar ScorePostsInput. Used by the unit tests, the naive cross-check and the CLI test.
 */
import { FLAG, LEVEL_HELPFUL, LEVEL_NOT_HELPFUL, LEVEL_SOMEWHAT_HELPFUL, Dictionary } from '../../data/tables.ts';
import type { ScorePostsInput } from '../scorePosts.ts';
import { emptyPostIds, type PostTables } from '../postTables.ts';

export type PlainLevel = 'HELPFUL' | 'SOMEWHAT_HELPFUL' | 'NOT_HELPFUL' | '';

export interface PlainPostWorld {
  users: { userId: string; isAdmitted: boolean }[];
  noteRatings: { noteId: string; rater: string; level: PlainLevel }[];
  scoredNotes: {
    noteId: string;
    classification: string | null;
    noteTopic: string | null;
    decidedBy: string | null;
    coreNoteFactor1: number;
  }[];
  raterFactors: { raterParticipantId: string; coreRaterFactor1: number }[];
  postRatings: {
    userId: string;
    postId: string;
    likeTags: string;
    dislikeTags: string;
    boostId?: string | null;
    updatedAt?: number;
  }[];
  postActions: {
    actionTweetId: string;
    userId: string;
    boostId: string | null;
    /** null: an empty cell */
    eligibleForActiveState: boolean | null;
    isAdmitted: boolean;
  }[];
}

/** A core-decided misleading note with factor f. */
export const coreNote = (noteId: string, f: number): PlainPostWorld['scoredNotes'][number] => ({
  noteId,
  classification: 'MISINFORMED_OR_POTENTIALLY_MISLEADING',
  noteTopic: null,
  decidedBy: 'CoreModel (v1.1)',
  coreNoteFactor1: f,
});

export const emptyWorld = (): PlainPostWorld => ({
  users: [],
  noteRatings: [],
  scoredNotes: [],
  raterFactors: [],
  postRatings: [],
  postActions: [],
});

const LEVEL_CODE: Record<PlainLevel, number> = {
  '': 0,
  NOT_HELPFUL: LEVEL_NOT_HELPFUL,
  SOMEWHAT_HELPFUL: LEVEL_SOMEWHAT_HELPFUL,
  HELPFUL: LEVEL_HELPFUL,
};

/** The columnar post tables of a plain world (ids interned in first-seen order). */
export function postTablesOf(w: PlainPostWorld): PostTables {
  const ids = emptyPostIds();
  const u = (s: string) => ids.participants.intern(s);
  const boost = (s: string | null | undefined) => (s === null || s === undefined ? -1 : ids.boosts.intern(s));
  return {
    ids,
    users: {
      length: w.users.length,
      user: Int32Array.from(w.users, (r) => u(r.userId)),
      isAdmitted: Uint8Array.from(w.users, (r) => (r.isAdmitted ? 1 : 0)),
    },
    postRatings: {
      length: w.postRatings.length,
      boost: Int32Array.from(w.postRatings, (r) => boost(r.boostId)),
      user: Int32Array.from(w.postRatings, (r) => u(r.userId)),
      createdAt: Float64Array.from(w.postRatings, () => 1700000000000),
      negativeTimestamp: Float64Array.from(w.postRatings, () => NaN),
      contributorType: w.postRatings.map(() => 'CONTRIBUTOR'),
      likeTags: Int32Array.from(w.postRatings, (r) => ids.tagLists.intern(r.likeTags)),
      dislikeTags: Int32Array.from(w.postRatings, (r) => ids.tagLists.intern(r.dislikeTags)),
      post: Int32Array.from(w.postRatings, (r) => ids.posts.intern(r.postId)),
      updatedAt: Float64Array.from(w.postRatings, (r) => r.updatedAt ?? 1700000000000),
    },
    postActions: {
      length: w.postActions.length,
      post: Int32Array.from(w.postActions, (r) => ids.posts.intern(r.actionTweetId)),
      user: Int32Array.from(w.postActions, (r) => u(r.userId)),
      boost: Int32Array.from(w.postActions, (r) => boost(r.boostId)),
      eligibleForActiveState: Uint8Array.from(w.postActions, (r) =>
        r.eligibleForActiveState === null ? 255 : r.eligibleForActiveState ? 1 : 0,
      ),
      isAdmitted: Uint8Array.from(w.postActions, (r) => (r.isAdmitted ? 1 : 0)),
    },
  };
}

/** The ScorePostsInput of a plain world (note ids and raters in their own dictionaries, as when read). */
export function scoreInputOf(w: PlainPostWorld, scoredAtMillis = 1750000000000): ScorePostsInput {
  const participants = new Dictionary();
  const noteIds = new Dictionary();
  const r = w.noteRatings;
  return {
    posts: postTablesOf(w),
    noteRatings: {
      participants,
      noteIds,
      ratings: {
        length: r.length,
        note: Int32Array.from(r, (x) => noteIds.intern(x.noteId)),
        rater: Int32Array.from(r, (x) => participants.intern(x.rater)),
        createdAt: new Float64Array(r.length),
        flags: Uint32Array.from(r, (x) => LEVEL_CODE[x.level] << FLAG.levelShift),
        helpful2: new Uint8Array(r.length),
      },
    },
    noteModel: {
      scoredNotes: {
        length: w.scoredNotes.length,
        noteId: w.scoredNotes.map((n) => n.noteId),
        classification: w.scoredNotes.map((n) => n.classification),
        noteTopic: w.scoredNotes.map((n) => n.noteTopic),
        decidedBy: w.scoredNotes.map((n) => n.decidedBy),
        coreNoteFactor1: Float64Array.from(w.scoredNotes, (n) => n.coreNoteFactor1),
      },
      raterFactors: {
        length: w.raterFactors.length,
        raterParticipantId: w.raterFactors.map((x) => x.raterParticipantId),
        coreRaterFactor1: Float64Array.from(w.raterFactors, (x) => x.coreRaterFactor1),
      },
    },
    scoredAtMillis,
  };
}
