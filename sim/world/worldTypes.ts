/**
 * The simulated world as columns: every account, post and note with its latent (true) variables. The scorer never
 * sees these; the engine turns them into public-format tables and the metrics compare outcomes with them.
 */

/** Participant roles. */
export const ROLE_ORGANIC = 0;
export const ROLE_AI_WRITER = 1;
export const ROLE_ADVERSARY = 2;

/** Note writer kinds. */
export const WRITER_HUMAN = 0;
export const WRITER_AI = 1;
export const WRITER_ADVERSARY = 2;

/** Every account: organic raters first, then AI writers, then adversary accounts. */
export interface Participants {
  length: number;
  /** organic raters are indices [0, organicRaters) */
  organicRaters: number;
  ids: string[];
  /** two coordinates per participant (the second is 0 in 1-D worlds) */
  perspective: Float64Array;
  leniency: Float64Array;
  /** rating propensity of organic raters (0 for the others) */
  activity: Float64Array;
  /** writing propensity (0 = does not write organically) */
  writing: Float64Array;
  /** mean helpfulness of the participant's notes, NaN for non-writers */
  writerQuality: Float64Array;
  role: Uint8Array;
  /** adversary index of ROLE_ADVERSARY accounts, else -1 (recruited organic raters too: see Adversary.accounts) */
  adversary: Int16Array;
  /** 1 when the participant has a userEnrollment row */
  enrolled: Uint8Array;
  enrollmentState: string[];
  modelingPopulation: (string | null)[];
  /** NaN = empty */
  modelingGroup: Float64Array;
  timestampOfLastStateChange: Float64Array;
}

/** Posts (tweets) notes are written on. */
export interface Posts {
  length: number;
  tweetId: string[];
  createdAt: Float64Array;
  /** '' = no topic */
  topic: string[];
  /** two coordinates per post: the slant of the post's claim (notes on it tend to lean the other way) */
  slant: Float64Array;
  /** virality: attention multiplier and notes-per-post weight */
  virality: Float64Array;
}

/** Notes in creation order (index = appearance order = the dataset's note index). */
export interface WorldNotes {
  length: number;
  id: string[];
  post: Int32Array;
  author: Int32Array;
  createdAt: Float64Array;
  /** true helpfulness (latent) */
  helpfulness: Float64Array;
  /** two coordinates per note */
  slant: Float64Array;
  /** CLASS_* code of sim/data/tables.ts */
  classification: Uint8Array;
  summary: string[];
  /** post topic, '' = none */
  topic: string[];
  /** modeling group whose raters mostly find the note (group locality); NaN = none */
  homeGroup: Float64Array;
  /** raters tag it as spam/harassment/abuse */
  abusive: Uint8Array;
  /** tag tendencies: the helpful tag (HELPFUL_TAGS index) and not-helpful tag (NOT_HELPFUL_TAGS index) raters reach for most */
  helpfulTag: Uint8Array;
  notHelpfulTag: Uint8Array;
  writerKind: Uint8Array;
  /** adversary index of adversary-written notes, else -1 */
  adversary: Int16Array;
  /** attention weight: the post's virality */
  virality: Float64Array;
}

/** A complete world. */
export interface World {
  start: number;
  end: number;
  dims: number;
  participants: Participants;
  posts: Posts;
  notes: WorldNotes;
  /** organic notes (writerKind human or AI), for schedules that must not depend on adversaries */
  organicNote: Uint8Array;
}
