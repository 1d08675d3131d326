import { LEVEL_HELPFUL, LEVEL_NOT_HELPFUL } from '../../data/tables.ts';
import type { RandomSource } from '../../random/random.ts';
import type { HighVolumeSybilsSpec } from '../../scenario/scenarioTypes.ts';
import { randomInt } from '../sampling.ts';
import { addAdversaryAccounts, Adversary, levelOf, type AdversarySetup, type StepContext } from './adversary.ts';

/**
 * High-volume / sybil raters (scoring-robustness.md §4): each account rates `ratingsPerAccount` target notes over the
 * attack window (equal volumes with `equalizeVolumes`, which defeats the 0.999-quantile flag when the farm is
 * larger than 0.1 % of active raters; otherwise 30–100 % of it). Agenda `side`: Helpful on notes slanted towards
 * the attackers' side, Not Helpful on the others; agenda `verdict`: always the verdict.
 */
export class HighVolumeSybils extends Adversary {
  private volume: Float64Array = new Float64Array(0);
  private carry: Float64Array = new Float64Array(0);

  constructor(
    override readonly spec: HighVolumeSybilsSpec,
    index: number,
  ) {
    super(spec, index);
  }

  protected act(ctx: StepContext, random: RandomSource): void {
    this.scanTargets(ctx);
    if (this.volume.length === 0) {
      this.volume = Float64Array.from(this.accounts, () =>
        this.spec.equalizeVolumes
          ? this.spec.ratingsPerAccount
          : Math.max(1, Math.round(this.spec.ratingsPerAccount * (0.3 + 0.7 * random()))),
      );
      this.carry = new Float64Array(this.accounts.length);
    }
    if (this.targets.length === 0) return;
    const window = Math.max(1, this.endTime - this.startTime);
    const from = Math.max(ctx.t0, this.startTime);
    const to = Math.min(ctx.t1, this.endTime);
    if (to <= from) return;
    const share = (to - from) / window;
    for (let a = 0; a < this.accounts.length; a++) {
      this.carry[a] += this.volume[a] * share;
      const quota = Math.floor(this.carry[a]);
      this.carry[a] -= quota;
      const rater = this.accounts[a];
      for (let k = 0; k < quota; k++) {
        if (this.budgetLeft <= 0) return;
        for (let tries = 0; tries < 20; tries++) {
          const note = this.targets[randomInt(random, this.targets.length)];
          if (ctx.hasRated(rater, note)) continue;
          const level =
            this.spec.agenda === 'verdict'
              ? levelOf(this.spec.verdict)
              : Math.sign(ctx.world.notes.slant[2 * note]) === this.side
                ? LEVEL_HELPFUL
                : LEVEL_NOT_HELPFUL;
          const start = Math.max(from, ctx.world.notes.createdAt[note] + 1);
          if (this.plan(ctx, rater, note, start + random() * Math.max(0, to - start), level)) break;
        }
      }
    }
  }
}

/** Builds a farm of `size` new accounts. */
export function setupHighVolumeSybils(
  setup: AdversarySetup,
  spec: HighVolumeSybilsSpec,
  index: number,
): HighVolumeSybils {
  const adversary = new HighVolumeSybils(spec, index);
  adversary.accounts.push(...addAdversaryAccounts(setup, spec, index, spec.size));
  return adversary;
}
