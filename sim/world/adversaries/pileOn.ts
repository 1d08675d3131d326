import type { RandomSource } from '../../random/random.ts';
import type { PileOnSpec } from '../../scenario/scenarioTypes.ts';
import { shuffleInPlace } from '../sampling.ts';
import { addAdversaryAccounts, Adversary, levelOf, type AdversarySetup, type StepContext } from './adversary.ts';

/**
 * Pile-on waves (scoring-robustness.md §6): `waves` bursts spread evenly over the attack window, each `waveMinutes`
 * long, in which every account (or `accountsPerTarget` of them, drawn per target and wave) rates every target found
 * so far with the same verdict: one-sided support or opposition. Each wave adds the newest matching notes of the
 * previous day as targets (pile-ons hit what is trending); targets.includeExisting is not used. Accounts are
 * recruited organic raters of the attackers' side (`recruit`; perspective 0 recruits from both sides) or new ones.
 */
export class PileOn extends Adversary {
  private wave = 0;

  constructor(
    override readonly spec: PileOnSpec,
    index: number,
  ) {
    super(spec, index);
  }

  protected act(ctx: StepContext, random: RandomSource): void {
    const gap = this.spec.waves > 1 ? (this.endTime - this.startTime) / this.spec.waves : 0;
    while (this.wave < this.spec.waves) {
      const waveStart = this.startTime + this.wave * gap;
      if (waveStart >= ctx.t1) return;
      this.pickTrending(ctx, waveStart);
      const span = this.spec.waveMinutes * 60_000;
      const level = levelOf(this.spec.verdict);
      const per = this.spec.accountsPerTarget > 0 ? this.spec.accountsPerTarget : this.accounts.length;
      for (const note of this.targets) {
        for (const rater of shuffleInPlace(random, this.accounts.slice()).slice(0, per)) {
          if (this.budgetLeft <= 0) return;
          this.plan(ctx, rater, note, Math.max(waveStart, ctx.t0) + random() * span, level);
        }
      }
      this.wave++;
    }
  }

  /** Adds the newest matching notes of the day before `at` as targets, up to targets.count in all. */
  private pickTrending(ctx: StepContext, at: number): void {
    const notes = ctx.world.notes;
    for (let n = ctx.appeared - 1; n >= 0 && this.targets.length < this.spec.targets.count; n--) {
      if (notes.createdAt[n] >= at) continue;
      if (notes.createdAt[n] < at - 86_400_000) break;
      if (this.matches(ctx, n)) this.addTarget(n);
    }
  }
}

/**
 * Builds a pile-on: recruits enrolled organic raters whose perspective sign is the attackers' side (perspective 0:
 * from both sides, a brigade that looks like consensus), or adds accounts.
 */
export function setupPileOn(setup: AdversarySetup, spec: PileOnSpec, index: number): PileOn {
  const adversary = new PileOn(spec, index);
  if (spec.recruit) {
    const side = Math.sign(spec.perspective);
    const pool: number[] = [];
    for (let i = 0; i < setup.people.organicRaters; i++) {
      const p = setup.people.get(i);
      if ((side === 0 || Math.sign(p.perspective[0]) === side) && p.enrolled) pool.push(i);
    }
    adversary.accounts.push(
      ...shuffleInPlace(setup.random, pool)
        .slice(0, spec.size)
        .sort((a, b) => a - b),
    );
  } else {
    adversary.accounts.push(...addAdversaryAccounts(setup, spec, index, spec.size));
  }
  return adversary;
}
