import type { Scenario } from '../scenario/scenarioTypes.ts';
import { latentTrulyHelpful } from './latentWorld.ts';
import type { World } from './worldTypes.ts';

/**
 * Whether note `n` is truly helpful: in a latent world the study's rule on the true parameters (i_n >
 * world.latent.helpfulIntercept and |f_n| < world.latent.helpfulFactor), otherwise helpfulness at least
 * metrics.helpfulThreshold.
 */
export function trulyHelpful(world: World, scenario: Scenario, n: number): boolean {
  const h = world.notes.helpfulness[n];
  if (scenario.world.model === 'latent') return latentTrulyHelpful(h, world.notes.slant[2 * n], scenario.world.latent);
  return h >= scenario.metrics.helpfulThreshold;
}
