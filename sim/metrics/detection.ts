import type { ScoringRun } from '../scoring/pipeline/runScoring.ts';
import type { Adversary } from '../world/adversaries/adversary.ts';
import { ROLE_ORGANIC, type Participants } from '../world/worldTypes.ts';
import { ratio } from './distribution.ts';

/** Share of a set of accounts caught by each detector of the last scoring run. */
export interface DetectionRates {
  accounts: number;
  postSelection: number;
  quasiClique: number;
  highVolume: number;
  /** flagged `correlatedRater` on at least one final-scoring rating (quasi-clique ∩ PSS, scoring-robustness.md §2) */
  correlated: number;
}

/** Detection of every adversary's accounts, and of organic raters who rated (false positives). */
export interface Detection {
  adversaries: Record<string, DetectionRates>;
  organic: DetectionRates;
}

/**
 * Which accounts the scorer's detectors flagged in `run`: post-selection similarity cliques, quasi-cliques,
 * high-volume raters and correlated raters. Rates are shares of each adversary's accounts and of the organic raters
 * who have at least one rating in the run.
 */
export function detection(run: ScoringRun, participants: Participants, adversaries: readonly Adversary[]): Detection {
  const n = participants.length;
  const highVolume = new Uint8Array(n);
  const correlated = new Uint8Array(n);
  const rated = new Uint8Array(n);
  const rr = run.runRatings;
  for (let i = 0; i < rr.ratings.length; i++) {
    const u = rr.ratings.rater[i];
    rated[u] = 1;
    if (rr.highVolume[i]) highVolume[u] = 1;
    if (rr.correlated[i]) correlated[u] = 1;
  }
  const rates = (accounts: readonly number[]): DetectionRates => {
    let pss = 0;
    let qc = 0;
    let hv = 0;
    let cor = 0;
    for (const u of accounts) {
      if (run.postSelectionValue[u] > 0) pss++;
      if (run.quasiCliqueValue[u] > 0) qc++;
      hv += highVolume[u];
      cor += correlated[u];
    }
    const k = accounts.length;
    return {
      accounts: k,
      postSelection: ratio(pss, k),
      quasiClique: ratio(qc, k),
      highVolume: ratio(hv, k),
      correlated: ratio(cor, k),
    };
  };
  const organic: number[] = [];
  const adversarial = new Set(adversaries.flatMap((a) => a.accounts));
  for (let u = 0; u < participants.organicRaters; u++) {
    if (participants.role[u] === ROLE_ORGANIC && rated[u] && !adversarial.has(u)) organic.push(u);
  }
  return {
    adversaries: Object.fromEntries(adversaries.map((a) => [a.spec.label, rates(a.accounts)])),
    organic: rates(organic),
  };
}
