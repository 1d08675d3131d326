import type { PostDislikeVetoSpec } from '../../scenario/scenarioTypes.ts';
import { POST_DISLIKE } from '../postBehaviour.ts';
import { addAdversaryAccounts, type AdversarySetup } from './adversary.ts';
import { PostAdversary, type PostStepContext } from './postAdversary.ts';

/**
 * Dislike veto (robustness §12): a few accounts of one side dislike the other side's bridging posts (slant sign
 * targets.side, liked by both sides so far). One dislike from an L or R participant keeps a post from being a
 * candidate.
 */
export class PostDislikeVeto extends PostAdversary {
  protected readonly action = POST_DISLIKE;

  constructor(
    override readonly spec: PostDislikeVetoSpec,
    index: number,
  ) {
    super(spec, index);
  }

  protected override wants(ctx: PostStepContext, post: number): boolean {
    return ctx.sideLikes[2 * post] > 0 && ctx.sideLikes[2 * post + 1] > 0;
  }
}

/** Builds a dislike veto: recruited later from the admitted raters (`recruit`), or new accounts with camouflage. */
export function setupPostDislikeVeto(setup: AdversarySetup, spec: PostDislikeVetoSpec, index: number): PostDislikeVeto {
  const adversary = new PostDislikeVeto(spec, index);
  if (!spec.recruit) adversary.accounts.push(...addAdversaryAccounts(setup, spec, index, spec.size));
  return adversary;
}
