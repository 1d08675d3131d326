import { LEVEL_NOT_HELPFUL } from '../../data/tables.ts';
import type { RandomSource } from '../../random/random.ts';
import type { BadRatersSpec, Scenario } from '../../scenario/scenarioTypes.ts';
import { shuffleInPlace } from '../sampling.ts';
import { trulyHelpful } from '../trulyHelpful.ts';
import type { World } from '../worldTypes.ts';
import { Adversary, type AdversarySetup } from './adversary.ts';

/**
 * Bad raters (arXiv 2511.02615): a `share` of the organic raters who keep rating through the organic channels, but
 * rate a truly helpful note Not Helpful with probability `frequency` (only notes whose true side is targets.side
 * when `targeted`); otherwise they rate honestly. Unbiased bad raters (factorBias 0) are drawn at random and keep
 * their factors; biased ones are drawn first from the raters on the side opposite targets.side and carry the factor
 * −targets.side × factorBias, which also shapes their honest ratings. They act between startHours and
 * startHours + durationHours; budget and size do not apply (share sets the count).
 */
export class BadRaters extends Adversary {
  override readonly overridesOrganic = true;
  private bad = new Uint8Array(0);

  constructor(
    override readonly spec: BadRatersSpec,
    index: number,
    private readonly random: RandomSource,
  ) {
    super(spec, index);
  }

  protected act(): void {}

  override adjustWorld(world: World, _scenario: Scenario): void {
    const people = world.participants;
    const n = people.organicRaters;
    const count = Math.round(this.spec.share * n);
    const side = this.spec.targets.side;
    const biased = this.spec.factorBias > 0;
    const order = shuffleInPlace(
      this.random,
      Int32Array.from({ length: n }, (_, u) => u),
    );
    // Biased recruits come from the opposite side first (a stable partition keeps the shuffled order).
    const pool = biased
      ? [
          ...order.filter((u) => people.perspective[2 * u] * side < 0),
          ...order.filter((u) => people.perspective[2 * u] * side >= 0),
        ]
      : Array.from(order);
    this.bad = new Uint8Array(people.length);
    for (const u of pool.slice(0, count)) {
      this.bad[u] = 1;
      this.accounts.push(u);
      if (biased) people.perspective[2 * u] = -side * this.spec.factorBias;
    }
    this.accounts.sort((a, b) => a - b);
  }

  override overrideLevel(
    world: World,
    scenario: Scenario,
    rater: number,
    note: number,
    time: number,
    level: number,
    random: RandomSource,
  ): number {
    if (!this.bad[rater] || time < this.startTime || time > this.endTime) return level;
    if (this.spec.targeted && Math.sign(world.notes.slant[2 * note]) !== this.spec.targets.side) return level;
    if (!trulyHelpful(world, scenario, note)) return level;
    if (random() >= this.spec.frequency) return level;
    if (!this.targetSet.has(note)) this.addTarget(note);
    this.attackRatings++;
    return LEVEL_NOT_HELPFUL;
  }
}

/** Builds the strategy; its raters are recruited once the world is built (adjustWorld). */
export function setupBadRaters(setup: AdversarySetup, spec: BadRatersSpec, index: number): BadRaters {
  return new BadRaters(spec, index, setup.random);
}
