/**
 * Adam as torch.optim.Adam computes it (no weight decay, no amsgrad), and torch's global-norm gradient
 * clipping; both engines use these constants and formulas.
 */

/** torch.optim.Adam defaults used by the reference. */
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPS = 1e-8;
/** torch.nn.utils.clip_grad_norm_ adds this to the norm before dividing. */
export const CLIP_EPS = 1e-6;

/**
 * Scale factor clip_grad_norm_ applies to every gradient for a global L2 norm `norm`:
 * min(1, maxNorm / (norm + 1e-6)).
 */
export function clipCoefficient(norm: number, maxNorm: number): number {
  const coef = maxNorm / (norm + CLIP_EPS);
  return coef < 1 ? coef : 1;
}

/**
 * One Adam step at step number `t` (1-based) on parameters `p` (float32, updated in place) with
 * gradient `gradScale · g`; `m`, `v` are the moment buffers (updated in place):
 * m ← β1 m + (1−β1) g; v ← β2 v + (1−β2) g²; p ← p − (lr / (1−β1^t)) · m / (sqrt(v) / sqrt(1−β2^t) + ε).
 */
export function adamStep(
  p: Float32Array,
  g: Float64Array,
  m: Float64Array,
  v: Float64Array,
  t: number,
  lr: number,
  gradScale: number,
): void {
  const stepSize = lr / (1 - Math.pow(ADAM_BETA1, t));
  const bc2Sqrt = Math.sqrt(1 - Math.pow(ADAM_BETA2, t));
  const a1 = 1 - ADAM_BETA1;
  const a2 = 1 - ADAM_BETA2;
  for (let i = 0; i < p.length; i++) {
    const gi = g[i] * gradScale;
    const mi = ADAM_BETA1 * m[i] + a1 * gi;
    const vi = ADAM_BETA2 * v[i] + a2 * gi * gi;
    m[i] = mi;
    v[i] = vi;
    p[i] -= (stepSize * mi) / (Math.sqrt(vi) / bc2Sqrt + ADAM_EPS);
  }
}
