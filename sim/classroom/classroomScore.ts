/**
 * The classroom model: a tiny raters × notes grid fitted with the core matrix factorisation (the typed engine, §6)
 * and judged by the core scorer's parameter rules (GeneralCRH, GeneralCRNH, NmCRNH, §11.4).
 */
import { fitSync } from '../scoring/mf/typedEngine.ts';
import { flipSigns, warmStart } from '../scoring/mf/init.ts';
import { DEFAULT_FIT_OPTIONS } from '../scoring/mf/types.ts';
import { randomSeeded } from '../random/random.ts';
import { CORE_SCORER } from '../scoring/scorers/catalogue.ts';
import { coreThresholds, type CoreThresholds } from '../scoring/scorers/coreThresholds.ts';
import { computeNoteStats } from '../scoring/rules/noteAggregates.ts';
import { applyScorerRules } from '../scoring/rules/scorerRules.ts';
import { CLASS_MISLEADING, type RatingsTable } from '../data/tables.ts';
import { NMR } from '../scoring/noteStatus.ts';

/** A classroom world: a small grid of raters × notes. `cells[r * notes + n]` is -1 (no rating) or helpful2. */
export interface ClassroomWorld {
  raters: number;
  notes: number;
  cells: Int8Array;
  seed: number;
}

/** The fitted classroom model: one value per note / rater (NaN when unrated), statuses from the core thresholds. */
export interface ClassroomFit {
  noteIntercept: Float64Array;
  noteFactor: Float64Array;
  raterIntercept: Float64Array;
  raterFactor: Float64Array;
  globalIntercept: number;
  status: string[];
  activeRules: string[];
  ratingsPerNote: Int32Array;
  epochs: number;
  thresholds: CoreThresholds;
}

/** Largest grid the classroom accepts (it must stay a fast, interactive fit). */
export const CLASSROOM_MAX = { raters: 40, notes: 20 };

/**
 * Fits the classroom world and applies the core parameter rules. Takes the grid (cells -1 = no rating, else
 * helpful2: 0 / 1 / 2); returns intercepts, factors and statuses. Deterministic for a given world and seed
 * (Xavier start from `seed`). Throws on a malformed grid.
 *
 * @example classroomScore({ raters: 2, notes: 1, cells: Int8Array.of(2, 0), seed: 1 }).status // ['NEEDS_MORE_RATINGS']
 */
export function classroomScore(world: ClassroomWorld): ClassroomFit {
  checkWorld(world);
  const { raters, notes, cells } = world;
  const note: number[] = [];
  const rater: number[] = [];
  const target: number[] = [];
  for (let r = 0; r < raters; r++) {
    for (let n = 0; n < notes; n++) {
      const v = cells[r * notes + n];
      if (v < 0) continue;
      note.push(n);
      rater.push(r);
      target.push(v / 2);
    }
  }
  const thresholds = coreThresholds();
  const out: ClassroomFit = {
    noteIntercept: new Float64Array(notes).fill(NaN),
    noteFactor: new Float64Array(notes).fill(NaN),
    raterIntercept: new Float64Array(raters).fill(NaN),
    raterFactor: new Float64Array(raters).fill(NaN),
    globalIntercept: NaN,
    status: new Array<string>(notes).fill(NMR),
    activeRules: new Array<string>(notes).fill(''),
    ratingsPerNote: new Int32Array(notes),
    epochs: 0,
    thresholds,
  };
  for (const n of note) out.ratingsPerNote[n]++;
  if (note.length === 0) return out;
  const problem = {
    nNotes: notes,
    nRaters: raters,
    note: Int32Array.from(note),
    rater: Int32Array.from(rater),
    target: Float32Array.from(target),
  };
  const init = warmStart({
    noteGlobal: Int32Array.from({ length: notes }, (_, i) => i),
    raterGlobal: Int32Array.from({ length: raters }, (_, i) => i),
    random: randomSeeded(world.seed),
  });
  const fit = fitSync(problem, init, { ...DEFAULT_FIT_OPTIONS, learningRate: CORE_SCORER.mf.noInitLearningRate });
  flipSigns(fit.params);
  const p = fit.params;
  const rated = new Uint8Array(notes);
  const ratedBy = new Uint8Array(raters);
  for (let i = 0; i < note.length; i++) {
    rated[note[i]] = 1;
    ratedBy[rater[i]] = 1;
  }
  // Notes and raters without any rating have no fitted parameters: they stay NaN.
  for (let n = 0; n < notes; n++) {
    if (!rated[n]) continue;
    out.noteIntercept[n] = p.noteIntercept[n];
    out.noteFactor[n] = p.noteFactor[n];
  }
  for (let r = 0; r < raters; r++) {
    if (!ratedBy[r]) continue;
    out.raterIntercept[r] = p.raterIntercept[r];
    out.raterFactor[r] = p.raterFactor[r];
  }
  out.globalIntercept = p.globalIntercept;
  out.epochs = fit.epochs;

  const table: RatingsTable = {
    length: note.length,
    note: problem.note,
    rater: problem.rater,
    createdAt: new Float64Array(note.length),
    flags: new Uint32Array(note.length),
    helpful2: Uint8Array.from(target, (t) => t * 2),
  };
  const allRows = Int32Array.from({ length: note.length }, (_, i) => i);
  const identity = Int32Array.from({ length: notes }, (_, i) => i);
  const stats = computeNoteStats(table, allRows, identity, notes, out.raterFactor, 0);
  const rules = applyScorerRules(
    {
      n: notes,
      stats,
      intercept: out.noteIntercept,
      factor: out.noteFactor,
      interceptMax: null,
      classification: new Uint8Array(notes).fill(CLASS_MISLEADING),
      previousStatus: new Array<string | null>(notes).fill(null),
      tags: null,
      tagThresholds: null,
      incorrect: null,
      lowDiligenceIntercept: null,
      noHighVolIntercept: null,
      noCorrelatedIntercept: null,
    },
    { finalRound: false, mainRun: false, thresholds: CORE_SCORER.thresholds },
  );
  out.status = rules.status;
  out.activeRules = rules.activeRules;
  return out;
}

function checkWorld(world: ClassroomWorld): void {
  const { raters, notes, cells } = world;
  if (!Number.isInteger(raters) || raters < 1 || raters > CLASSROOM_MAX.raters) {
    throw new Error(`classroom: raters must be a whole number from 1 to ${CLASSROOM_MAX.raters}, got ${raters}`);
  }
  if (!Number.isInteger(notes) || notes < 1 || notes > CLASSROOM_MAX.notes) {
    throw new Error(`classroom: notes must be a whole number from 1 to ${CLASSROOM_MAX.notes}, got ${notes}`);
  }
  if (!(cells instanceof Int8Array) || cells.length !== raters * notes) {
    throw new Error(`classroom: cells must be an Int8Array of raters × notes = ${raters * notes} entries`);
  }
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] < -1 || cells[i] > 2) throw new Error(`classroom: cell ${i} is ${cells[i]}; expected -1, 0, 1 or 2`);
  }
  if (!Number.isInteger(world.seed) || world.seed < 0)
    throw new Error(`classroom: seed must be a non-negative integer`);
}
