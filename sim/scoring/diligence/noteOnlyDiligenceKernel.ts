/**
 * The loss/gradient pass of a diligence round that trains one note parameter group only (final scoring, §8.3:
 * note factors, then note intercepts), everything else frozen. Each logit is then θ_n * a_r + c_r with a_r and
 * c_r fixed for the round, so ratings are grouped by note, the frozen part is folded into c_r once, and the pass
 * streams four numbers per rating with no scattered writes.
 */
import type { MFProblem } from '../mf/types.ts';
import { fastExp } from '../fastExp.ts';
import { groupOrder } from '../groupOrder.ts';
import { NOTE_STRIDE, RATER_STRIDE, regularizerLoss, type DiligenceReg } from './diligenceKernel.ts';
import type { DiligenceParams } from './diligenceParams.ts';

/** Which note group a note-only round trains: 0 = factor, 1 = intercept (its offset in the packed notes). */
export type NoteGroup = 0 | 1;

export class NoteOnlyDiligenceKernel {
  /** ratings grouped by note: note n owns ratings noteStart[n] .. noteStart[n + 1] - 1 */
  readonly noteStart: Int32Array;
  /** 4 per rating: a (the trained parameter's coefficient), c (the frozen part of the logit), w, w * target */
  readonly coef: Float64Array;
  /** packed [factor, intercept] per note, as in DiligenceKernel */
  readonly noteP: Float64Array;
  readonly noteG: Float64Array;
  private readonly raterP: Float64Array;
  private readonly mu: number;

  constructor(
    problem: MFProblem,
    params: DiligenceParams,
    weights: Float64Array,
    readonly group: NoteGroup,
  ) {
    const { note, rater, target, nNotes, nRaters } = problem;
    const R = note.length;
    const { start, slot } = groupOrder(note, nNotes);
    this.noteStart = start;
    this.coef = new Float64Array(4 * R);
    const mu = params.globalIntercept;
    for (let r = 0; r < R; r++) {
      const n = note[r];
      const u = rater[r];
      const fu = params.raterFactor[u];
      const ru = params.raterReputation[u];
      const frozen = group === 0 ? params.noteIntercept[n] * ru : params.noteFactor[n] * fu;
      const k = 4 * slot[r];
      this.coef[k] = group === 0 ? fu : ru;
      this.coef[k + 1] = frozen + params.raterIntercept[u] + mu;
      this.coef[k + 2] = weights[r];
      this.coef[k + 3] = weights[r] * target[r];
    }
    this.noteP = new Float64Array(NOTE_STRIDE * nNotes);
    this.noteG = new Float64Array(NOTE_STRIDE * nNotes);
    for (let n = 0; n < nNotes; n++) {
      this.noteP[NOTE_STRIDE * n] = params.noteFactor[n];
      this.noteP[NOTE_STRIDE * n + 1] = params.noteIntercept[n];
    }
    this.raterP = new Float64Array(RATER_STRIDE * nRaters);
    for (let u = 0; u < nRaters; u++) {
      this.raterP[RATER_STRIDE * u] = params.raterFactor[u];
      this.raterP[RATER_STRIDE * u + 1] = params.raterIntercept[u];
      this.raterP[RATER_STRIDE * u + 2] = params.raterReputation[u];
    }
    this.mu = mu;
  }

  /**
   * Fill the trained group's entries of noteG with its full gradient (data mean plus L2; the frozen group's
   * entries stay 0) and return the regularised loss when `wantLoss` (else NaN).
   */
  evaluate(wantLoss: boolean, reg: DiligenceReg): { loss: number } {
    const { noteStart, coef, noteP, noteG, group } = this;
    const R = coef.length >> 2;
    const nNotes = noteStart.length - 1;
    const invR = 1 / R;
    const l2 = (2 * (group === 0 ? reg.noteFactor : reg.noteIntercept)) / reg.noteDen;
    let dataLoss = 0;
    for (let n = 0, i = group; n < nNotes; n++, i += NOTE_STRIDE) {
      const theta = noteP[i];
      let g = 0;
      const end = 4 * noteStart[n + 1];
      if (wantLoss) {
        for (let k = 4 * noteStart[n]; k < end; k += 4) {
          const a = coef[k];
          const z = theta * a + coef[k + 1];
          const w = coef[k + 2];
          const wTarget = coef[k + 3];
          const e = fastExp(-Math.abs(z));
          const sig = z >= 0 ? 1 / (1 + e) : e / (1 + e);
          dataLoss += w * (Math.max(z, 0) + Math.log1p(e)) - wTarget * z;
          g += (w * sig - wTarget) * a;
        }
      } else {
        for (let k = 4 * noteStart[n]; k < end; k += 4) {
          const a = coef[k];
          const z = theta * a + coef[k + 1];
          g += (coef[k + 2] / (1 + fastExp(-z)) - coef[k + 3]) * a;
        }
      }
      noteG[i] = g * invR + l2 * theta;
    }
    return { loss: wantLoss ? dataLoss * invR + regularizerLoss(reg, noteP, this.raterP, this.mu) : NaN };
  }

  /** Copy the trained group back (float32 values, so the copy is exact); nothing else changed. */
  writeBack(params: DiligenceParams): void {
    const out = this.group === 0 ? params.noteFactor : params.noteIntercept;
    for (let n = 0; n < out.length; n++) out[n] = this.noteP[NOTE_STRIDE * n + this.group];
  }
}
