import { formatWarning, type DataWarning } from '../data/dataWarnings.ts';
import type { SkippedScorer } from '../scoring/pipeline/scorerCheck.ts';

/** The warnings of a scoring run: the input's (ReadDataset.warnings), skipped scorers, an untrained flip model. */
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

/** Prints each warning on stderr (also with --quiet: they change what the outputs mean). */
export function printWarnings(label: string, warnings: readonly DataWarning[]): void {
  for (const w of warnings) console.error(`${label}: ${formatWarning(w)}`);
}
