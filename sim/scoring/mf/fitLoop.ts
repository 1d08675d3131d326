/**
 * The optimisation loop every MF engine shares (scoring-core.md §6.4): the stopping rule, the epoch
 * count and the NaN restart, independent of how loss, gradient and Adam step are computed.
 */

/** What an engine exposes to the loop. */
export interface LoopModel {
  /** Loss (data + regularisation) at the current parameters; keeps the gradient for `step`. */
  evaluate(): number;
  /** Clip the gradient of the last `evaluate` and take one Adam step. */
  step(): void;
  /** Parameters back to the initial values, optimizer state to zero (a rebuilt model). */
  restart(): void;
}

export interface LoopResult {
  /** Loss at the final parameters. */
  loss: number;
  /** Adam steps taken. */
  epochs: number;
  /** NaN restarts (0 or 1). */
  restarts: number;
}

/**
 * Run `model` to convergence with the reference's order: loss L0; then while
 * |L − L_prev| > convergence and not (epoch > 100 and L > L_prev): remember L, step, recompute L,
 * epoch += 1. Stops early at `maxEpochs` steps (a safety net the reference lacks).
 * A NaN loss rebuilds the model from its initial values and carries on, like the reference; our
 * engines are deterministic, so a second NaN would recur forever and throws instead.
 */
export function runFitLoop(model: LoopModel, convergence: number, maxEpochs: number): LoopResult {
  let restarts = 0;
  const evaluate = (epoch: number): number => {
    const loss = model.evaluate();
    if (!Number.isNaN(loss)) return loss;
    if (restarts > 0) {
      throw new Error(
        `MF fit: the loss became NaN again at epoch ${epoch} after a restart from the initial parameters`,
      );
    }
    restarts++;
    model.restart();
    const fresh = model.evaluate();
    if (Number.isNaN(fresh)) throw new Error('MF fit: the loss is NaN at the initial parameters');
    return fresh;
  };
  let prev = 1e10;
  let loss = evaluate(0);
  let epoch = 0;
  while (Math.abs(loss - prev) > convergence && !(epoch > 100 && loss > prev) && epoch < maxEpochs) {
    prev = loss;
    model.step();
    loss = evaluate(epoch);
    epoch++;
  }
  return { loss, epochs: epoch, restarts };
}
