import { LEVEL_HELPFUL, LEVEL_NOT_HELPFUL, LEVEL_SOMEWHAT_HELPFUL } from '../data/tables.ts';
import { randomNormal, type RandomSource } from '../random/random.ts';
import type { LatentParams } from '../scenario/scenarioTypes.ts';
import type { World } from './worldTypes.ts';

/**
 * The latent-factor world (scenario `world.model: "latent"`), after Truong et al., "Community Notes are Vulnerable
 * to Rater Bias and Manipulation" (arXiv 2511.02615): the generative model is the scorer's own. Every organic rater
 * u has a true intercept i_u and factor f_u, every organic note n a true intercept i_n and factor f_n, and a rating
 * is drawn from a three-way softmax with temperature γ on x = ½ − (μ + i_u + i_n + f_u·f_n):
 *   p(Helpful) ∝ exp(−γx), p(Somewhat) ∝ 1, p(Not helpful) ∝ exp(γx).
 * The true parameters live in the world's existing columns, so the engine, adversaries and metrics read them
 * unchanged: i_u in participants.leniency, f_u in perspective (first coordinate), i_n in notes.helpfulness, f_n in
 * notes.slant (first coordinate); second coordinates are 0 (the model is one-dimensional).
 */

/** Draws the true parameters of organic raters and notes into `world` (rater stream first, then notes). */
export function applyLatentWorld(world: World, p: LatentParams, random: RandomSource): void {
  const people = world.participants;
  for (let u = 0; u < people.organicRaters; u++) {
    people.leniency[u] = randomNormal(random, 0, p.raterInterceptSd);
    people.perspective[2 * u] = bimodal(random, p.raterPolarization, p.factorSd);
    people.perspective[2 * u + 1] = 0;
  }
  const notes = world.notes;
  for (let n = 0; n < notes.length; n++) {
    if (!world.organicNote[n]) continue;
    notes.helpfulness[n] = randomNormal(random, p.noteInterceptMean, p.noteInterceptSd);
    notes.slant[2 * n] = bimodal(random, p.notePolarization, p.factorSd);
    notes.slant[2 * n + 1] = 0;
  }
}

/** ±polarization (each side with probability ½) plus N(0, sd) noise. */
function bimodal(random: RandomSource, polarization: number, sd: number): number {
  const side = random() < 0.5 ? -1 : 1;
  return side * polarization + randomNormal(random, 0, sd);
}

/** x = ½ − (μ + i_u + i_n + f_u·f_n) of rater `u` on note `n`. */
export function latentGap(world: World, p: LatentParams, u: number, n: number): number {
  const s =
    p.mu +
    world.participants.leniency[u] +
    world.notes.helpfulness[n] +
    world.participants.perspective[2 * u] * world.notes.slant[2 * n];
  return 0.5 - s;
}

/** [p(Helpful), p(Somewhat helpful), p(Not helpful)] of the softmax with temperature `gamma` at gap `x`. */
export function latentProbabilities(x: number, gamma: number): [number, number, number] {
  // Divided through by the largest term so that a large γ|x| cannot overflow.
  const a = -gamma * x;
  const m = Math.max(a, 0, -a);
  const h = Math.exp(a - m);
  const s = Math.exp(-m);
  const nh = Math.exp(-a - m);
  const z = h + s + nh;
  return [h / z, s / z, nh / z];
}

/** A LEVEL_* code drawn from the softmax at gap `x` (one uniform draw). */
export function drawLatentLevel(random: RandomSource, x: number, gamma: number): number {
  const [h, s] = latentProbabilities(x, gamma);
  const u = random();
  if (u < h) return LEVEL_HELPFUL;
  if (u < h + s) return LEVEL_SOMEWHAT_HELPFUL;
  return LEVEL_NOT_HELPFUL;
}

/**
 * Ground truth of the latent world: a note is truly helpful when i_n > helpfulIntercept and |f_n| <
 * helpfulFactor (the study's publication rule applied to the true parameters; 0.4 and 0.5 by default).
 */
export function latentTrulyHelpful(intercept: number, factor: number, p: LatentParams): boolean {
  return intercept > p.helpfulIntercept && Math.abs(factor) < p.helpfulFactor;
}

/**
 * Rater–note homophily (who rates what): a proposed rating across sides (f_u and f_n of opposite signs) goes
 * ahead with probability 1 − homophily; same-side ratings always do. One uniform draw when homophily > 0.
 */
export function homophilyAccepts(world: World, p: LatentParams, u: number, n: number, random: RandomSource): boolean {
  if (p.homophily <= 0) return true;
  const same = world.participants.perspective[2 * u] * world.notes.slant[2 * n] >= 0;
  return same || random() >= p.homophily;
}
