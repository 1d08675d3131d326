/** Objective for `minimizeLbfgs`: returns f(x) and writes ∇f(x) into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** L-BFGS settings; defaults follow scikit-learn's use of scipy (maxiter 1000, gtol 1e-4, ftol 64·ε, m 10). */
export interface LbfgsOptions {
  maxIterations?: number;
  /** stop when max |∂f/∂x_i| ≤ gtol */
  gtol?: number;
  /** stop when (f_prev − f) / max(|f_prev|, |f|, 1) ≤ ftol */
  ftol?: number;
  /** number of correction pairs kept */
  memory?: number;
  /** function evaluations allowed per line search */
  maxLineSearch?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  message: string;
}

const C1 = 1e-3;
const C2 = 0.9;

/**
 * Minimises a smooth function with limited-memory BFGS (two-loop recursion) and a strong-Wolfe line search
 * (bracketing and zoom with safeguarded cubic steps; c1 = 1e-3, c2 = 0.9 as scipy's line search). The first
 * step has length 1/‖g‖, later ones start at 1. Returns the last point, never throws on non-convergence.
 */
export function minimizeLbfgs(fg: Objective, x0: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const maxIterations = options.maxIterations ?? 1000;
  const gtol = options.gtol ?? 1e-4;
  const ftol = options.ftol ?? 64 * Number.EPSILON;
  const m = options.memory ?? 10;
  const maxLs = options.maxLineSearch ?? 50;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = fg(x, g);
  let evaluations = 1;
  const done = (iterations: number, converged: boolean, message: string): LbfgsResult => ({
    x,
    f,
    iterations,
    evaluations,
    converged,
    message,
  });
  if (!Number.isFinite(f)) return done(0, false, 'objective is not finite at the start');
  if (maxAbs(g) <= gtol) return done(0, true, 'gradient below gtol');

  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(m);
  const d = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);

  for (let iter = 1; iter <= maxIterations; iter++) {
    // Search direction d = −H·g by the two-loop recursion.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(S[k], d);
      axpy(-alpha[k], Y[k], d);
    }
    if (S.length > 0) {
      const last = S.length - 1;
      scale(d, dot(S[last], Y[last]) / dot(Y[last], Y[last]));
    }
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k] * dot(Y[k], d);
      axpy(alpha[k] - beta, S[k], d);
    }
    let dg = dot(d, g);
    if (!(dg < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      dg = dot(d, g);
    }
    const step0 = S.length === 0 ? 1 / Math.sqrt(dot(d, d)) : 1;
    const ls = lineSearch(fg, x, f, g, d, dg, step0, maxLs, xNew, gNew);
    evaluations += ls.evaluations;
    if (!ls.ok) return done(iter - 1, false, 'line search failed');
    const fPrev = f;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = ls.f;
    const sy = dot(s, y);
    if (sy > Number.EPSILON * dot(y, y)) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    if ((fPrev - f) / Math.max(Math.abs(fPrev), Math.abs(f), 1) <= ftol)
      return done(iter, true, 'relative reduction below ftol');
    if (maxAbs(g) <= gtol) return done(iter, true, 'gradient below gtol');
  }
  return done(maxIterations, false, 'iteration limit reached');
}

/** Strong-Wolfe line search along d from x; writes the accepted point and gradient into xOut / gOut. */
function lineSearch(
  fg: Objective,
  x: Float64Array,
  f0: number,
  g0: Float64Array,
  d: Float64Array,
  dg0: number,
  step0: number,
  maxEval: number,
  xOut: Float64Array,
  gOut: Float64Array,
): { ok: boolean; f: number; evaluations: number } {
  let evaluations = 0;
  const phi = (a: number): [number, number] => {
    for (let i = 0; i < x.length; i++) xOut[i] = x[i] + a * d[i];
    const f = fg(xOut, gOut);
    evaluations++;
    return [f, dot(gOut, d)];
  };
  const wolfe = (a: number, f: number, dg: number): 'armijo' | 'curvature' | 'ok' =>
    !(f <= f0 + C1 * a * dg0) ? 'armijo' : Math.abs(dg) <= -C2 * dg0 ? 'ok' : 'curvature';

  let aLo = 0;
  let fLo = f0;
  let dLo = dg0;
  let aHi = NaN;
  let fHi = NaN;
  let dHi = NaN;
  let a = step0;
  // Bracketing phase: grow the step until it overshoots (Armijo fails, f rises, or the slope turns positive).
  while (evaluations < maxEval) {
    const [f, dg] = phi(a);
    const w = wolfe(a, f, dg);
    if (w === 'ok') return { ok: true, f, evaluations };
    if (w === 'armijo' || f >= fLo || !Number.isFinite(f)) {
      [aHi, fHi, dHi] = [a, f, dg];
      break;
    }
    if (dg >= 0) {
      [aHi, fHi, dHi] = [aLo, fLo, dLo];
      [aLo, fLo, dLo] = [a, f, dg];
      break;
    }
    [aLo, fLo, dLo] = [a, f, dg];
    a *= 4;
  }
  // Zoom phase inside [aLo, aHi] (either order), aLo always satisfying Armijo with the lowest f so far.
  while (evaluations < maxEval && Number.isFinite(aHi)) {
    const lo = Math.min(aLo, aHi);
    const hi = Math.max(aLo, aHi);
    let trial = cubicMinimizer(aLo, fLo, dLo, aHi, fHi, dHi);
    const margin = 0.1 * (hi - lo);
    if (!Number.isFinite(trial) || trial < lo + margin || trial > hi - margin) trial = 0.5 * (lo + hi);
    if (hi - lo < 1e-16 * Math.max(1, hi)) break;
    const [f, dg] = phi(trial);
    const w = wolfe(trial, f, dg);
    if (w === 'ok') return { ok: true, f, evaluations };
    if (w === 'armijo' || f >= fLo || !Number.isFinite(f)) {
      [aHi, fHi, dHi] = [trial, f, dg];
    } else {
      if (dg * (aHi - aLo) >= 0) [aHi, fHi, dHi] = [aLo, fLo, dLo];
      [aLo, fLo, dLo] = [trial, f, dg];
    }
  }
  // Accept the best Armijo point when the strong Wolfe conditions could not be met in the budget.
  if (aLo > 0) {
    const [f] = phi(aLo);
    return { ok: true, f, evaluations };
  }
  return { ok: false, f: f0, evaluations };
}

/** Minimiser of the cubic interpolating f and f' at a and b (NaN when it has none). */
function cubicMinimizer(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}

function scale(x: Float64Array, c: number): void {
  for (let i = 0; i < x.length; i++) x[i] *= c;
}

function maxAbs(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}
