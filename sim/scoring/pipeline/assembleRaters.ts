import { Frame, type Column } from '../frame.ts';
import type { RaterTable } from './fitModel.ts';
import type { ScoringRun } from './runScoring.ts';

/** Participants that appear anywhere in the run: raters of kept ratings, authors of universe notes, cluster members. */
export function seenParticipants(run: ScoringRun, extra: Int32Array = new Int32Array(0)): Int32Array {
  const { ctx } = run;
  const seen = new Uint8Array(ctx.nParticipants);
  for (const u of extra) seen[u] = 1;
  const r = run.runRatings.ratings;
  for (let i = 0; i < r.length; i++) seen[r.rater[i]] = 1;
  for (const n of ctx.universe) if (ctx.info.author[n] >= 0) seen[ctx.info.author[n]] = 1;
  for (let u = 0; u < ctx.nParticipants; u++)
    if (run.postSelectionValue[u] > 0 || run.quasiCliqueValue[u] > 0) seen[u] = 1;
  for (const p of run.prescoring.values()) for (let u = 0; u < ctx.nParticipants; u++) if (p.raterRows[u]) seen[u] = 1;
  const out: number[] = [];
  for (let u = 0; u < ctx.nParticipants; u++) if (seen[u]) out.push(u);
  const ids = ctx.data.participants.values;
  return Int32Array.from(out.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0)));
}

/**
 * The model columns of helpfulness_scores (scoring-core.md §16.4): MFCoreScorer's prescoring helpfulness and rater
 * parameters, and every other scorer's prescoring rater parameters (group scorers coalesced, in-group raters only).
 */
export function assembleRaterFrame(run: ScoringRun, contributors: Frame): Frame {
  const { ctx } = run;
  const frame = new Frame(seenParticipants(run, contributors.key));
  for (const name of contributors.names()) {
    const src = contributors.get(name) as Column;
    const dst = src instanceof Float64Array ? frame.num(name) : frame.str(name);
    contributors.key.forEach((u, r) => ((dst as Column)[frame.row(u)] = src[r] as never));
  }
  const copy = (name: string, values: Float64Array, filter?: (u: number) => boolean) => {
    const col = frame.num(name);
    frame.key.forEach((u, r) => {
      const v = values[u];
      if (Number.isNaN(v) || (filter && !filter(u))) return;
      col[r] = v;
    });
  };
  const params = (prefix: string, t: RaterTable, filter?: (u: number) => boolean) => {
    copy(`${prefix}RaterIntercept`, t.intercept, filter);
    copy(`${prefix}RaterFactor1`, t.factor, filter);
  };
  const core = run.prescoring.get('MFCoreScorer');
  if (core) {
    params('core', core.raters);
    params('coreFirstRound', core.firstRoundRaters);
    if (core.authors) {
      copy('crhCrnhRatioDifference', core.authors.crhCrnhRatioDifference);
      copy('meanNoteScore', core.authors.meanNoteScore);
    }
    if (core.helpfulness) {
      const h = core.helpfulness;
      copy('raterAgreeRatio', h.raterAgreeRatio);
      frame.set(
        'aboveHelpfulnessThreshold',
        Array.from(frame.key, (u) => (h.hasRow[u] ? (h.aboveHelpfulnessThreshold[u] ? 'True' : 'False') : null)),
      );
    }
  }
  for (const [name, prefix] of [
    ['MFExpansionScorer', 'expansion'],
    ['MFExpansionPlusScorer', 'expansionPlus'],
    ['MFCoreWithTopicsScorer', 'coreWithTopics'],
  ] as const) {
    const p = run.prescoring.get(name);
    if (p) params(prefix, p.raters);
  }
  for (const p of run.prescoring.values()) {
    const m = /^MF(Group|MultiGroup)Scorer_(\d+)$/.exec(p.scorerName);
    if (!m) continue;
    const id = Number(m[2]);
    if (m[1] === 'Group' && id === 15) continue;
    const prefix = m[1] === 'Group' ? 'group' : 'multiGroup';
    const groups = m[1] === 'Group' ? [id] : [4, 5, 7, 12, 26];
    const inGroup = (u: number) => ctx.enrolled[u] === 1 && groups.includes(ctx.modelingGroup[u]);
    params(prefix, p.raters, inGroup);
    copy(
      m[1] === 'Group' ? 'modelingGroup' : 'modelingMultiGroup',
      p.raters.intercept.map((b) => (Number.isNaN(b) ? NaN : id)),
      inGroup,
    );
  }
  return frame;
}
