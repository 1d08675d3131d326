import { CRH, NMR, NYH } from '../noteStatus.ts';
import type { Frame } from '../frame.ts';
import { optNum, optStatus, optStr, parseBool } from './metaInputs.ts';
import type { MetaContext, MetaRule, RuleUpdates } from './metaRule.ts';

export interface StabilizationParams {
  /** minutes a note must wait before an early exit to CRH (30) */
  requiredStableMinutes: number;
  /** minutes after which a CRH candidate leaves to CRH (60) */
  maxCrhMinutes: number;
  /** minutes after which an NYH candidate leaves to NMR (360) */
  maxNyhMinutes: number;
}

const MINUTE = 60 * 1000;

/**
 * `NmrDueToMinStableCrhTime` (scoring-core.md §14.5, scoring-robustness.md §1.5). Reads the previous run's
 * `currentStatus`, `timestampMillisOfNmrDueToMinStableCrhTime` (T) and `firstNonNMRStatus`, the coalesced
 * `noteTopic` / `topicNoteConfident` and `pflipLabel` ('CRH' | 'FLIP'; null or absent -> ctx.pflipFallback); all are
 * optional (absent = null, i.e. a first run without history). Returns only the notes whose status changes, plus
 * previously-CRH notes that are NYH now (set back to CRH). Side outputs: `preStabilizationRatingStatus` (every
 * note) and `updatedTimestampMillisOfNmrDueToMinStableCrhTime` (new T for the notes it considered, NaN otherwise).
 */
export function stabilizationRule(name: string, p: StabilizationParams): MetaRule {
  return {
    name,
    enabled: true,
    requires: [],
    apply(frame: Frame, ctx: MetaContext): RuleUpdates {
      const n = frame.length;
      const prev = optStatus(frame, 'currentStatus');
      const tCol = optNum(frame, 'timestampMillisOfNmrDueToMinStableCrhTime');
      const firstNonNmr = optStatus(frame, 'firstNonNMRStatus');
      const topic = optStr(frame, 'noteTopic');
      const confident = optStr(frame, 'topicNoteConfident');
      const label = optStr(frame, 'pflipLabel');
      const pre = ctx.side.str('preStabilizationRatingStatus');
      const updated = ctx.side.num('updatedTimestampMillisOfNmrDueToMinStableCrhTime');
      const rows: number[] = [];
      const status: string[] = [];
      for (let i = 0; i < n; i++) {
        const cur = ctx.status[i];
        pre[i] = cur;
        if (prev !== null && prev[i] === CRH) {
          if (cur === NYH) {
            rows.push(i);
            status.push(CRH);
          }
          continue;
        }
        const t = tCol === null ? NaN : tCol[i];
        const going = cur === CRH || cur === NYH;
        if (!going && !(t > 0)) continue;
        let next: string | null = null;
        let newT = t;
        if (!going) {
          newT = -1;
        } else if (Number.isNaN(t)) {
          next = NMR;
          newT = ctx.now;
        } else if (t < 0) {
          next = NMR;
          if (cur === CRH) newT = ctx.now;
        } else if (t > 0) {
          const elapsed = ctx.now - t;
          if (cur === CRH && elapsed > p.maxCrhMinutes * MINUTE) {
            next = CRH;
            newT = -1;
          } else if (cur === NYH && elapsed > p.maxNyhMinutes * MINUTE) {
            next = NMR;
            newT = -1;
          } else if (elapsed < p.requiredStableMinutes * MINUTE) {
            next = NMR;
          } else if (
            topic !== null &&
            topic[i] !== null &&
            confident !== null &&
            parseBool(frame, 'topicNoteConfident', i, confident[i]) === false
          ) {
            next = NMR;
          } else if ((firstNonNmr !== null && firstNonNmr[i] === CRH) || pflipOf(frame, label, i, ctx) !== 'CRH') {
            next = NMR;
          } else if (cur === NYH) {
            next = NMR;
          } else {
            next = CRH;
            newT = -1;
          }
        }
        updated[i] = newT;
        if (next !== null && next !== cur) {
          rows.push(i);
          status.push(next);
        }
      }
      return { rows, status };
    },
  };
}

function pflipOf(frame: Frame, label: (string | null)[] | null, i: number, ctx: MetaContext): string {
  const v = label === null ? null : label[i];
  if (v === null) return ctx.pflipFallback;
  if (v !== 'CRH' && v !== 'FLIP')
    throw new Error(
      `meta scoring: pflipLabel (row ${i}, note index ${frame.key[i]}) must be CRH, FLIP or empty, got "${v}"`,
    );
  return v;
}
