import type { World } from '../world/worldTypes.ts';

/** Notes older than this many half-lives get no attention (weight below 2^-10). */
export const ATTENTION_HALF_LIVES = 10;

/**
 * Attention of note `n` during the step [t0, t1): virality × 2^(−age at mid-step / half-life), scaled by the share
 * of the step the note exists (a note written mid-step is only there for the rest of it). 0 before creation and in
 * the step's last minute.
 */
export function attentionWeight(world: World, n: number, t0: number, t1: number, halfLifeMs: number): number {
  const created = world.notes.createdAt[n];
  // A note written in the last minute of a step waits for the next one (its ratings must come after it).
  if (created >= t1 - 60_000) return 0;
  const from = Math.max(t0, created);
  const availability = (t1 - from) / (t1 - t0);
  const age = Math.max(0, (t0 + t1) / 2 - created);
  return world.notes.virality[n] * Math.pow(2, -age / halfLifeMs) * availability;
}

/** First note index still receiving attention at time `t` (notes are in creation order), from `from` on. */
export function firstLiveNote(world: World, from: number, t: number, halfLifeMs: number): number {
  const cutoff = t - ATTENTION_HALF_LIVES * halfLifeMs;
  let i = from;
  while (i < world.notes.length && world.notes.createdAt[i] < cutoff) i++;
  return i;
}

/** Number of notes created before `t`, scanning on from `from`. */
export function notesBefore(world: World, from: number, t: number): number {
  let i = from;
  while (i < world.notes.length && world.notes.createdAt[i] < t) i++;
  return i;
}

/**
 * Organic ratings per step: `total` spread over the steps in proportion to the attention mass of the organic notes
 * (so the rate follows how much there is to rate), rounded with a carried remainder. The same for every run of a
 * world with or without adversaries.
 */
export function organicRatingSchedule(
  world: World,
  total: number,
  stepMs: number,
  steps: number,
  halfLifeMs: number,
): Int32Array {
  const mass = new Float64Array(steps);
  let live = 0;
  let appeared = 0;
  for (let s = 0; s < steps; s++) {
    const t0 = world.start + s * stepMs;
    const t1 = Math.min(world.end, t0 + stepMs);
    live = firstLiveNote(world, live, t0, halfLifeMs);
    appeared = notesBefore(world, appeared, t1);
    for (let n = live; n < appeared; n++)
      if (world.organicNote[n]) mass[s] += attentionWeight(world, n, t0, t1, halfLifeMs);
  }
  let sum = 0;
  for (const m of mass) sum += m;
  const out = new Int32Array(steps);
  if (sum <= 0) return out;
  let carry = 0;
  for (let s = 0; s < steps; s++) {
    carry += (total * mass[s]) / sum;
    out[s] = Math.floor(carry + 1e-9);
    carry -= out[s];
  }
  return out;
}
