import { describe, expect, it } from 'vitest';
import { minimizeLbfgs } from './lbfgs.ts';

describe('minimizeLbfgs', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const rosen = (x: Float64Array, g: Float64Array): number => {
      const [a, b] = [x[0], x[1]];
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const r = minimizeLbfgs(rosen, Float64Array.from([-1.2, 1]), { gtol: 1e-8 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
    expect(r.iterations).toBeLessThan(100);
  });

  it('solves a badly scaled quadratic and stops at the start when the gradient is already small', () => {
    const scales = [1, 10, 100, 1000, 1e4];
    const quad = (x: Float64Array, g: Float64Array): number => {
      let f = 0;
      scales.forEach((s, i) => {
        f += 0.5 * s * (x[i] - i) ** 2;
        g[i] = s * (x[i] - i);
      });
      return f;
    };
    const r = minimizeLbfgs(quad, new Float64Array(5), { gtol: 1e-10 });
    scales.forEach((_, i) => expect(r.x[i]).toBeCloseTo(i, 8));
    const again = minimizeLbfgs(quad, r.x);
    expect(again.iterations).toBe(0);
  });

  it('reports the iteration limit instead of throwing', () => {
    const f = (x: Float64Array, g: Float64Array): number => {
      g[0] = 4 * x[0] ** 3;
      return x[0] ** 4;
    };
    const r = minimizeLbfgs(f, Float64Array.from([3]), { maxIterations: 2, gtol: 0, ftol: 0 });
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/iteration limit/);
  });
});
