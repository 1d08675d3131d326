import { FLAG, LEVEL_HELPFUL, LEVEL_NOT_HELPFUL, LEVEL_SOMEWHAT_HELPFUL } from '../data/tables.ts';
import type { RandomSource } from '../random/random.ts';
import type { WorldParams } from '../scenario/scenarioTypes.ts';
import { sigmoid } from './sampling.ts';
import type { World } from './worldTypes.ts';

/** helpful2 code (helpfulNum × 2) by helpfulness level; index 0 (no level) is the reader's "unanswered" 255. */
export const HELPFUL2_OF_LEVEL = [255, 0, 1, 2] as const;

/** perspective · slant of a rater and a note, the second coordinate weighted by `secondDimWeight`. */
export function alignment(world: World, rater: number, note: number, secondDimWeight: number): number {
  const p = world.participants.perspective;
  const s = world.notes.slant;
  return p[2 * rater] * s[2 * note] + secondDimWeight * p[2 * rater + 1] * s[2 * note + 1];
}

/**
 * The verdict score x = beta·helpfulness + gamma·(perspective·slant) + leniency of an honest rating
 * (conformance/README.md "Data generator").
 */
export function verdictScore(world: World, p: WorldParams, rater: number, note: number): number {
  return (
    p.helpfulnessWeight * world.notes.helpfulness[note] +
    p.alignmentWeight * alignment(world, rater, note, p.secondDimWeight) +
    world.participants.leniency[rater]
  );
}

/**
 * Helpfulness level of an honest rating with score `x`: HELPFUL with probability sigmoid(x − offset),
 * NOT_HELPFUL with sigmoid(−x − offset), SOMEWHAT_HELPFUL otherwise. Returns a LEVEL_* code.
 */
export function drawLevel(random: RandomSource, x: number, offset: number): number {
  const u = random();
  const pHelpful = sigmoid(x - offset);
  if (u < pHelpful) return LEVEL_HELPFUL;
  if (u < pHelpful + sigmoid(-x - offset)) return LEVEL_NOT_HELPFUL;
  return LEVEL_SOMEWHAT_HELPFUL;
}

/** Base rates of the 9 helpful tags (HELPFUL_TAGS order) on a Helpful rating. */
const HELPFUL_TAG_RATES = [0.03, 0.45, 0.4, 0.05, 0.35, 0.2, 0.35, 0.35, 0.2];

/**
 * Tag bits (FLAG layout) of a rating at `level` on `note`: helpful tags lean on good sources and clarity for truly
 * helpful notes, not-helpful tags on "incorrect" for unhelpful notes, on bias/argumentative when the rater
 * disagrees with the slant (`align` < 0), spam/abuse on abusive notes, "note not needed" on NOT_MISLEADING notes.
 * The note's own tag tendencies (helpfulTag ×2, notHelpfulTag ×2.5) come on top. Somewhat-helpful ratings draw
 * both kinds at reduced rates.
 */
export function drawTags(random: RandomSource, level: number, world: World, note: number, align: number): number {
  const h = world.notes.helpfulness[note];
  let bits = 0;
  const helpfulScale = level === LEVEL_HELPFUL ? 1 : level === LEVEL_SOMEWHAT_HELPFUL ? 0.5 : 0;
  const notHelpfulScale = level === LEVEL_NOT_HELPFUL ? 1 : level === LEVEL_SOMEWHAT_HELPFUL ? 0.3 : 0;
  if (helpfulScale > 0) {
    const quality = 0.6 + 0.4 * sigmoid(h);
    const leaning = world.notes.helpfulTag[note];
    for (let t = 0; t < 9; t++) {
      const rate = HELPFUL_TAG_RATES[t] * helpfulScale * (t === 1 || t === 4 ? quality : 1) * (t === leaning ? 2 : 1);
      if (random() < rate) bits |= 1 << (FLAG.helpfulTagShift + t);
    }
  }
  if (notHelpfulScale > 0) {
    const against = Math.max(0, -align);
    const notNeeded = world.notes.classification[note] === 1 ? 0.5 : 0.04;
    const rates = [
      0.03,
      0.1 + 0.4 * sigmoid(-2 * h),
      0.25,
      0.05 + 0.35 * against,
      0.15,
      0.02,
      0.04,
      0.05 + 0.35 * against,
      0.03,
      world.notes.abusive[note] ? 0.7 : 0.003,
      0.05,
      0.08,
      notNeeded,
    ];
    const leaning = world.notes.notHelpfulTag[note];
    for (let t = 0; t < 13; t++) {
      if (random() < rates[t] * notHelpfulScale * (t === leaning ? 2.5 : 1)) bits |= 1 << (FLAG.notHelpfulTagShift + t);
    }
  }
  return bits;
}

/** Packed FLAG word of a v2 rating. */
export function ratingFlags(level: number, tags: number, populationSampled: boolean): number {
  return (tags | (level << FLAG.levelShift) | (populationSampled ? FLAG.populationSampled : 0)) >>> 0;
}
