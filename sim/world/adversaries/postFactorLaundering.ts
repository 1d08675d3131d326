import type { PostFactorLaunderingSpec } from '../../scenario/scenarioTypes.ts';
import { POST_LIKE } from '../postBehaviour.ts';
import { addAdversaryAccounts, type AdversarySetup } from './adversary.ts';
import { PostAdversary } from './postAdversary.ts';

/**
 * Factor laundering (robustness §12): new accounts rate notes as the other side would (camouflage at `perspective`,
 * the other side's), so the note model gives them that side's factor, then like their own side's posts
 * (targets.side, normally the sign opposite to `perspective`): one-sided likes counted as cross-side ones (minPos).
 */
export class PostFactorLaundering extends PostAdversary {
  protected readonly action = POST_LIKE;

  constructor(
    override readonly spec: PostFactorLaunderingSpec,
    index: number,
  ) {
    super(spec, index);
  }
}

/** Builds a laundering group: `size` new accounts whose camouflage note ratings follow `perspective`. */
export function setupPostFactorLaundering(
  setup: AdversarySetup,
  spec: PostFactorLaunderingSpec,
  index: number,
): PostFactorLaundering {
  const adversary = new PostFactorLaundering(spec, index);
  adversary.accounts.push(...addAdversaryAccounts(setup, spec, index, spec.size));
  return adversary;
}
