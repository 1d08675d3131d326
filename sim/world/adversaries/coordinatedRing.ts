import type { RandomSource } from '../../random/random.ts';
import type { CoordinatedRingSpec } from '../../scenario/scenarioTypes.ts';
import { addAdversaryAccounts, Adversary, levelOf, type AdversarySetup, type StepContext } from './adversary.ts';

/**
 * A coordinated ring (scoring-robustness.md §3, §5.2): the accounts share their post selection (every target),
 * rate each target `latencyMinutes` after it appears (or after the start, for older notes), all within
 * `spreadMinutes` of each other, with identical verdicts. Short latency and spread put the ring in reach of
 * post-selection similarity; many shared posts put it in reach of the quasi-clique detector.
 */
export class CoordinatedRing extends Adversary {
  constructor(
    override readonly spec: CoordinatedRingSpec,
    index: number,
  ) {
    super(spec, index);
  }

  protected act(ctx: StepContext, random: RandomSource): void {
    const level = levelOf(this.spec.verdict);
    for (const note of this.scanTargets(ctx)) {
      const leader = Math.max(ctx.world.notes.createdAt[note], this.startTime) + this.spec.latencyMinutes * 60_000;
      for (const rater of this.accounts) {
        if (this.budgetLeft <= 0) return;
        this.plan(ctx, rater, note, leader + random() * this.spec.spreadMinutes * 60_000, level);
      }
    }
  }
}

/** Builds a ring of `size` new accounts. */
export function setupCoordinatedRing(setup: AdversarySetup, spec: CoordinatedRingSpec, index: number): CoordinatedRing {
  const adversary = new CoordinatedRing(spec, index);
  adversary.accounts.push(...addAdversaryAccounts(setup, spec, index, spec.size));
  return adversary;
}
