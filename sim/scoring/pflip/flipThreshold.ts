/** A decision threshold (predict FLIP iff score > threshold) and its rates on the rows it was chosen on. */
export interface ThresholdChoice {
  threshold: number;
  /** share of CRH rows (label 0) predicted FLIP */
  fpr: number;
  /** share of FLIP rows (label 1) predicted FLIP */
  tpr: number;
}

/**
 * The threshold whose false-positive rate is closest to `targetFpr` (scoring-robustness.md §10.2: 0.6, "delay up to
 * about 60 % of notes that would have stayed Helpful"). Candidates are every distinct score (FLIP iff score >
 * candidate) and −∞ (everything FLIP). Among thresholds with the same FPR the one with the highest TPR wins (the
 * reference's ROC argmin takes the first, lowest-TPR one); between two FPRs equally far from the target the lower
 * wins. Takes scores, labels (1 = FLIP) and the target; throws when a class is missing.
 *
 * @example selectFlipThreshold(Float64Array.of(0, 1, 2, 3), Uint8Array.of(0, 0, 1, 1), 0.5) // threshold 0, fpr 0.5
 */
export function selectFlipThreshold(scores: Float64Array, labels: Uint8Array, targetFpr: number): ThresholdChoice {
  const { pos, neg, order } = prepare(scores, labels, 'selectFlipThreshold');
  // Walk thresholds from +∞ down: after passing all rows with a score s, those rows are "> next threshold".
  let best: ThresholdChoice | null = null;
  let fp = 0;
  let tp = 0;
  let k = 0;
  const consider = (threshold: number) => {
    const fpr = fp / neg;
    const gap = Math.abs(fpr - targetFpr);
    // Thresholds fall as we walk, so an equal FPR further down has a TPR at least as high: prefer it.
    if (best === null || gap < Math.abs(best.fpr - targetFpr) || fpr === best.fpr)
      best = { threshold, fpr, tpr: tp / pos };
  };
  while (k < order.length) {
    const s = scores[order[k]];
    consider(s);
    while (k < order.length && scores[order[k]] === s) {
      if (labels[order[k]] === 1) tp++;
      else fp++;
      k++;
    }
  }
  consider(-Infinity);
  return best as unknown as ThresholdChoice;
}

/** Rates of the rule "FLIP iff score > threshold" on labelled rows (NaN for a class that is absent). */
export function ratesAt(scores: Float64Array, labels: Uint8Array, threshold: number): { fpr: number; tpr: number } {
  let fp = 0;
  let tp = 0;
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < scores.length; i++) {
    const flip = scores[i] > threshold;
    if (labels[i] === 1) {
      pos++;
      if (flip) tp++;
    } else {
      neg++;
      if (flip) fp++;
    }
  }
  return { fpr: neg > 0 ? fp / neg : NaN, tpr: pos > 0 ? tp / pos : NaN };
}

/** Area under the ROC curve (probability a FLIP row outscores a CRH row, ties half); NaN when a class is absent. */
export function rocAuc(scores: Float64Array, labels: Uint8Array): number {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i] === 1 ? 1 : 0;
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  const order = Int32Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  // Mann–Whitney U from mid-ranks.
  let rankSumPos = 0;
  let k = 0;
  while (k < order.length) {
    let e = k;
    while (e < order.length && scores[order[e]] === scores[order[k]]) e++;
    const midRank = (k + 1 + e) / 2;
    for (let t = k; t < e; t++) if (labels[order[t]] === 1) rankSumPos += midRank;
    k = e;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

function prepare(scores: Float64Array, labels: Uint8Array, who: string) {
  if (scores.length !== labels.length) throw new Error(`${who}: ${scores.length} scores but ${labels.length} labels`);
  let pos = 0;
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i])) throw new Error(`${who}: score of row ${i} is NaN`);
    pos += labels[i] === 1 ? 1 : 0;
  }
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) throw new Error(`${who}: needs rows of both classes (FLIP ${pos}, CRH ${neg})`);
  const order = Int32Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  return { pos, neg, order };
}
