import type { SimulationResult } from '../engine/runSimulation.ts';
import { StatusCode } from '../scoring/noteStatus.ts';
import { trulyHelpful } from '../world/trulyHelpful.ts';
import { publicationErrors, splitBySide, studyPublished, type PublicationErrors } from './publicationErrors.ts';

/** Error rates of one publication decision: all notes, and split by true and by inferred (Core factor) side. */
export interface PublicationBreakdown {
  all: PublicationErrors;
  trueSide: { minus: PublicationErrors; plus: PublicationErrors };
  inferredSide: { minus: PublicationErrors; plus: PublicationErrors };
}

/**
 * Suppression, pollution, infiltration and waste (publicationErrors.ts) of a finished run's organic notes against
 * the truth (trulyHelpful: the latent world's rule, or metrics.helpfulThreshold), for two publication decisions:
 * `rule`, the study's (coreNoteIntercept > 0.4 and |coreNoteFactor1| < 0.5 on the last scoring run's Core model),
 * and `status`, the pipeline's own (final status Helpful). The true side is the sign of the note's true factor
 * (slant), the inferred side the sign of coreNoteFactor1 (notes without one are in neither half).
 */
export function publicationMetrics(result: SimulationResult): {
  rule: PublicationBreakdown;
  status: PublicationBreakdown;
} {
  const { world, scenario } = result;
  const n = world.notes.length;
  const helpful = Uint8Array.from({ length: n }, (_, k) => (trulyHelpful(world, scenario, k) ? 1 : 0));
  const trueSide = Float64Array.from({ length: n }, (_, k) => world.notes.slant[2 * k]);
  const intercept = new Float64Array(n).fill(NaN);
  const factor = new Float64Array(n).fill(NaN);
  const f = result.lastResult?.notes;
  const ic = f?.get('coreNoteIntercept');
  const fc = f?.get('coreNoteFactor1');
  if (f && ic instanceof Float64Array && fc instanceof Float64Array) {
    for (let r = 0; r < f.length; r++) {
      const k = f.key[r];
      if (k < n) {
        intercept[k] = ic[r];
        factor[k] = fc[r];
      }
    }
  }
  const runs = result.timeline.runs;
  const last = [...runs].reverse().find((r) => r.error === null);
  const shown = Uint8Array.from({ length: n }, (_, k) =>
    last && k < last.status.length && last.status[k] === StatusCode.CRH ? 1 : 0,
  );
  const organic = (k: number) => world.organicNote[k] === 1;
  const breakdown = (published: Uint8Array): PublicationBreakdown => {
    const byTrue = splitBySide(helpful, published, trueSide, organic);
    const byInferred = splitBySide(helpful, published, factor, organic);
    return {
      all: publicationErrors(helpful, published, organic),
      trueSide: { minus: byTrue.minus, plus: byTrue.plus },
      inferredSide: { minus: byInferred.minus, plus: byInferred.plus },
    };
  };
  return { rule: breakdown(studyPublished(intercept, factor)), status: breakdown(shown) };
}
