import { CLASS_NOT_MISLEADING, NOT_HELPFUL_TAGS } from '../../data/tables.ts';
import { CRH, CRNH, FIRM_REJECT, NMR, NYH } from '../noteStatus.ts';
import type { RuleThresholds } from '../scorers/scorerConfig.ts';
import type { IncorrectAggregates, NoteStats, TagAggregates } from './noteAggregates.ts';

/** Everything a scorer's rules read, one entry per scope note row (scoring-core.md §11). */
export interface RuleInputs {
  n: number;
  stats: NoteStats;
  intercept: Float64Array;
  factor: Float64Array;
  /** pseudo-rater upper bound (§10), null when pseudo-raters did not run */
  interceptMax: Float64Array | null;
  classification: Uint8Array;
  /** previous run's final status (NSH currentStatus) */
  previousStatus: (string | null)[];
  tags: TagAggregates | null;
  tagThresholds: Float64Array | null;
  incorrect: IncorrectAggregates | null;
  lowDiligenceIntercept: Float64Array | null;
  noHighVolIntercept: Float64Array | null;
  noCorrelatedIntercept: Float64Array | null;
}

export interface RuleContext {
  finalRound: boolean;
  /** safeguard rules 16–17 run only in the main final run */
  mainRun: boolean;
  thresholds: RuleThresholds;
}

/** One named rule: which notes it returns given the running statuses; `status` is what it sets. */
export interface ScorerRule {
  name: string;
  runs: (ctx: RuleContext) => boolean;
  /** returns the status to set for row r, or null to leave it */
  decide: (r: number, running: string, inp: RuleInputs, ctx: RuleContext) => string | null;
}

const MIN_RATINGS = 5;
const ge = (a: number, b: number) => a >= b; // NaN-safe: any comparison with NaN is false
const misleadingOrDeleted = (c: number) => c !== CLASS_NOT_MISLEADING;
const frOrNmr = (ctx: RuleContext) => (ctx.thresholds.firmReject !== null ? FIRM_REJECT : NMR);
const FILTER_TAGS = NOT_HELPFUL_TAGS.map((t, i) => [t, i] as const).filter(([t]) => t !== 'notHelpfulHardToUnderstand');

/** Tags that trigger the TagFilter rule on row r (empty when none). */
export function triggeredFilterTags(r: number, inp: RuleInputs): string[] {
  if (!inp.tags || !inp.tagThresholds) return [];
  const out: string[] = [];
  for (const [tag, t] of FILTER_TAGS) {
    if (inp.tags.adjusted[t][r] > 2.5 && inp.tags.adjustedRatio[t][r] > inp.tagThresholds[t]) out.push(tag);
  }
  return out;
}

/** The per-scorer rules of §11.4, in order (later wins). */
export const SCORER_RULES: ScorerRule[] = [
  { name: 'InitialNMR (v1.0)', runs: () => true, decide: () => NMR },
  {
    name: 'GeneralCRH (v1.0)',
    runs: () => true,
    decide: (r, _s, inp, ctx) =>
      misleadingOrDeleted(inp.classification[r]) &&
      inp.stats.numRatings[r] >= MIN_RATINGS &&
      ge(inp.intercept[r], ctx.thresholds.crh)
        ? CRH
        : null,
  },
  {
    name: 'GeneralCRNH (v1.0)',
    runs: () => true,
    decide: (r, _s, inp, ctx) =>
      inp.stats.numRatings[r] >= MIN_RATINGS &&
      inp.intercept[r] <= ctx.thresholds.crnhIntercept + ctx.thresholds.crnhFactorMultiplier * Math.abs(inp.factor[r])
        ? CRNH
        : null,
  },
  {
    name: 'UcbCRNH (v1.0)',
    runs: () => true,
    decide: (r, _s, inp, ctx) =>
      inp.interceptMax !== null &&
      inp.stats.numRatings[r] >= MIN_RATINGS &&
      inp.interceptMax[r] < ctx.thresholds.crnhUCB
        ? CRNH
        : null,
  },
  {
    name: 'RatioCRNH (v1.0)',
    runs: (ctx) => ctx.finalRound,
    decide: (r, _s, inp) => {
      const s = inp.stats;
      const a = s.negMeanHelpful[r];
      const b = s.posMeanHelpful[r];
      return s.numRatings[r] >= MIN_RATINGS && s.minSignCount[r] >= 3 && a <= 0.4 && b <= 0.4 && (a + b) / 2 <= 0.3
        ? CRNH
        : null;
    },
  },
  {
    name: 'NmCRNH (v1.0)',
    runs: () => true,
    decide: (r, _s, inp, ctx) =>
      inp.classification[r] === CLASS_NOT_MISLEADING && inp.intercept[r] < ctx.thresholds.crnhNM ? CRNH : null,
  },
  {
    name: 'GeneralCRHInertia (v1.0)',
    runs: (ctx) => ctx.finalRound,
    decide: (r, s, inp, ctx) =>
      s !== CRH &&
      inp.stats.numRatings[r] >= MIN_RATINGS &&
      inp.intercept[r] >= ctx.thresholds.crh - ctx.thresholds.inertiaDelta &&
      inp.previousStatus[r] === CRH &&
      misleadingOrDeleted(inp.classification[r])
        ? CRH
        : null,
  },
  {
    name: 'TagFilter (v1.0)',
    runs: (ctx) => ctx.finalRound,
    decide: (r, s, inp, ctx) => (s !== CRNH && triggeredFilterTags(r, inp).length > 0 ? frOrNmr(ctx) : null),
  },
  {
    name: 'FilterIncorrect (v1.0)',
    runs: (ctx) => ctx.finalRound,
    decide: (r, s, inp, ctx) => {
      const q = inp.incorrect;
      return q !== null &&
        s !== CRNH &&
        q.notHelpfulIncorrectInterval[r] >= 2 &&
        q.numVotersInterval[r] >= 3 &&
        q.tfIdfIncorrectInterval[r] >= ctx.thresholds.incorrect
        ? frOrNmr(ctx)
        : null;
    },
  },
  {
    name: 'FilterLowDiligence (v1.0)',
    runs: (ctx) => ctx.finalRound,
    decide: (r, s, inp, ctx) =>
      inp.lowDiligenceIntercept !== null && s !== CRNH && inp.lowDiligenceIntercept[r] > ctx.thresholds.lowDiligence
        ? frOrNmr(ctx)
        : null,
  },
  {
    name: 'FilterLargeFactor (v1.0)',
    runs: (ctx) => ctx.finalRound,
    decide: (r, s, inp, ctx) => (s === CRH && Math.abs(inp.factor[r]) > ctx.thresholds.factor ? frOrNmr(ctx) : null),
  },
  {
    name: 'RejectLowIntercept (v1.0)',
    runs: (ctx) => ctx.finalRound && ctx.thresholds.firmReject !== null,
    decide: (r, s, inp, ctx) =>
      s !== CRNH && inp.intercept[r] < (ctx.thresholds.firmReject as number) ? FIRM_REJECT : null,
  },
  {
    name: 'MinMinorityRaters (v1.0)',
    runs: (ctx) => ctx.finalRound && ctx.thresholds.minMinorityNetHelpfulRatings !== null,
    decide: (r, s, inp, ctx) =>
      s === CRH && inp.stats.netMinHelpful[r] < (ctx.thresholds.minMinorityNetHelpfulRatings as number) ? NYH : null,
  },
  {
    name: 'RaterBalance (v1.0)',
    runs: (ctx) => ctx.finalRound && ctx.thresholds.minMinorityNetHelpfulRatio !== null,
    decide: (r, s, inp, ctx) => {
      const net = inp.stats.netMinHelpful[r];
      return s === CRH &&
        net >= 4 &&
        net < 10 &&
        inp.stats.netMinHelpfulRatio[r] < (ctx.thresholds.minMinorityNetHelpfulRatio as number)
        ? NYH
        : null;
    },
  },
  {
    name: 'NoHighVolIntercept (v1.0)',
    runs: (ctx) => ctx.finalRound && ctx.mainRun,
    decide: (r, s, inp, ctx) =>
      inp.noHighVolIntercept !== null && s === CRH && inp.noHighVolIntercept[r] < ctx.thresholds.noHighVol ? NYH : null,
  },
  {
    name: 'NoCorrelatedIntercept (v1.0)',
    runs: (ctx) => ctx.finalRound && ctx.mainRun,
    decide: (r, s, inp, ctx) =>
      inp.noCorrelatedIntercept !== null && s === CRH && inp.noCorrelatedIntercept[r] < ctx.thresholds.noCorrelated
        ? NYH
        : null,
  },
];

/** Rules 2–6 are evaluated on the parameters alone: they see the status before any of them ran. */
const PARAMETER_RULES = new Set([
  'GeneralCRH (v1.0)',
  'GeneralCRNH (v1.0)',
  'UcbCRNH (v1.0)',
  'RatioCRNH (v1.0)',
  'NmCRNH (v1.0)',
]);

export interface RuleOutcome {
  status: string[];
  activeRules: string[];
  activeFilterTags: string[];
}

/**
 * Apply the rule table in order ("later wins"). Rules named in `disabled` (with or without version) are skipped, so a researcher can
 * switch any safeguard off by name.
 */
export function applyScorerRules(
  inp: RuleInputs,
  ctx: RuleContext,
  disabled: ReadonlySet<string> = new Set(),
): RuleOutcome {
  const status = new Array<string>(inp.n).fill(NMR);
  const active: string[][] = Array.from({ length: inp.n }, () => []);
  const filterTags = new Array<string>(inp.n).fill('');
  for (const rule of SCORER_RULES) {
    if (disabled.has(rule.name) || disabled.has(rule.name.replace(/ \(v[0-9.]+\)$/, '')) || !rule.runs(ctx)) continue;
    const updates: [number, string][] = [];
    for (let r = 0; r < inp.n; r++) {
      const s = rule.decide(r, PARAMETER_RULES.has(rule.name) ? NMR : status[r], inp, ctx);
      if (s !== null) updates.push([r, s]);
    }
    for (const [r, s] of updates) {
      status[r] = s;
      active[r].push(rule.name);
      if (rule.name === 'TagFilter (v1.0)') filterTags[r] = triggeredFilterTags(r, inp).join(',');
    }
  }
  return { status, activeRules: active.map((a) => a.join(',')), activeFilterTags: filterTags };
}
