/**
 * A note's status in plain words, from what the scorer wrote about it (status, decidedBy, parameters, rules fired)
 * and the core thresholds. Words only: every number comes from the engine.
 */
import type { CoreThresholds } from '../engine/engineTypes.ts';
import { statusLabel } from '../charts/palette.ts';

/** What the explanation reads about one note. */
export interface NoteFacts {
  status: string | null;
  coreStatus: string | null;
  decidedBy: string | null;
  intercept: number;
  factor: number;
  numRatings: number;
  /** comma-separated rule names (coreActiveRules) */
  coreRules: string | null;
  metaRules: string | null;
  interceptNoHighVol: number;
  interceptNoCorrelated: number;
}

/** One sentence per rule name (without version), as the rule acts. */
export const RULE_WORDS: Readonly<Record<string, string>> = {
  InitialNMR: 'every note starts at Needs More Ratings',
  GeneralCRH: 'with at least 5 ratings and an intercept at or above the Helpful bar, the note becomes Helpful',
  GeneralCRNH:
    'with at least 5 ratings and an intercept below the Not Helpful line for its factor, the note becomes Not Helpful',
  UcbCRNH: 'even its most favourable intercept (pseudo-raters) stays below the bar, so it is Not Helpful',
  RatioCRNH: 'raters on both sides mostly found it unhelpful, so it is Not Helpful',
  NmCRNH: 'a "not misleading" note with a low intercept is Not Helpful',
  GeneralCRHInertia: 'it was Helpful before and is only just below the bar, so it stays Helpful',
  TagFilter: 'many raters tagged the same problem, so it cannot be Helpful',
  FilterIncorrect: 'raters who usually agree flagged it as incorrect, so it cannot be Helpful',
  FilterLowDiligence: 'its ratings look low-effort, so it cannot be Helpful',
  FilterLargeFactor: 'its factor is too large (it appeals to one side), so it cannot be Helpful',
  RejectLowIntercept: 'its intercept is too low to ever become Helpful (firm reject)',
  MinMinorityRaters: 'too few raters from the less-represented side found it helpful, so it waits for more',
  RaterBalance: 'the helpful ratings come too unevenly from one side, so it waits for more',
  NoHighVolIntercept: 'without the highest-volume raters its intercept falls below the bar, so it waits',
  NoCorrelatedIntercept: 'without raters who rate in lock-step its intercept falls below the bar, so it waits',
  MetaInitialNMR: 'every note starts at Needs More Ratings before the models are combined',
  CoreModel: 'the core bridging model decided the status',
  CoreWithTopicsModel: 'the core model with topic-specific raters decided the status',
  ExpansionModel: 'the expansion model (wider rater pool) decided the status',
  ExpansionPlusModel: 'the expansion-plus model decided the status',
  GaussianModel: 'the Gaussian model decided the status',
  PopulationSampledIntercept: 'the population-sampled intercept decided the status',
  NmrDueToMinStableCrhTime:
    'it must stay Helpful for a while before it is shown (stabilization), so it is still Needs More Ratings',
  ScoringDriftGuard: 'a sudden change was held back by the drift guard',
  InsufficientExplanation: 'too few raters agreed on why it is helpful, so it needs more ratings',
  PostSelectionCoalescing: 'raters who pick the same notes at the same moments count as one rater per note',
};

/** The rule's base name (version stripped). */
export const baseRule = (name: string): string => name.trim().replace(/ \(v[0-9.]+\)$/, '');

/** Plain words for a rule, or the name itself when unknown. */
export function ruleWords(name: string): string {
  const base = baseRule(name);
  return (
    RULE_WORDS[base] ??
    (/^GroupModel|^MultiGroupModel|^TopicModel/.test(base) ? 'a group or topic model decided the status' : base)
  );
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'not computed');

/** Paragraphs explaining the note's status. */
export function explainNote(f: NoteFacts, t: CoreThresholds): string[] {
  const out: string[] = [];
  const decided = f.decidedBy ? ` It was decided by ${baseRule(f.decidedBy)}: ${ruleWords(f.decidedBy)}.` : '';
  out.push(`This note is ${statusLabel(f.status)}.${decided}`);
  if (!Number.isFinite(f.intercept)) {
    out.push(
      `The core model did not score it (${Number.isFinite(f.numRatings) ? `${f.numRatings} ratings` : 'too few ratings'}): ` +
        'a note needs ratings from raters the model can place before it gets an intercept.',
    );
    return out;
  }
  const crnhLine = t.crnhIntercept + t.crnhFactorMultiplier * Math.abs(f.factor);
  out.push(
    `Its intercept is ${fmt(f.intercept)}: how helpful raters found it after allowing for their perspective. ` +
      `The Helpful bar is ${t.crh.toFixed(2)}; at its factor the Not Helpful line is ${crnhLine.toFixed(3)}. ` +
      (f.intercept >= t.crh
        ? 'It clears the Helpful bar.'
        : f.intercept <= crnhLine
          ? 'It is below the Not Helpful line.'
          : 'It sits between the two, so the model alone leaves it at Needs More Ratings.'),
  );
  const side =
    Math.abs(f.factor) <= t.factor
      ? 'raters across perspectives rated it alike'
      : 'its ratings split along perspective lines (it appeals to one side)';
  out.push(
    `Its factor is ${fmt(f.factor)}: ${side}. Bridging means a note is shown only when people who usually disagree both find it helpful.`,
  );
  if (f.numRatings < 5) out.push(`It has only ${f.numRatings} ratings; the scorer decides nothing before 5.`);
  const safeguards: string[] = [];
  if (Number.isFinite(f.interceptNoHighVol)) safeguards.push(`without high-volume raters ${fmt(f.interceptNoHighVol)}`);
  if (Number.isFinite(f.interceptNoCorrelated))
    safeguards.push(`without correlated raters ${fmt(f.interceptNoCorrelated)}`);
  if (safeguards.length > 0) out.push(`Safeguard re-fits of the intercept: ${safeguards.join(', ')}.`);
  const rules = [...(f.coreRules ?? '').split(','), ...(f.metaRules ?? '').split(',')].filter((r) => r.trim() !== '');
  if (rules.length > 0)
    out.push(`Rules that fired, in order: ${rules.map((r) => `${baseRule(r)} (${ruleWords(r)})`).join('; ')}.`);
  return out;
}
