/**
 * The default MF engine: a hand-written full-batch loop over typed-array columns (one thread).
 * Same loss, Adam, clipping and stopping rule as the reference (scoring-core.md §6.2–§6.4, §6.6, §6.7).
 */
import { runFitLoop } from './fitLoop.ts';
import { TypedMFModel } from './typedModel.ts';
import type { MFEngine, MFFitOptions, MFFitResult, MFParams, MFProblem } from './types.ts';
import { validateFit } from './validateFit.ts';

/**
 * Fit `problem` from `init` (copied, never mutated) synchronously. Returns the final parameters,
 * the final regularised loss, the number of Adam steps and the train error (unweighted mean data
 * loss at the final parameters, like the reference). Throws on invalid input.
 * Stops at `options.maxEpochs` steps if the stopping rule has not fired by then.
 *
 * @example const { params, epochs } = fitSync(problem, warmStart({...}), { ...DEFAULT_FIT_OPTIONS, learningRate: 1 });
 */
export function fitSync(problem: MFProblem, init: MFParams, options: MFFitOptions): MFFitResult {
  validateFit(problem, init, options);
  const model = new TypedMFModel(problem, init, options);
  const { loss, epochs } = runFitLoop(model, options.convergence, options.maxEpochs);
  return { params: model.params(), loss, epochs, trainError: model.plainDataLoss };
}

/** MFEngine over typed arrays; `fit` wraps `fitSync` (runs on the calling thread). */
export class TypedMFEngine implements MFEngine {
  readonly name = 'typed';

  fit(problem: MFProblem, init: MFParams, options: MFFitOptions): Promise<MFFitResult> {
    try {
      return Promise.resolve(fitSync(problem, init, options));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Synchronous fit for callers that cannot await. */
  fitSync(problem: MFProblem, init: MFParams, options: MFFitOptions): MFFitResult {
    return fitSync(problem, init, options);
  }
}
