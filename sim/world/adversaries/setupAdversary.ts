import type { AdversarySpec } from '../../scenario/scenarioTypes.ts';
import type { Adversary, AdversarySetup } from './adversary.ts';
import { setupCoordinatedRing } from './coordinatedRing.ts';
import { setupHighVolumeSybils } from './highVolumeSybils.ts';
import { setupPileOn } from './pileOn.ts';
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
  }
}
