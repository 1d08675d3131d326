import { FLAG, HELPFUL_TAGS, NOT_HELPFUL_TAGS } from '../../data/tables.ts';
import { Frame, type Column } from '../frame.ts';
import { TOPIC_NAMES } from '../scorers/topicIds.ts';
import type { ScoringRun } from './runScoring.ts';

const CLASS_NAMES = [null, 'NOT_MISLEADING', 'MISINFORMED_OR_POTENTIALLY_MISLEADING'];

/**
 * One row per universe note (ascending noteId) with every scorer's columns, coalescing `<prefix>_<suffix>` columns
 * of group / multi-group / topic scorers into `<prefix>` (scoring-core.md §12.3, §14.1), plus run-level statistics.
 */
export function assembleNoteFrame(run: ScoringRun): Frame {
  const { ctx } = run;
  const frame = new Frame(ctx.universe);
  for (const out of run.outputs) {
    const cfg = out.scorer;
    const rows = Int32Array.from(out.notes, (n) => frame.row(n));
    const put = (name: string, col: Column) => {
      const target = col instanceof Float64Array ? frame.num(name) : frame.str(name);
      for (let k = 0; k < rows.length; k++) {
        const v = col[k];
        const missing = v === null || (typeof v === 'number' && Number.isNaN(v));
        if (missing) continue;
        if (col instanceof Float64Array ? !Number.isNaN(target[rows[k]] as number) : target[rows[k]] !== null) {
          throw new Error(`note ${ctx.data.noteIds.values[out.notes[k]]} is claimed by two scorers for column ${name}`);
        }
        (target as Column)[rows[k]] = v as never;
      }
    };
    for (const [name, col] of out.columns) put(cfg.suffix ? name.slice(0, -cfg.suffix.length) : name, col);
    for (const [name, col] of out.aux) put(name, col);
    if (cfg.suffix) {
      const id = cfg.suffix.slice(1);
      if (cfg.prefix === 'group') put('modelingGroup', new Float64Array(rows.length).fill(Number(id)));
      if (cfg.prefix === 'multiGroup') put('modelingMultiGroup', new Float64Array(rows.length).fill(Number(id)));
      if (cfg.prefix === 'topic') put('noteTopic', new Array<string>(rows.length).fill(id));
    }
  }
  addRunStatistics(run, frame);
  return frame;
}

/** §14.1 step 2: classification, creation time, rating counts and tag counts over all run ratings. */
function addRunStatistics(run: ScoringRun, frame: Frame): void {
  const { ctx } = run;
  const r = run.runRatings.ratings;
  const numRatings = new Float64Array(frame.length);
  const last28 = new Float64Array(frame.length);
  const popSampled = new Float64Array(frame.length);
  const helpfulCounts = HELPFUL_TAGS.map(() => new Float64Array(frame.length));
  const notHelpfulCounts = NOT_HELPFUL_TAGS.map(() => new Float64Array(frame.length));
  const cutoff = ctx.now - 28 * 24 * 3600 * 1000;
  for (let i = 0; i < r.length; i++) {
    const row = frame.row(r.note[i]);
    if (row < 0) continue;
    numRatings[row]++;
    if (r.createdAt[i] > cutoff) last28[row]++;
    const f = r.flags[i];
    if (f & FLAG.populationSampled) popSampled[row]++;
    for (let t = 0; t < HELPFUL_TAGS.length; t++) if ((f >>> t) & 1) helpfulCounts[t][row]++;
    for (let t = 0; t < NOT_HELPFUL_TAGS.length; t++)
      if ((f >>> (FLAG.notHelpfulTagShift + t)) & 1) notHelpfulCounts[t][row]++;
  }
  frame.set('numRatings', numRatings);
  frame.set('numRatingsLast28', last28);
  frame.set('numPopulationSampledRatings', popSampled);
  HELPFUL_TAGS.forEach((t, k) => frame.set(t, helpfulCounts[k]));
  NOT_HELPFUL_TAGS.forEach((t, k) => frame.set(t, notHelpfulCounts[k]));
  frame.set(
    'classification',
    Array.from(frame.key, (n) => CLASS_NAMES[ctx.info.classification[n]]),
  );
  frame.set(
    'createdAtMillis',
    Float64Array.from(frame.key, (n) => ctx.info.createdAt[n]),
  );
  frame.set(
    'noteAuthorParticipantId',
    Array.from(frame.key, (n) => (ctx.info.author[n] >= 0 ? ctx.data.participants.values[ctx.info.author[n]] : null)),
  );
  frame.set(
    'currentStatus',
    Array.from(frame.key, (n) => ctx.previous.currentStatus[n]),
  );
  frame.set(
    'lockedStatus',
    Array.from(frame.key, (n) => ctx.previous.lockedStatus[n]),
  );
  frame.set(
    'firstNonNMRStatus',
    Array.from(frame.key, (n) => ctx.previous.firstNonNMRStatus[n]),
  );
  frame.set(
    'timestampMillisOfNmrDueToMinStableCrhTime',
    Float64Array.from(frame.key, (n) => ctx.previous.timestampMillisOfNmrDueToMinStableCrhTime[n]),
  );
  for (const name of ['coreNegFactor_populationSampledRatingCount', 'corePosFactor_populationSampledRatingCount']) {
    const c = frame.num(name);
    for (let k = 0; k < c.length; k++) if (Number.isNaN(c[k])) c[k] = 0;
  }
  if (frame.has('noteTopic')) {
    const t = frame.str('noteTopic');
    frame.set('noteTopic', t);
  }
  void TOPIC_NAMES;
}
