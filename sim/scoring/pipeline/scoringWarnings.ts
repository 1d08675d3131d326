import type { DataWarning } from '../../data/dataWarnings.ts';
import type { SkippedScorer } from './scorerCheck.ts';

/**
 * The warnings of a scoring run, as the CLI prints them and writes `warnings.tsv` and as the dashboard lists them:
 * the input's (ReadDataset.warnings), each skipped scorer, an untrained flip model.
 *
 * @example scoringWarnings(data.warnings, result.run.skippedScorers, result.pflipFallbackReason)
 */
export function scoringWarnings(
  input: readonly DataWarning[],
  skipped: readonly SkippedScorer[],
  pflipFallbackReason: string | null,
): DataWarning[] {
  const out = [...input];
  for (const s of skipped) out.push({ code: 'scorerSkipped', count: 1, where: s.scorer, message: s.message });
  if (pflipFallbackReason !== null) {
    out.push({
      code: 'flipPredictionNotTrained',
      count: 1,
      where: 'pflip',
      message: `flip prediction not trained (${pflipFallbackReason}); every note counts as "will not flip"`,
    });
  }
  return out;
}
