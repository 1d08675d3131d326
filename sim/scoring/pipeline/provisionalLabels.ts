import type { RatingsTable } from '../../data/tables.ts';
import { CRH, CRNH } from '../noteStatus.ts';
import { LABEL_CRH, LABEL_CRNH } from '../helpfulness/validRatings.ts';
import { computeNoteStats } from '../rules/noteAggregates.ts';
import { applyScorerRules } from '../rules/scorerRules.ts';
import type { ScorerConfig } from '../scorers/scorerConfig.ts';
import type { FitOutcome } from './fitModel.ts';
import type { ScorerContext } from './runContext.ts';

/**
 * Provisional note statuses (scoring-core.md §7.3): the non-final rules on the scope ratings and round-1
 * parameters. Returns a label per global note (LABEL_CRH / LABEL_CRNH / 0).
 */
export function provisionalLabels(
  cfg: ScorerConfig,
  ctx: ScorerContext,
  ratings: RatingsTable,
  rows: Int32Array,
  notes: Int32Array,
  fit: FitOutcome,
): Uint8Array {
  const noteRow = new Int32Array(ctx.nNotes).fill(-1);
  notes.forEach((n, r) => (noteRow[n] = r));
  const stats = computeNoteStats(ratings, rows, noteRow, notes.length, fit.raters.factor, ctx.now);
  const outcome = applyScorerRules(
    {
      n: notes.length,
      stats,
      intercept: Float64Array.from(notes, (n) => fit.notes.intercept[n]),
      factor: Float64Array.from(notes, (n) => fit.notes.factor[n]),
      interceptMax: null,
      classification: Uint8Array.from(notes, (n) => ctx.info.classification[n]),
      previousStatus: Array.from(notes, (n) => ctx.previous.currentStatus[n]),
      tags: null,
      tagThresholds: null,
      incorrect: null,
      lowDiligenceIntercept: null,
      noHighVolIntercept: null,
      noCorrelatedIntercept: null,
    },
    { finalRound: false, mainRun: false, thresholds: cfg.thresholds },
    ctx.disabledRules,
  );
  const labels = new Uint8Array(ctx.nNotes);
  notes.forEach((n, r) => {
    const s = outcome.status[r];
    labels[n] = s === CRH ? LABEL_CRH : s === CRNH ? LABEL_CRNH : 0;
  });
  return labels;
}
