import { CRH, CRNH, FIRM_REJECT, NMR, NYH } from '../noteStatus.ts';
import type { Frame } from '../frame.ts';
import { blockedRows, optNum, parseBool, reqNum, reqStatus, reqStr } from './metaInputs.ts';
import type { MetaContext, MetaRule, RuleUpdates } from './metaRule.ts';

/*
 * Rule factories for the model-driven meta rules of scoring-core.md §14.3 (rules 1–17). Each returns a MetaRule;
 * sim/scoring/meta/metaRules.ts puts them in order.
 */

const collect = (n: number, pick: (i: number) => string | null): RuleUpdates => {
  const rows: number[] = [];
  const status: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = pick(i);
    if (s !== null) {
      rows.push(i);
      status.push(s);
    }
  }
  return { rows, status };
};

/** Rule 1: every note starts at NEEDS_MORE_RATINGS. */
export function initialStatusRule(name: string, status: string): MetaRule {
  return { name, enabled: true, requires: [], apply: (frame) => collect(frame.length, () => status) };
}

/**
 * Rules 2–6: notes with a non-null status in `column` take it (FIRM_REJECT becomes NMR). With `blockCheck`, a
 * CRH/NYH status is ignored on blocked notes; with `filter`, only rows where numeric column `filter.column` equals
 * `filter.value` are considered (multi-group model 1).
 */
export function modelResultRule(
  name: string,
  column: string,
  opts: { blockCheck?: boolean; filter?: { column: string; value: number } } = {},
): MetaRule {
  const requires = opts.filter ? [column, opts.filter.column] : [column];
  return {
    name,
    enabled: true,
    requires,
    apply(frame) {
      const src = reqStatus(frame, column);
      const blocked = opts.blockCheck ? blockedRows(frame) : null;
      const filterCol = opts.filter ? reqNum(frame, opts.filter.column) : null;
      return collect(frame.length, (i) => {
        const s = src[i];
        if (s === null) return null;
        if (filterCol !== null && filterCol[i] !== opts.filter!.value) return null;
        if (blocked !== null && blocked[i] && (s === CRH || s === NYH)) return null;
        return s === FIRM_REJECT ? NMR : s;
      });
    },
  };
}

/**
 * Rules 7–9: promotion by group model `group`. A note that is not blocked, whose `groupRatingStatus` is CRH or NYH
 * with `modelingGroup` = group, and whose current status is NMR or NYH (NYH -> NYH excluded) takes the group status
 * if actionable: Core intercept when present, else Expansion intercept, must be > minSafeguard and (when given)
 * < the model's upper bound; a note with neither intercept is not actionable.
 */
export function groupPromotionRule(
  name: string,
  group: number,
  minSafeguard: number,
  coreUpper: number | null,
  expansionUpper: number | null,
): MetaRule {
  return {
    name,
    enabled: true,
    requires: ['groupRatingStatus', 'modelingGroup'],
    apply(frame, ctx) {
      const gs = reqStatus(frame, 'groupRatingStatus');
      const mg = reqNum(frame, 'modelingGroup');
      const core = optNum(frame, 'coreNoteIntercept');
      const exp = optNum(frame, 'expansionNoteIntercept');
      const blocked = blockedRows(frame);
      const inBand = (x: number, upper: number | null) => x > minSafeguard && (upper === null || x < upper);
      return collect(frame.length, (i) => {
        const g = gs[i];
        const cur = ctx.status[i];
        if ((g !== CRH && g !== NYH) || mg[i] !== group || blocked[i]) return null;
        if ((cur !== NMR && cur !== NYH) || (cur === NYH && g === NYH)) return null;
        const c = core === null ? NaN : core[i];
        const e = exp === null ? NaN : exp[i];
        const actionable = !Number.isNaN(c)
          ? inBand(c, coreUpper)
          : !Number.isNaN(e)
            ? inBand(e, expansionUpper)
            : false;
        return actionable ? g : null;
      });
    },
  };
}

/** Rules 10–12: demotion by group model `group`: group status NMR or CRNH turns a current CRH/NYH into NMR. */
export function groupDemotionRule(name: string, group: number): MetaRule {
  return {
    name,
    enabled: true,
    requires: ['groupRatingStatus', 'modelingGroup'],
    apply(frame, ctx) {
      const gs = reqStatus(frame, 'groupRatingStatus');
      const mg = reqNum(frame, 'modelingGroup');
      return collect(frame.length, (i) => {
        const cur = ctx.status[i];
        return (gs[i] === NMR || gs[i] === CRNH) && mg[i] === group && (cur === CRH || cur === NYH) ? NMR : null;
      });
    },
  };
}

/**
 * Rules 13–14: Gaussian coverage with status `column` (G). Only notes currently NMR or NYH; they take G when G is
 * CRH/NYH and the note is not blocked, or when G is CRNH (no block check); current NYH with G = NYH is skipped.
 */
export function coverageRule(name: string, column: string): MetaRule {
  return {
    name,
    enabled: true,
    requires: [column],
    apply(frame, ctx) {
      const src = reqStatus(frame, column);
      const blocked = blockedRows(frame);
      return collect(frame.length, (i) => {
        const g = src[i];
        const cur = ctx.status[i];
        if (cur !== NMR && cur !== NYH) return null;
        if (cur === NYH && g === NYH) return null;
        if (g === CRNH || ((g === CRH || g === NYH) && !blocked[i])) return g;
        return null;
      });
    },
  };
}

/**
 * Rules 15–16: topic veto. Notes currently CRH or NYH whose `noteTopic` is `topic`, `topicNoteConfident` is true
 * and (`topicNoteIntercept` < interceptBound or |`topicNoteFactor1`| > factorBound) become NMR.
 */
export function topicVetoRule(name: string, topic: string, interceptBound: number, factorBound: number): MetaRule {
  const cols = ['noteTopic', 'topicNoteConfident', 'topicNoteIntercept', 'topicNoteFactor1'];
  return {
    name,
    enabled: true,
    requires: cols,
    apply(frame, ctx) {
      const nt = reqStr(frame, 'noteTopic');
      const conf = reqStr(frame, 'topicNoteConfident');
      const ti = reqNum(frame, 'topicNoteIntercept');
      const tf = reqNum(frame, 'topicNoteFactor1');
      return collect(frame.length, (i) => {
        const cur = ctx.status[i];
        if ((cur !== CRH && cur !== NYH) || nt[i] !== topic) return null;
        if (parseBool(frame, 'topicNoteConfident', i, conf[i]) !== true) return null;
        return ti[i] < interceptBound || Math.abs(tf[i]) > factorBound ? NMR : null;
      });
    },
  };
}

export interface PopulationSampledParams {
  minRatings: number;
  minPerSign: number;
  maxIntercept: number;
  minDivergence: number;
}

/**
 * Rule 17 (scoring-robustness.md §17): a currently-CRH note with both Core intercepts, at least `minRatings`
 * population-sampled ratings in total and `minPerSign` on each factor side becomes NMR when the population-sampled
 * intercept is below `maxIntercept` and at least `minDivergence` below the Core intercept. Null counts read as 0.
 */
export function populationSampledRule(name: string, p: PopulationSampledParams): MetaRule {
  return {
    name,
    enabled: true,
    requires: [
      'coreNoteIntercept',
      'coreNoteInterceptPopulationSampled',
      'coreNegFactor_populationSampledRatingCount',
      'corePosFactor_populationSampledRatingCount',
    ],
    apply(frame: Frame, ctx: MetaContext) {
      const core = reqNum(frame, 'coreNoteIntercept');
      const ps = reqNum(frame, 'coreNoteInterceptPopulationSampled');
      const neg = reqNum(frame, 'coreNegFactor_populationSampledRatingCount');
      const pos = reqNum(frame, 'corePosFactor_populationSampledRatingCount');
      const z = (x: number) => (Number.isNaN(x) ? 0 : x);
      return collect(frame.length, (i) => {
        if (ctx.status[i] !== CRH || Number.isNaN(core[i]) || Number.isNaN(ps[i])) return null;
        const nNeg = z(neg[i]);
        const nPos = z(pos[i]);
        if (nNeg + nPos < p.minRatings || nNeg < p.minPerSign || nPos < p.minPerSign) return null;
        return ps[i] < p.maxIntercept && core[i] - ps[i] >= p.minDivergence ? NMR : null;
      });
    },
  };
}
