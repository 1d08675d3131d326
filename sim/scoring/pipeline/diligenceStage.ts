import type { RatingsTable } from '../../data/tables.ts';
import type { RandomSource } from '../../random/random.ts';
import type { RaterTable } from './fitModel.ts';
import type { PrescoringResult } from './prescoreMF.ts';
import type { RunContext } from './runContext.ts';

/** Low-diligence model state carried from prescoring to final scoring (scoring-core.md §8), global-keyed. */
export interface DiligencePrescoring {
  noteIntercept: Float64Array;
  noteFactor: Float64Array;
  noteInterceptRound2: Float64Array;
  raterIntercept: Float64Array;
  raterFactor: Float64Array;
  raterReputation: Float64Array;
  raterInterceptRound2: Float64Array;
  mu: [number, number, number];
  numRatings: number;
  numNotes: number;
  numRaters: number;
}

/** §8.2 on the final-round ratings (placeholder until the diligence model lands). */
export async function runDiligencePrescoring(
  _ctx: RunContext,
  _ratings: RatingsTable,
  _rows: Int32Array,
  _raterFactors: RaterTable,
  _random: RandomSource,
): Promise<DiligencePrescoring | null> {
  return null;
}

/** §8.3: low-diligence note intercepts per global note, or null when prescoring had none. */
export async function runDiligenceFinal(
  _ctx: RunContext,
  _ratings: RatingsTable,
  _rows: Int32Array,
  _pre: PrescoringResult,
  _random: RandomSource,
): Promise<Float64Array | null> {
  return null;
}
