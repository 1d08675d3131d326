import type { Frame } from '../frame.ts';

/** What a meta rule returns: the rows it acts on and the status it sets for each (same length). */
export interface RuleUpdates {
  rows: number[];
  status: string[];
}

/** Read-only view of the run a rule gets, plus the frame where it may write side-output columns. */
export interface MetaContext {
  /** running `finalRatingStatus` per row (null before any rule returned the row) */
  readonly status: readonly (string | null)[];
  /** the run's time (epochMillis) */
  readonly now: number;
  /** pflip label assumed for a note without a prediction (see MetaOptions.pflipFallback) */
  readonly pflipFallback: 'CRH' | 'FLIP';
  /** side outputs (e.g. `unlockedRatingStatus`), same rows as the input frame */
  readonly side: Frame;
}

/**
 * One entry of an ordered meta-rule table. `requires` lists the input columns without which the rule does nothing
 * (a scorer switched off); other columns a rule reads are optional and count as all-null when absent.
 */
export interface MetaRule {
  readonly name: string;
  readonly enabled: boolean;
  readonly requires: readonly string[];
  apply(frame: Frame, ctx: MetaContext): RuleUpdates;
}

/** A copy of `rule` switched on or off. */
export const withEnabled = (rule: MetaRule, enabled: boolean): MetaRule => ({ ...rule, enabled });
