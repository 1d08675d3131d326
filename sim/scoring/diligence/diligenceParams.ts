/** Diligence parameters on local indices (float32, like the reference). */
export interface DiligenceParams {
  noteFactor: Float32Array;
  noteIntercept: Float32Array;
  raterFactor: Float32Array;
  raterIntercept: Float32Array;
  raterReputation: Float32Array;
  globalIntercept: number;
}

/** Copy parameters (rounds mutate in place). */
export function cloneDiligenceParams(p: DiligenceParams): DiligenceParams {
  return {
    noteFactor: p.noteFactor.slice(),
    noteIntercept: p.noteIntercept.slice(),
    raterFactor: p.raterFactor.slice(),
    raterIntercept: p.raterIntercept.slice(),
    raterReputation: p.raterReputation.slice(),
    globalIntercept: p.globalIntercept,
  };
}
