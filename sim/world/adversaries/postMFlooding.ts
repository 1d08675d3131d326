import type { PostMFloodingSpec } from '../../scenario/scenarioTypes.ts';
import { POST_LIKE } from '../postBehaviour.ts';
import { addAdversaryAccounts, type AdversarySetup } from './adversary.ts';
import { PostAdversary } from './postAdversary.ts';

/**
 * M-bucket flooding (robustness §12): many new accounts whose camouflage note ratings sit near the middle
 * (`perspective` close to 0, a factor in [−0.15, 0.15): the M bucket) like target posts. M likes count towards
 * totalPos, and M accounts are never L or R dislikes or lingers, so the flood raises totalPos alone.
 */
export class PostMFlooding extends PostAdversary {
  protected readonly action = POST_LIKE;

  constructor(
    override readonly spec: PostMFloodingSpec,
    index: number,
  ) {
    super(spec, index);
  }
}

/** Builds an M flood: `size` new accounts whose camouflage note ratings follow `perspective` (near 0). */
export function setupPostMFlooding(setup: AdversarySetup, spec: PostMFloodingSpec, index: number): PostMFlooding {
  const adversary = new PostMFlooding(spec, index);
  adversary.accounts.push(...addAdversaryAccounts(setup, spec, index, spec.size));
  return adversary;
}
