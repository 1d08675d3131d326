/** The nine §12 bucket counts plus eligibility and the derived columns, one entry per output post. */
export interface PostCounts {
  L_pos: Int32Array;
  M_pos: Int32Array;
  R_pos: Int32Array;
  L_neg: Int32Array;
  M_neg: Int32Array;
  R_neg: Int32Array;
  linger_L: Int32Array;
  linger_M: Int32Array;
  linger_R: Int32Array;
  /** of the counted linger with the highest boostId: 1 True, 0 False, -1 none or empty (empty cell) */
  eligibleForActiveState: Int8Array;
  minPos: Int32Array;
  maxPos: Int32Array;
  maxNeg: Int32Array;
  minLingers: Int32Array;
  totalPos: Int32Array;
}
