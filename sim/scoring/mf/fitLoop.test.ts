import { describe, expect, it } from 'vitest';
import { runFitLoop, type LoopModel } from './fitLoop.ts';

/** A model whose successive losses are scripted: evaluate() returns losses[k] after k steps since the last restart. */
function scripted(losses: number[], afterRestart: number[] = losses): LoopModel & { steps: number; restarts: number } {
  let k = 0;
  let current = losses;
  return {
    steps: 0,
    restarts: 0,
    evaluate() {
      return current[Math.min(k, current.length - 1)];
    },
    step() {
      k++;
      this.steps++;
    },
    restart() {
      k = 0;
      current = afterRestart;
      this.restarts++;
    },
  };
}

describe('runFitLoop (scoring-core §6.4 stopping rule)', () => {
  it('stops once |loss_t − loss_{t−1}| <= convergence', () => {
    const model = scripted([1, 0.5, 0.3, 0.2999, 0.29989995, 0.2]);
    const r = runFitLoop(model, 1e-7, 1000);
    // step 4 gives 0.29989995, |Δ| = 5e-8 ≤ 1e-7: stop there
    expect(r.epochs).toBe(4);
    expect(r.loss).toBe(0.29989995);
  });

  it('does not stop on a loss increase before epoch 101', () => {
    const losses = Array.from({ length: 200 }, (_, i) => (i === 50 ? 5 : 1 - i * 1e-3));
    const r = runFitLoop(scripted(losses), 1e-7, 1000);
    expect(r.epochs).toBeGreaterThan(101);
  });

  it('stops on the first loss increase after more than 100 epochs', () => {
    const losses = Array.from({ length: 300 }, (_, i) => (i >= 150 ? 2 : 1 - i * 1e-3));
    // the loss after step 150 increases; the check runs with epoch = 150 > 100
    const r = runFitLoop(scripted(losses), 1e-7, 1000);
    expect(r.epochs).toBe(150);
    expect(r.loss).toBe(2);
  });

  it('the increase check uses the epoch counter before its increment (epoch > 100)', () => {
    const at = (j: number): number[] => Array.from({ length: 300 }, (_, i) => (i >= j ? 2 : 1 - i * 1e-3));
    // increase seen after step 101: counter is 101 at the check -> stop
    expect(runFitLoop(scripted(at(101)), 1e-7, 1000).epochs).toBe(101);
    // increase seen after step 100: counter is 100 -> continue; the next loss equals it -> |Δ| = 0 stops
    expect(runFitLoop(scripted(at(100)), 1e-7, 1000).epochs).toBe(101);
  });

  it('caps the number of steps at maxEpochs', () => {
    const losses = Array.from({ length: 100 }, (_, i) => 1 - i * 1e-3);
    expect(runFitLoop(scripted(losses), 1e-7, 7).epochs).toBe(7);
    expect(runFitLoop(scripted(losses), 1e-7, 0)).toEqual({ loss: 1, epochs: 0, restarts: 0 });
  });

  it('restarts from the initial parameters on a NaN loss and continues', () => {
    const model = scripted([1, 0.9, NaN], [1, 0.8, 0.7, 0.7]);
    const r = runFitLoop(model, 1e-7, 100);
    expect(r.restarts).toBe(1);
    expect(model.restarts).toBe(1);
    // epochs keep counting across the restart: steps 1, 2 (NaN -> restart, loss 1), 3, 4, 5
    expect(r.epochs).toBe(5);
    expect(r.loss).toBe(0.7);
  });

  it('throws when the loss is NaN again after the restart', () => {
    expect(() => runFitLoop(scripted([1, 0.5, NaN]), 1e-7, 100)).toThrow(/NaN again/);
    expect(() => runFitLoop(scripted([NaN]), 1e-7, 100)).toThrow(/NaN at the initial parameters/);
  });
});
