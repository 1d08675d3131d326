import { CLASS_MISLEADING } from '../../data/tables.ts';
import type { RandomSource } from '../../random/random.ts';
import type { WriterRaterCollusionSpec } from '../../scenario/scenarioTypes.ts';
import { randomInt } from '../sampling.ts';
import { noteSummary } from '../vocabulary.ts';
import { WRITER_ADVERSARY } from '../worldTypes.ts';
import { addAdversaryAccounts, Adversary, levelOf, type AdversarySetup, type StepContext } from './adversary.ts';

/**
 * Writer–rater collusion (scoring-robustness.md §5.1): colluding writers post `notesPerWriter` notes each during the
 * attack window (true helpfulness `noteHelpfulness`, slanted towards their side), and `size` colluding raters rate
 * every such note with the verdict within `latencyMinutes` of its creation — the pattern post-selection
 * similarity's writer/rater affinity looks for.
 */
export class WriterRaterCollusion extends Adversary {
  /** participant indices of the colluding writers (also in `accounts`) */
  readonly writers: number[] = [];

  constructor(
    override readonly spec: WriterRaterCollusionSpec,
    index: number,
  ) {
    super(spec, index);
  }

  protected act(ctx: StepContext, random: RandomSource): void {
    const level = levelOf(this.spec.verdict);
    const writers = new Set(this.writers);
    for (const note of this.scanTargets(ctx)) {
      const created = ctx.world.notes.createdAt[note];
      for (const rater of this.accounts) {
        if (writers.has(rater) || this.budgetLeft <= 0) continue;
        this.plan(
          ctx,
          rater,
          note,
          created + (0.2 + random() * Math.max(0, this.spec.latencyMinutes - 0.2)) * 60_000,
          level,
        );
      }
    }
  }
}

/** Builds the writers, the raters and the writers' notes (on posts that exist at each note's time). */
export function setupWriterRaterCollusion(
  setup: AdversarySetup,
  spec: WriterRaterCollusionSpec,
  index: number,
): WriterRaterCollusion {
  const adversary = new WriterRaterCollusion(spec, index);
  const writers = addAdversaryAccounts(setup, spec, index, spec.writers);
  adversary.writers.push(...writers);
  adversary.accounts.push(...writers, ...addAdversaryAccounts(setup, spec, index, spec.size));
  const { random, posts } = setup;
  const begin = setup.start + spec.startHours * 3_600_000;
  const finish = Math.min(setup.end - 1, begin + spec.durationHours * 3_600_000);
  const side = spec.perspective < 0 ? -1 : 1;
  for (const author of writers) {
    for (let k = 0; k < spec.notesPerWriter; k++) {
      let createdAt = Math.floor(begin + random() * Math.max(0, finish - begin));
      let available = 0;
      while (available < posts.length && posts.createdAt[available] < createdAt) available++;
      const post = available > 0 ? randomInt(random, available) : 0;
      createdAt = Math.max(createdAt, posts.createdAt[post] + 60_000);
      const topic = posts.topic[post];
      setup.notes.add({
        post,
        author,
        createdAt: Math.min(createdAt, setup.end - 1),
        helpfulness: spec.noteHelpfulness,
        slant: [0.7 * side, 0],
        classification: CLASS_MISLEADING,
        summary: noteSummary(random, topic),
        topic,
        homeGroup: spec.modelingGroup,
        abusive: false,
        helpfulTag: 1,
        notHelpfulTag: 3,
        writerKind: WRITER_ADVERSARY,
        adversary: index,
        virality: posts.virality[post],
      });
    }
  }
  return adversary;
}
