import type { RandomSource } from '../random/random.ts';
import type { PostParams } from '../scenario/scenarioTypes.ts';
import type { Adversary } from './adversaries/adversary.ts';
import { ID_WORKER, snowflakeIds } from './ids.ts';
import { aliasSampler, randomExponential, randomInt } from './sampling.ts';
import { randomNormal } from '../random/random.ts';
import type { World } from './worldTypes.ts';

/**
 * The post side of the world (robustness §12): per post an author and a true cross-perspective appeal (slant and
 * virality are the note world's), the admitted pilot population, and the boosts (callouts) with their ids.
 */
export interface PostAudience {
  /** per post: the participant who wrote it */
  author: Int32Array;
  /** per post: true cross-perspective appeal (how much people on both sides like it) */
  appeal: Float64Array;
  /** per post: 1 when its appeal reaches posts.crossSideAppeal (the truth the post rankings are measured against) */
  crossSide: Uint8Array;
  /** per participant: 1 when admitted to the pilot (users-00000.tsv isAdmitted) */
  admitted: Uint8Array;
  /** boosts in creation order: their post, creation time and boostId (ids ascend with time) */
  boostPost: Int32Array;
  boostCreatedAt: Float64Array;
  boostId: string[];
  /** admitted organic raters on the + side (first perspective coordinate ≥ 0) and the − side, with activity samplers */
  plusSide: Int32Array;
  minusSide: Int32Array;
  pickPlus: ((random: RandomSource) => number) | null;
  pickMinus: ((random: RandomSource) => number) | null;
}

/** Kinds of adversary whose accounts join the post pilot. */
export const isPostAdversaryKind = (kind: string): boolean => kind.startsWith('post');

/**
 * Draws the post side of `world`: authors (80 % from the side the post's slant favours, uniform within a side),
 * appeal ~ N(appealMean, appealSd), admitted raters (`admittedShare` of organic raters, plus every post adversary
 * account), and boosts: a boosted post (`boostedShare`) gets its first boost Exp(boostDelayHours) after creation,
 * then with probability `reboostShare` another Exp(reboostDelayHours) later, up to `maxBoosts`, all before the end.
 */
export function buildPostAudience(
  world: World,
  adversaries: readonly Adversary[],
  p: PostParams,
  random: RandomSource,
): PostAudience {
  const people = world.participants;
  const posts = world.posts;
  const plus: number[] = [];
  const minus: number[] = [];
  for (let u = 0; u < people.organicRaters; u++) (people.perspective[2 * u] >= 0 ? plus : minus).push(u);
  const author = new Int32Array(posts.length);
  const appeal = new Float64Array(posts.length);
  const crossSide = new Uint8Array(posts.length);
  for (let i = 0; i < posts.length; i++) {
    const favoured = posts.slant[2 * i] >= 0 ? plus : minus;
    const other = favoured === plus ? minus : plus;
    const pool = (random() < 0.8 && favoured.length > 0) || other.length === 0 ? favoured : other;
    author[i] = pool.length > 0 ? pool[randomInt(random, pool.length)] : -1;
    appeal[i] = randomNormal(random, p.appealMean, p.appealSd);
    crossSide[i] = appeal[i] >= p.crossSideAppeal ? 1 : 0;
  }
  const admitted = new Uint8Array(people.length);
  for (let u = 0; u < people.organicRaters; u++) if (random() < p.admittedShare) admitted[u] = 1;
  for (const a of adversaries) if (isPostAdversaryKind(a.spec.kind)) for (const u of a.accounts) admitted[u] = 1;
  const bPost: number[] = [];
  const bTime: number[] = [];
  for (let i = 0; i < posts.length; i++) {
    if (random() >= p.boostedShare) continue;
    let t = posts.createdAt[i] + randomExponential(random, p.boostDelayHours * 3_600_000);
    for (let k = 0; k < p.maxBoosts && t < world.end; k++) {
      bPost.push(i);
      bTime.push(Math.floor(Math.max(t, world.start)));
      if (random() >= p.reboostShare) break;
      t += randomExponential(random, p.reboostDelayHours * 3_600_000);
    }
  }
  const order = bTime.map((_, k) => k).sort((a, b) => bTime[a] - bTime[b] || a - b);
  const boostCreatedAt = Float64Array.from(order, (k) => bTime[k]);
  const plusSide = Int32Array.from(plus.filter((u) => admitted[u]));
  const minusSide = Int32Array.from(minus.filter((u) => admitted[u]));
  const sampler = (list: Int32Array) =>
    list.length > 0 ? aliasSampler(Array.from(list, (u) => people.activity[u] || 1e-9)) : null;
  return {
    author,
    appeal,
    crossSide,
    admitted,
    boostPost: Int32Array.from(order, (k) => bPost[k]),
    boostCreatedAt,
    boostId: snowflakeIds(boostCreatedAt, ID_WORKER.boost),
    plusSide,
    minusSide,
    pickPlus: sampler(plusSide),
    pickMinus: sampler(minusSide),
  };
}
