import type { Frame } from '../frame.ts';
import { reqStatus } from './metaInputs.ts';
import type { MetaContext, MetaRule, RuleUpdates } from './metaRule.ts';

/**
 * `ScoringDriftGuard` (scoring-core.md §14.6): a note whose previous-run `lockedStatus` is set and differs from its
 * current status takes the locked status; its pre-lock status goes to side output `unlockedRatingStatus`.
 */
export function driftGuardRule(name: string): MetaRule {
  return {
    name,
    enabled: true,
    requires: ['lockedStatus'],
    apply(frame: Frame, ctx: MetaContext): RuleUpdates {
      const locked = reqStatus(frame, 'lockedStatus');
      const unlocked = ctx.side.str('unlockedRatingStatus');
      const rows: number[] = [];
      const status: string[] = [];
      for (let i = 0; i < frame.length; i++) {
        const l = locked[i];
        if (l !== null && l !== ctx.status[i]) {
          rows.push(i);
          status.push(l);
          unlocked[i] = ctx.status[i];
        }
      }
      return { rows, status };
    },
  };
}
