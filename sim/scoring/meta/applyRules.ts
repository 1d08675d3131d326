import { Frame } from '../frame.ts';
import type { MetaContext, MetaRule } from './metaRule.ts';
import { baseRuleName } from './ruleNames.ts';

export interface MetaOptions {
  /** the run's time (epochMillis), used by the stabilization rule */
  now: number;
  /**
   * Rule names to skip, with or without version (`CoreModel` or `CoreModel (v1.1)`). Names that match no rule of
   * the table are ignored (the same list also switches per-scorer rules off); check them with `ruleNamesOf`.
   */
  disabled?: ReadonlySet<string>;
  /**
   * pflip label assumed when `pflipLabel` is absent or null for a note. Default 'CRH' (= "will not flip"), which is
   * what the conformance reference runs did: their pflip model could not be trained on small histories and
   * predicted CRH for every note it was asked about (every note in stabilization). 'FLIP' reproduces the reference's
   * rule for a missing prediction (notes always wait the full 60 minutes).
   */
  pflipFallback?: 'CRH' | 'FLIP';
}

export interface SkippedRule {
  name: string;
  /** 'disabled' or the list of absent input columns */
  reason: string;
}

export interface MetaResult {
  /**
   * Same rows (and keys) as the input frame: `finalRatingStatus`, `decidedBy`, `metaScorerActiveRules` (names of the
   * rules that returned the note, in application order, comma-separated) and the rules' side outputs
   * (`firstTag`, `secondTag`, `unlockedRatingStatus`, `preStabilizationRatingStatus`,
   * `updatedTimestampMillisOfNmrDueToMinStableCrhTime`; absent columns read as null).
   */
  frame: Frame;
  /** rules that did not run, in table order */
  skipped: SkippedRule[];
}

/** Names of the rules of a table, in order. */
export const ruleNamesOf = (table: readonly MetaRule[]): string[] => table.map((r) => r.name);

/**
 * Apply an ordered rule table to a note frame (scoring-core.md §14.2). Later rules win: each rule returns
 * (row, status) updates that overwrite the running status; `decidedBy` is the last rule that returned the row, even
 * when it re-set the same status. A disabled rule (entry `enabled: false` or named in `options.disabled`) is skipped
 * as if it were not in the table: it sets nothing, appears nowhere and writes no side output. Rules read the
 * per-model columns directly, so a later rule still runs normally; it just sees the status left by the rules that
 * did run (e.g. without `CoreModel`, CoreWithTopics/Expansion results stay; without `NmrDueToMinStableCrhTime`,
 * CRH goes out immediately and NEEDS_YOUR_HELP can reach finalRatingStatus). Throws if a row ends without status
 * (only possible when `MetaInitialNMR` is off).
 */
export function applyRules(table: readonly MetaRule[], frame: Frame, options: MetaOptions): MetaResult {
  if (!Number.isFinite(options.now))
    throw new Error(`meta scoring: options.now must be a finite time, got ${options.now}`);
  const n = frame.length;
  const status = new Array<string | null>(n).fill(null);
  const decidedBy = new Array<string | null>(n).fill(null);
  // Each row's active-rule list is a path through a trie of rule names: rows share the list strings.
  const combo = new Int32Array(n);
  const comboName: (string | null)[] = [null];
  const next: Map<string, number>[] = [new Map()];
  const extend = (c: number, name: string): number => {
    let d = next[c].get(name);
    if (d === undefined) {
      d = comboName.length;
      comboName.push(c === 0 ? name : `${comboName[c]},${name}`);
      next.push(new Map());
      next[c].set(name, d);
    }
    return d;
  };
  const side = new Frame(frame.key);
  const ctx: MetaContext = { status, now: options.now, pflipFallback: options.pflipFallback ?? 'CRH', side };
  const disabled = options.disabled ?? new Set<string>();
  const skipped: SkippedRule[] = [];
  const seen = new Set<string>();
  for (const rule of table) {
    if (seen.has(rule.name)) throw new Error(`meta rule table lists ${rule.name} twice`);
    seen.add(rule.name);
    if (!rule.enabled || disabled.has(rule.name) || disabled.has(baseRuleName(rule.name))) {
      skipped.push({ name: rule.name, reason: 'disabled' });
      continue;
    }
    const missing = rule.requires.filter((c) => !frame.has(c));
    if (missing.length > 0) {
      skipped.push({ name: rule.name, reason: `absent columns: ${missing.join(', ')}` });
      continue;
    }
    const { rows, status: set } = rule.apply(frame, ctx);
    if (rows.length !== set.length)
      throw new Error(`meta rule ${rule.name}: ${rows.length} rows but ${set.length} statuses`);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      status[r] = set[k];
      decidedBy[r] = rule.name;
      combo[r] = extend(combo[r], rule.name);
    }
  }
  const unset = status.reduce((c, s) => (s === null ? c + 1 : c), 0);
  if (unset > 0)
    throw new Error(`meta scoring: no rule assigned a status to ${unset} of ${n} notes (is MetaInitialNMR disabled?)`);
  side.set('finalRatingStatus', status);
  side.set('decidedBy', decidedBy);
  side.set(
    'metaScorerActiveRules',
    Array.from(combo, (c) => comboName[c]),
  );
  return { frame: side, skipped };
}
