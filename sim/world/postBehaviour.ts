import type { RandomSource } from '../random/random.ts';
import type { PostParams } from '../scenario/scenarioTypes.ts';
import { randomInt, sigmoid } from './sampling.ts';
import type { PostAudience } from './postAudience.ts';
import type { World } from './worldTypes.ts';

/** Post action kinds of a post rating (the latest replaces earlier ones, §12 inputs). */
export const POST_LIKE = 1;
export const POST_DISLIKE = 2;
/** a rating with nothing to like or dislike: likeTags `['NOT_APPLICABLE']` */
export const POST_NEUTRAL = 3;

/** Like and dislike tags the simulated callout offers (§12 only tests whether a list is empty). */
export const POST_LIKE_TAGS = ['INFORMATIVE', 'FUNNY', 'INSIGHTFUL', 'WELL_WRITTEN'] as const;
export const POST_DISLIKE_TAGS = ['MISLEADING', 'OFFENSIVE', 'LOW_QUALITY', 'SPAM'] as const;

/** The tag-list texts of §12: written as Python list literals. */
export const EMPTY_TAGS = '[]';
export const NOT_APPLICABLE_TAGS = "['NOT_APPLICABLE']";

/** A Python list literal of `tags`: `[]`, `['INFORMATIVE', 'FUNNY']`. */
export const tagListLiteral = (tags: readonly string[]): string => `[${tags.map((t) => `'${t}'`).join(', ')}]`;

/**
 * The post rating score y = appealWeight·appeal + alignmentWeight·(perspective·slant) + leniency of participant
 * `rater` on post `post` (first coordinate, plus the second weighted by world.secondDimWeight in 2-D worlds).
 */
export function postRatingScore(
  world: World,
  audience: PostAudience,
  p: PostParams,
  secondDimWeight: number,
  rater: number,
  post: number,
): number {
  const q = world.participants.perspective;
  const s = world.posts.slant;
  const align = q[2 * rater] * s[2 * post] + secondDimWeight * q[2 * rater + 1] * s[2 * post + 1];
  return p.appealWeight * audience.appeal[post] + p.alignmentWeight * align + world.participants.leniency[rater];
}

/** Like with probability sigmoid(y − likeOffset), dislike with sigmoid(−y − dislikeOffset), else neutral. */
export function drawPostAction(random: RandomSource, y: number, p: PostParams): number {
  const u = random();
  const like = sigmoid(y - p.likeOffset);
  if (u < like) return POST_LIKE;
  if (u < like + sigmoid(-y - p.dislikeOffset)) return POST_DISLIKE;
  return POST_NEUTRAL;
}

/**
 * The (likeTags, dislikeTags) texts of an action: a like names one or two like tags; a dislike one dislike tag, its
 * likes empty or NOT_APPLICABLE; a neutral rating NOT_APPLICABLE likes and empty or NOT_APPLICABLE dislikes.
 */
export function drawPostTags(random: RandomSource, kind: number): [string, string] {
  const pick = (tags: readonly string[]) => tags[randomInt(random, tags.length)];
  if (kind === POST_LIKE) {
    const first = pick(POST_LIKE_TAGS);
    const second = random() < 0.3 ? pick(POST_LIKE_TAGS) : first;
    return [tagListLiteral(second === first ? [first] : [first, second]), EMPTY_TAGS];
  }
  if (kind === POST_DISLIKE) {
    return [random() < 0.5 ? EMPTY_TAGS : NOT_APPLICABLE_TAGS, tagListLiteral([pick(POST_DISLIKE_TAGS)])];
  }
  return [NOT_APPLICABLE_TAGS, random() < 0.5 ? EMPTY_TAGS : NOT_APPLICABLE_TAGS];
}
