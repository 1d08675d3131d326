import type { RandomSource } from '../../random/random.ts';
import type { TargetedSuppressionSpec } from '../../scenario/scenarioTypes.ts';
import { randomInt, randomPoisson } from '../sampling.ts';
import { addAdversaryAccounts, Adversary, levelOf, type AdversarySetup, type StepContext } from './adversary.ts';

/**
 * Targeted suppression or promotion at a steady frequency: `ratingsPerHour` attack ratings (Poisson per step)
 * spread over the targets found so far, each by an account that has not rated that note yet. Suppression: targets
 * are e.g. truly helpful notes and the verdict NOT_HELPFUL; promotion: unhelpful notes rated HELPFUL.
 */
export class TargetedSuppression extends Adversary {
  constructor(
    override readonly spec: TargetedSuppressionSpec,
    index: number,
  ) {
    super(spec, index);
  }

  protected act(ctx: StepContext, random: RandomSource): void {
    this.scanTargets(ctx);
    const from = Math.max(ctx.t0, this.startTime);
    const to = Math.min(ctx.t1, this.endTime);
    if (to <= from || this.targets.length === 0) return;
    const n = randomPoisson(random, (this.spec.ratingsPerHour * (to - from)) / 3_600_000);
    const level = levelOf(this.spec.verdict);
    for (let k = 0; k < n && this.budgetLeft > 0; k++) {
      for (let tries = 0; tries < 20; tries++) {
        const note = this.targets[randomInt(random, this.targets.length)];
        const rater = this.accounts[randomInt(random, this.accounts.length)];
        const start = Math.max(from, ctx.world.notes.createdAt[note] + 1);
        if (start >= to) continue;
        if (this.plan(ctx, rater, note, start + random() * (to - start), level)) break;
      }
    }
  }
}

/** Builds the attack with `size` new accounts. */
export function setupTargetedSuppression(
  setup: AdversarySetup,
  spec: TargetedSuppressionSpec,
  index: number,
): TargetedSuppression {
  const adversary = new TargetedSuppression(spec, index);
  adversary.accounts.push(...addAdversaryAccounts(setup, spec, index, spec.size));
  return adversary;
}
