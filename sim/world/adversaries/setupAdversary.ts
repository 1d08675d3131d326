import type { AdversarySpec } from '../../scenario/scenarioTypes.ts';
import type { Adversary, AdversarySetup } from './adversary.ts';
import { setupBadRaters } from './badRaters.ts';
import { setupCoordinatedRing } from './coordinatedRing.ts';
import { setupHighVolumeSybils } from './highVolumeSybils.ts';
import { setupPileOn } from './pileOn.ts';
import { setupPostDislikeVeto } from './postDislikeVeto.ts';
import { setupPostFactorLaundering } from './postFactorLaundering.ts';
import { setupPostLikeWave } from './postLikeWave.ts';
import { setupPostMFlooding } from './postMFlooding.ts';
import { setupTargetedSuppression } from './targetedSuppression.ts';
import { setupWriterRaterCollusion } from './writerRaterCollusion.ts';

/** Builds the strategy of `spec` (adding its accounts and notes to the world under construction). */
export function setupAdversary(setup: AdversarySetup, spec: AdversarySpec, index: number): Adversary {
  switch (spec.kind) {
    case 'pileOn':
      return setupPileOn(setup, spec, index);
    case 'coordinatedRing':
      return setupCoordinatedRing(setup, spec, index);
    case 'highVolumeSybils':
      return setupHighVolumeSybils(setup, spec, index);
    case 'writerRaterCollusion':
      return setupWriterRaterCollusion(setup, spec, index);
    case 'targetedSuppression':
      return setupTargetedSuppression(setup, spec, index);
    case 'badRaters':
      return setupBadRaters(setup, spec, index);
    case 'postLikeWave':
      return setupPostLikeWave(setup, spec, index);
    case 'postDislikeVeto':
      return setupPostDislikeVeto(setup, spec, index);
    case 'postFactorLaundering':
      return setupPostFactorLaundering(setup, spec, index);
    case 'postMFlooding':
      return setupPostMFlooding(setup, spec, index);
  }
}
