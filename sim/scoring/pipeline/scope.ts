import type { RatingsTable } from '../../data/tables.ts';
import type { ScorerConfig } from '../scorers/scorerConfig.ts';
import type { ScorerContext } from './runContext.ts';

/** Per participant: 1 if the scorer counts the participant in its groups (scoring-core.md §5). */
export function inGroupMask(cfg: ScorerConfig, ctx: ScorerContext): Uint8Array {
  const mask = new Uint8Array(ctx.nParticipants);
  if (cfg.groups === null) return mask.fill(1);
  const groups = new Set(cfg.groups);
  for (let u = 0; u < ctx.nParticipants; u++) {
    mask[u] = ctx.enrolled[u] ? (groups.has(ctx.modelingGroup[u]) ? 1 : 0) : cfg.includeUnassigned ? 1 : 0;
  }
  return mask;
}

/** Per global note: 1 if the note passes the scorer's topic filter. */
export function topicMask(cfg: ScorerConfig, ctx: ScorerContext): Uint8Array {
  const mask = new Uint8Array(ctx.nNotes);
  const topics = cfg.topics === null ? null : new Set(cfg.topics);
  for (let n = 0; n < ctx.nNotes; n++) {
    const t = ctx.noteTopic[n];
    mask[n] = (topics === null || topics.has(t)) && !(cfg.excludeTopics && t !== 0) ? 1 : 0;
  }
  return mask;
}

/** The scorer's input filter: rows of `ratings` it sees, and the universe notes it emits rows for. */
export function applyScope(
  cfg: ScorerConfig,
  ctx: ScorerContext,
  ratings: RatingsTable,
  inGroup: Uint8Array,
): { rows: Int32Array; notes: Int32Array } {
  const topics = topicMask(cfg, ctx);
  let noteOk = topics;
  if (cfg.groups !== null && cfg.strictInclusion) {
    const frac = inGroupFraction(ratings, null, inGroup, ctx.nNotes);
    noteOk = topics.map((t, n) => (t && frac[n] >= (cfg.captureThreshold ?? 0) ? 1 : 0));
  }
  const rows: number[] = [];
  for (let i = 0; i < ratings.length; i++) {
    if (noteOk[ratings.note[i]] && inGroup[ratings.rater[i]]) rows.push(i);
  }
  const notes = ctx.universe.filter((n) => topics[n] === 1);
  return { rows: Int32Array.from(rows), notes };
}

/** Per global note: share of its ratings (rows, or all) whose rater is in group; NaN when it has none. */
export function inGroupFraction(
  ratings: RatingsTable,
  rows: Int32Array | null,
  inGroup: Uint8Array,
  nNotes: number,
): Float64Array {
  const total = new Float64Array(nNotes);
  const inside = new Float64Array(nNotes);
  const n = rows ? rows.length : ratings.length;
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k] : k;
    const note = ratings.note[i];
    total[note]++;
    if (inGroup[ratings.rater[i]]) inside[note]++;
  }
  return inside.map((v, i) => (total[i] > 0 ? v / total[i] : NaN));
}

/**
 * §7.1 / §9.3 step 1: keep notes with ≥ minNote ratings, then raters with ≥ minRater ratings, then notes again
 * (one pass, not a fixed point).
 */
export function filterForTraining(
  ratings: RatingsTable,
  rows: Int32Array,
  minNote: number,
  minRater: number,
  nNotes: number,
  nParticipants: number,
): Int32Array {
  const countBy = (cur: Int32Array, key: Int32Array, size: number) => {
    const c = new Int32Array(size);
    for (const i of cur) c[key[i]]++;
    return c;
  };
  let cur = rows;
  let c = countBy(cur, ratings.note, nNotes);
  cur = cur.filter((i) => c[ratings.note[i]] >= minNote);
  if (minRater > 0) {
    c = countBy(cur, ratings.rater, nParticipants);
    cur = cur.filter((i) => c[ratings.rater[i]] >= minRater);
    c = countBy(cur, ratings.note, nNotes);
    cur = cur.filter((i) => c[ratings.note[i]] >= minNote);
  }
  return cur;
}
