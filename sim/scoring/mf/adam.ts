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
 * One Adam step at step number `t` (1-based) on `count` entities of an interleaved side buffer:
 * `slots` = [b, f, g_b, g_f] per entity (typedKernels layout), `moments` = [m_b, m_f, v_b, v_f] per entity.
 * Gradient used: gradScale · g. Updates the parameter slots (rounded to float32, the reference's
 * precision) and the moments in place:
 * m ← β1 m + (1−β1) g; v ← β2 v + (1−β2) g²; p ← p − (lr / (1−β1^t)) · m / (sqrt(v) / sqrt(1−β2^t) + ε).
 */
export function adamStepInterleaved(
  slots: Float64Array,
  moments: Float64Array,
  count: number,
  t: number,
  lr: number,
  gradScale: number,
): void {
  const stepSize = lr / (1 - Math.pow(ADAM_BETA1, t));
  const bc2Sqrt = Math.sqrt(1 - Math.pow(ADAM_BETA2, t));
  const a1 = 1 - ADAM_BETA1;
  const a2 = 1 - ADAM_BETA2;
  // Intercept and factor written out by hand: a nested `for (c < 2)` loop here runs about 8× slower in V8.
  for (let at = 0, end = count * 4; at < end; at += 4) {
    const g0 = slots[at + 2] * gradScale;
    const g1 = slots[at + 3] * gradScale;
    const m0 = ADAM_BETA1 * moments[at] + a1 * g0;
    const m1 = ADAM_BETA1 * moments[at + 1] + a1 * g1;
    const v0 = ADAM_BETA2 * moments[at + 2] + a2 * g0 * g0;
    const v1 = ADAM_BETA2 * moments[at + 3] + a2 * g1 * g1;
    moments[at] = m0;
    moments[at + 1] = m1;
    moments[at + 2] = v0;
    moments[at + 3] = v1;
    slots[at] = Math.fround(slots[at] - (stepSize * m0) / (Math.sqrt(v0) / bc2Sqrt + ADAM_EPS));
    slots[at + 1] = Math.fround(slots[at + 1] - (stepSize * m1) / (Math.sqrt(v1) / bc2Sqrt + ADAM_EPS));
  }
}
