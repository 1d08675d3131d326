import type { RandomSource } from '../../random/random.ts';
import type { CoordinatedRingSpec } from '../../scenario/scenarioTypes.ts';
import { drawLevel, verdictScore } from '../ratingBehaviour.ts';
import { randomPoisson } from '../sampling.ts';
import { addAdversaryAccounts, Adversary, levelOf, type AdversarySetup, type StepContext } from './adversary.ts';

/**
 * A coordinated ring (scoring-robustness.md §3, §5.2): the accounts share their post selection (every target),
 * rate each target `latencyMinutes` after it appears (or after the start, for older notes), all within
 * `spreadMinutes` of each other, with identical verdicts. Short latency and spread put the ring in reach of
 * post-selection similarity; many shared posts put it in reach of the quasi-clique detector.
 *
 * Camouflage: besides each account's own `camouflageRatingsPerDay`, the ring can build a shared history
 * (`sharedCamouflagePerDay` notes a day, drawn by attention, rated by every member within `spreadMinutes`, each
 * with its own honest verdict): that history places the accounts in factor space by their `perspective` while
 * keeping the ring's post selection shared, so post-selection similarity still sees it. A `perspective` whose sign
 * is opposite to `targets.side` is a bridging forgery: the ring's Helpful ratings on the targets look like
 * agreement from the other side.
 */
export class CoordinatedRing extends Adversary {
  constructor(
    override readonly spec: CoordinatedRingSpec,
    index: number,
  ) {
    super(spec, index);
  }

  override step(ctx: StepContext, random: RandomSource): void {
    this.sharedCamouflage(ctx, random);
    super.step(ctx, random);
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

  /** The ring's shared camouflage in [t0, t1): notes drawn by attention, every member rating each honestly. */
  private sharedCamouflage(ctx: StepContext, random: RandomSource): void {
    const perDay = this.spec.sharedCamouflagePerDay;
    if (perDay <= 0 || this.accounts.length === 0) return;
    const n = randomPoisson(random, (perDay * (ctx.t1 - ctx.t0)) / 86_400_000);
    const p = ctx.scenario.world;
    const spread = this.spec.spreadMinutes * 60_000;
    for (let k = 0; k < n; k++) {
      const note = ctx.pickLiveNote(random);
      if (note < 0 || this.targetSet.has(note)) continue;
      const from = Math.max(ctx.t0, ctx.world.notes.createdAt[note] + 1);
      const lead = from + random() * Math.max(0, ctx.t1 - from - spread);
      for (const rater of this.accounts) {
        if (ctx.hasRated(rater, note)) continue;
        const level = drawLevel(random, verdictScore(ctx.world, p, rater, note), p.verdictOffset);
        const time = Math.min(lead + random() * spread, ctx.t1 - 1);
        if (ctx.rate(rater, note, time, level, random)) this.camouflageRatings++;
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
