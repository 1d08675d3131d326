import { LEVEL_HELPFUL, LEVEL_NOT_HELPFUL } from '../data/tables.ts';
import type { RunSnapshot } from '../engine/statusTimeline.ts';
import { StatusCode } from '../scoring/noteStatus.ts';
import type { Adversary } from '../world/adversaries/adversary.ts';
import { levelOf } from '../world/adversaries/adversary.ts';
import type { World } from '../world/worldTypes.ts';
import { ratio } from './distribution.ts';
import { helpfulHours } from './helpfulHours.ts';

/** One adversary's outcome against the counterfactual run (same world and seed, no adversaries). */
export interface AttackOutcome {
  label: string;
  kind: string;
  accounts: number;
  attackRatings: number;
  camouflageRatings: number;
  targets: number;
  /** targets the attack wanted Helpful (promotion) and Not Helpful / not shown (suppression) */
  promotionTargets: number;
  suppressionTargets: number;
  /** targets shown as Helpful at the end, with and without the attack (NaN counterfactual for the attacker's own notes) */
  targetsHelpfulWithAttack: number;
  targetsHelpfulWithout: number;
  /** promotion targets Helpful only with the attack + suppression targets Helpful only without it */
  successes: number;
  successRate: number;
  /** summed Helpful hours of the targets, with and without the attack */
  targetHelpfulHoursWithAttack: number;
  targetHelpfulHoursWithout: number;
  /** mean final coreNoteIntercept change of targets scored in both runs */
  meanTargetInterceptShift: number;
}

/** What the attack did to notes it did not target. */
export interface Collateral {
  /** organic, untargeted notes with a different final status */
  statusChanged: number;
  /** of which Helpful only with the attack / only without */
  gainedHelpful: number;
  lostHelpful: number;
}

/** The shape of a run that attackSuccess compares (a SimulationResult fits). */
export interface ComparedRun {
  world: World;
  runs: readonly RunSnapshot[];
  adversaries: readonly Adversary[];
}

/**
 * Attack success of every adversary of `attack` against `counterfactual`. Notes are matched by id (organic notes
 * have the same ids in both runs; the attacker's own notes exist only with the attack). Promotion targets (verdict
 * Helpful, or side notes under a `side` agenda) succeed when Helpful at the end only with the attack; suppression
 * targets when Helpful only without it.
 */
export function attackSuccess(
  attack: ComparedRun,
  counterfactual: ComparedRun,
): { adversaries: AttackOutcome[]; collateral: Collateral } {
  const cfIndex = new Map<string, number>();
  counterfactual.world.notes.id.forEach((id, i) => cfIndex.set(id, i));
  const lastA = lastOk(attack.runs);
  const lastC = lastOk(counterfactual.runs);
  const hoursA = helpfulHours(attack.runs, attack.world.end);
  const hoursC = helpfulHours(counterfactual.runs, counterfactual.world.end);
  const statusA = (n: number) => (lastA && n < lastA.notes ? lastA.status[n] : 0);
  const statusC = (m: number) => (lastC && m >= 0 && m < lastC.notes ? lastC.status[m] : 0);
  const targeted = new Set<number>();
  const outcomes = attack.adversaries.map((adv): AttackOutcome => {
    const spec = adv.spec;
    let promo = 0;
    let supp = 0;
    let helpA = 0;
    let helpC = 0;
    let ownNotes = 0;
    let success = 0;
    let hA = 0;
    let hC = 0;
    let shift = 0;
    let shifted = 0;
    for (const n of adv.targets) {
      targeted.add(n);
      const m = cfIndex.get(attack.world.notes.id[n]) ?? -1;
      const wanted =
        spec.kind === 'highVolumeSybils' && spec.agenda === 'side'
          ? Math.sign(attack.world.notes.slant[2 * n]) === (spec.perspective < 0 ? -1 : 1)
            ? LEVEL_HELPFUL
            : LEVEL_NOT_HELPFUL
          : levelOf(spec.verdict);
      const a = statusA(n) === StatusCode.CRH;
      const c = m >= 0 && statusC(m) === StatusCode.CRH;
      if (a) helpA++;
      if (m < 0) ownNotes++;
      else if (c) helpC++;
      if (wanted === LEVEL_HELPFUL) {
        promo++;
        if (a && !c) success++;
      } else {
        supp++;
        if (c && !a) success++;
      }
      hA += hoursA[n] ?? 0;
      if (m >= 0) hC += hoursC[m] ?? 0;
      const ia = lastA && n < lastA.notes ? lastA.intercept[n] : NaN;
      const ic = lastC && m >= 0 && m < lastC.notes ? lastC.intercept[m] : NaN;
      if (!Number.isNaN(ia) && !Number.isNaN(ic)) {
        shift += ia - ic;
        shifted++;
      }
    }
    return {
      label: spec.label,
      kind: spec.kind,
      accounts: adv.accounts.length,
      attackRatings: adv.attackRatings,
      camouflageRatings: adv.camouflageRatings,
      targets: adv.targets.length,
      promotionTargets: promo,
      suppressionTargets: supp,
      targetsHelpfulWithAttack: helpA,
      targetsHelpfulWithout: ownNotes === adv.targets.length && ownNotes > 0 ? NaN : helpC,
      successes: success,
      successRate: ratio(success, adv.targets.length),
      targetHelpfulHoursWithAttack: hA,
      targetHelpfulHoursWithout: hC,
      meanTargetInterceptShift: ratio(shift, shifted),
    };
  });
  const collateral: Collateral = { statusChanged: 0, gainedHelpful: 0, lostHelpful: 0 };
  if (lastA) {
    for (let n = 0; n < lastA.notes; n++) {
      if (targeted.has(n) || !attack.world.organicNote[n]) continue;
      const m = cfIndex.get(attack.world.notes.id[n]);
      if (m === undefined) continue;
      const a = statusA(n);
      const c = statusC(m);
      if (a === c) continue;
      collateral.statusChanged++;
      if (a === 1) collateral.gainedHelpful++;
      if (c === 1) collateral.lostHelpful++;
    }
  }
  return { adversaries: outcomes, collateral };
}

function lastOk(runs: readonly RunSnapshot[]): RunSnapshot | null {
  for (let k = runs.length - 1; k >= 0; k--) if (runs[k].error === null) return runs[k];
  return null;
}
