import type { RunSnapshot } from '../engine/statusTimeline.ts';
import { sortKeys } from './flips.ts';

/** Which rules acted: on how many notes in the last run, and note-runs summed over all runs. */
export interface RulesFired {
  lastRun: Record<string, number>;
  allRuns: Record<string, number>;
  /** decidedBy of the last run: notes per deciding rule */
  decidedBy: Record<string, number>;
}

/** Rule activity over the runs (failed runs skipped); `decidedByNames` resolves RunSnapshot.decidedBy. */
export function rulesFired(runs: readonly RunSnapshot[], decidedByNames: readonly string[]): RulesFired {
  const ok = runs.filter((r) => r.error === null);
  const all: Record<string, number> = {};
  for (const run of ok) for (const [rule, count] of Object.entries(run.rules)) all[rule] = (all[rule] ?? 0) + count;
  const last = ok[ok.length - 1];
  const decidedBy: Record<string, number> = {};
  if (last) {
    for (let n = 0; n < last.notes; n++) {
      const name = decidedByNames[last.decidedBy[n]] || '(none)';
      decidedBy[name] = (decidedBy[name] ?? 0) + 1;
    }
  }
  return { lastRun: sortKeys(last ? { ...last.rules } : {}), allRuns: sortKeys(all), decidedBy: sortKeys(decidedBy) };
}
