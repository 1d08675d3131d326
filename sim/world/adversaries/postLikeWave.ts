import type { PostLikeWaveSpec } from '../../scenario/scenarioTypes.ts';
import { POST_LIKE } from '../postBehaviour.ts';
import { addAdversaryAccounts, type AdversarySetup } from './adversary.ts';
import { PostAdversary } from './postAdversary.ts';

/**
 * One-sided like wave (robustness §12): accounts of one side like their side's posts once those reached both sides.
 * The totalPos path needs no cross-side likes, so enough one-sided likes can activate a post the other side does
 * not like.
 */
export class PostLikeWave extends PostAdversary {
  protected readonly action = POST_LIKE;

  constructor(
    override readonly spec: PostLikeWaveSpec,
    index: number,
  ) {
    super(spec, index);
  }
}

/** Builds a like wave: recruited later from the admitted raters (`recruit`), or new accounts with camouflage. */
export function setupPostLikeWave(setup: AdversarySetup, spec: PostLikeWaveSpec, index: number): PostLikeWave {
  const adversary = new PostLikeWave(spec, index);
  if (!spec.recruit) adversary.accounts.push(...addAdversaryAccounts(setup, spec, index, spec.size));
  return adversary;
}
