import { HELPFUL_TAGS, NOT_HELPFUL_TAGS } from '../../data/tables.ts';
import { CRH, CRNH, NMR } from '../noteStatus.ts';
import type { Frame, NumColumn } from '../frame.ts';
import { reqNum } from './metaInputs.ts';
import type { MetaContext, MetaRule, RuleUpdates } from './metaRule.ts';

/** Tie-break priority of each helpful tag, in HELPFUL_TAGS order (higher wins a tie; scoring-core.md §14.7). */
export const HELPFUL_TAG_PRIORITY: readonly number[] = HELPFUL_TAGS.map(
  (t) =>
    ({
      helpfulOther: 0,
      helpfulUnbiasedLanguage: 1,
      helpfulUniqueContext: 2,
      helpfulEmpathetic: 3,
      helpfulGoodSources: 4,
      helpfulAddressesClaim: 5,
      helpfulImportantContext: 6,
      helpfulClear: 7,
      helpfulInformative: 8,
    })[t],
);

/** Tie-break priority of each not-helpful tag, in NOT_HELPFUL_TAGS order (higher wins a tie). */
export const NOT_HELPFUL_TAG_PRIORITY: readonly number[] = NOT_HELPFUL_TAGS.map(
  (t) =>
    ({
      notHelpfulOther: 0,
      notHelpfulIrrelevantSources: 1,
      notHelpfulSourcesMissingOrUnreliable: 2,
      notHelpfulOpinionSpeculation: 3,
      notHelpfulOpinionSpeculationOrBias: 4,
      notHelpfulMissingKeyPoints: 5,
      notHelpfulNoteNotNeeded: 6,
      notHelpfulArgumentativeOrBiased: 7,
      notHelpfulIncorrect: 8,
      notHelpfulOffTopic: 9,
      notHelpfulHardToUnderstand: 10,
      notHelpfulSpamHarassmentOrAbuse: 11,
      notHelpfulOutdated: 12,
    })[t],
);

/**
 * Indices of the (up to) two tags with the largest counts among those with count >= minCount, ties broken by
 * higher `priority`; null when fewer than `minTags` tags are eligible. `counts[i]` pairs with `priority[i]`.
 */
export function topTwoTags(
  counts: ArrayLike<number>,
  priority: readonly number[],
  minCount: number,
  minTags = 2,
): [number, number] | [number] | null {
  let a = -1;
  let b = -1;
  let eligible = 0;
  const better = (i: number, j: number) =>
    j < 0 || counts[i] > counts[j] || (counts[i] === counts[j] && priority[i] > priority[j]);
  for (let i = 0; i < counts.length; i++) {
    if (!(counts[i] >= minCount)) continue;
    eligible++;
    if (better(i, a)) {
      b = a;
      a = i;
    } else if (better(i, b)) b = i;
  }
  if (eligible < minTags || a < 0) return null;
  return b < 0 ? [a] : [a, b];
}

export interface ExplanationParams {
  /** a tag counts when used by at least this many ratings (2) */
  minRatingsToGetTag: number;
  /** CRH/CRNH notes need this many tags, else they become NMR (2) */
  minTagsNeeded: number;
}

/**
 * `InsufficientExplanation` (scoring-core.md §14.7): CRH notes get their top two helpful tags, CRNH notes their
 * top two not-helpful tags, as side outputs `firstTag` / `secondTag`; a CRH or CRNH note without enough eligible
 * tags becomes NMR (this can undo a locked status). Reads the 22 tag-count columns (all ratings of the note).
 */
export function insufficientExplanationRule(name: string, p: ExplanationParams): MetaRule {
  return {
    name,
    enabled: true,
    requires: [...HELPFUL_TAGS, ...NOT_HELPFUL_TAGS],
    apply(frame: Frame, ctx: MetaContext): RuleUpdates {
      const helpful = HELPFUL_TAGS.map((t) => reqNum(frame, t));
      const notHelpful = NOT_HELPFUL_TAGS.map((t) => reqNum(frame, t));
      const first = ctx.side.str('firstTag');
      const second = ctx.side.str('secondTag');
      const hCounts = new Float64Array(helpful.length);
      const nCounts = new Float64Array(notHelpful.length);
      const rows: number[] = [];
      const status: string[] = [];
      const pick = (
        i: number,
        cols: NumColumn[],
        buf: Float64Array,
        names: readonly string[],
        prio: readonly number[],
      ) => {
        for (let t = 0; t < cols.length; t++) buf[t] = cols[t][i];
        const top = topTwoTags(buf, prio, p.minRatingsToGetTag, p.minTagsNeeded);
        if (top === null) {
          rows.push(i);
          status.push(NMR);
          return;
        }
        first[i] = names[top[0]];
        if (top.length > 1) second[i] = names[top[1]!];
      };
      for (let i = 0; i < frame.length; i++) {
        const cur = ctx.status[i];
        if (cur === CRH) pick(i, helpful, hCounts, HELPFUL_TAGS, HELPFUL_TAG_PRIORITY);
        else if (cur === CRNH) pick(i, notHelpful, nCounts, NOT_HELPFUL_TAGS, NOT_HELPFUL_TAG_PRIORITY);
      }
      return { rows, status };
    },
  };
}
