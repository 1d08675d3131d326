import { HELPFUL_TAGS, NOT_HELPFUL_TAGS } from '../data/tables.ts';
import { writeTsv, type OutputColumn } from '../data/writeTsv.ts';
import { statusOfCode, StatusCode } from '../scoring/noteStatus.ts';
import { ROLE_ADVERSARY, ROLE_AI_WRITER, WRITER_ADVERSARY, WRITER_AI } from '../world/worldTypes.ts';
import type { SimulationResult } from './runSimulation.ts';

/**
 * The simulator's own output tables (the public-format snapshot is written by writeDataDir and the scorer's
 * outputTables): each as typed columns (`*Columns`, for any output format) and as TSV chunks (`*Tsv`),
 * deterministic for a given scenario and seed. Numbers are typed columns (float / int), text is string or cell.
 */

/** A table as columns with its row count (needed when its columns are computed cells). */
export interface ColumnTable {
  columns: OutputColumn[];
  rows: number;
}

/** truth_notes.tsv: every note's latent variables, who wrote it and which adversaries targeted it. */
export const truthNotesTsv = (result: SimulationResult): Generator<string> => tsvOf(truthNotesColumns(result));

/** The columns of truth_notes (see truthNotesTsv). */
export function truthNotesColumns(result: SimulationResult): ColumnTable {
  const { world, adversaries } = result;
  const n = world.notes;
  const targetedBy: string[][] = Array.from({ length: n.length }, () => []);
  for (const a of adversaries) for (const t of a.targets) targetedBy[t].push(a.spec.label);
  const label = (i: number) => (i >= 0 ? (result.scenario.adversaries[i]?.label ?? String(i)) : '');
  const counts = new Int32Array(n.length);
  for (let i = 0; i < result.dataset.ratings.length; i++) counts[result.dataset.ratings.note[i]]++;
  const cols: OutputColumn[] = [
    { name: 'noteId', kind: 'string', values: n.id },
    { name: 'noteAuthorParticipantId', kind: 'cell', cell: (i) => world.participants.ids[n.author[i]] },
    { name: 'createdAtMillis', kind: 'int', values: n.createdAt },
    { name: 'tweetId', kind: 'cell', cell: (i) => world.posts.tweetId[n.post[i]] },
    { name: 'helpfulness', kind: 'float', values: n.helpfulness },
    { name: 'slant', kind: 'float', values: rounded(n.length, (i) => n.slant[2 * i]) },
    { name: 'slant2', kind: 'float', values: rounded(n.length, (i) => (world.dims === 2 ? n.slant[2 * i + 1] : NaN)) },
    { name: 'postSlant', kind: 'float', values: rounded(n.length, (i) => world.posts.slant[2 * n.post[i]]) },
    { name: 'popularity', kind: 'float', values: n.virality },
    { name: 'topic', kind: 'string', values: n.topic },
    {
      name: 'classification',
      kind: 'cell',
      cell: (i) => (n.classification[i] === 1 ? 'NOT_MISLEADING' : 'MISINFORMED_OR_POTENTIALLY_MISLEADING'),
    },
    { name: 'abusive', kind: 'int', values: n.abusive },
    { name: 'helpfulTagTendency', kind: 'cell', cell: (i) => HELPFUL_TAGS[n.helpfulTag[i]] },
    { name: 'notHelpfulTagTendency', kind: 'cell', cell: (i) => NOT_HELPFUL_TAGS[n.notHelpfulTag[i]] },
    {
      name: 'writerKind',
      kind: 'cell',
      cell: (i) =>
        n.writerKind[i] === WRITER_AI ? 'ai' : n.writerKind[i] === WRITER_ADVERSARY ? 'adversary' : 'human',
    },
    { name: 'adversary', kind: 'cell', cell: (i) => label(n.adversary[i]) },
    { name: 'targetedBy', kind: 'cell', cell: (i) => targetedBy[i].join(',') },
    { name: 'homeGroup', kind: 'float', values: n.homeGroup },
    { name: 'numRatings', kind: 'int', values: counts },
  ];
  return { columns: cols, rows: n.length };
}

/** truth_raters.tsv: every account's latent variables, role and rating count. */
export const truthRatersTsv = (result: SimulationResult): Generator<string> => tsvOf(truthRatersColumns(result));

/** The columns of truth_raters (see truthRatersTsv). */
export function truthRatersColumns(result: SimulationResult): ColumnTable {
  const { world } = result;
  const p = world.participants;
  const recruitedBy: string[][] = Array.from({ length: p.length }, () => []);
  for (const a of result.adversaries) for (const u of a.accounts) recruitedBy[u].push(a.spec.label);
  const counts = new Int32Array(p.length);
  for (let i = 0; i < result.dataset.ratings.length; i++) counts[result.dataset.ratings.rater[i]]++;
  const role = (u: number) =>
    p.role[u] === ROLE_AI_WRITER
      ? 'aiWriter'
      : p.role[u] === ROLE_ADVERSARY
        ? 'adversary'
        : recruitedBy[u].length > 0
          ? 'recruited'
          : 'organic';
  const cols: OutputColumn[] = [
    { name: 'participantId', kind: 'string', values: p.ids },
    { name: 'role', kind: 'cell', cell: role },
    { name: 'adversary', kind: 'cell', cell: (u) => recruitedBy[u].join(',') },
    { name: 'perspective', kind: 'float', values: rounded(p.length, (u) => p.perspective[2 * u]) },
    {
      name: 'perspective2',
      kind: 'float',
      values: rounded(p.length, (u) => (world.dims === 2 ? p.perspective[2 * u + 1] : NaN)),
    },
    { name: 'leniency', kind: 'float', values: p.leniency },
    { name: 'activity', kind: 'float', values: p.activity },
    { name: 'writerQuality', kind: 'float', values: p.writerQuality },
    { name: 'numRatings', kind: 'int', values: counts },
    { name: 'modelingPopulation', kind: 'string', values: p.modelingPopulation },
    { name: 'modelingGroup', kind: 'float', values: p.modelingGroup },
    { name: 'enrolled', kind: 'int', values: p.enrolled },
  ];
  return { columns: cols, rows: p.length };
}

/** status_timeline.tsv: one row per scoring run and note: time, final status, decidedBy, Core intercept, preview. */
export const statusTimelineTsv = (result: SimulationResult): Generator<string> => tsvOf(statusTimelineColumns(result));

/** The columns of status_timeline (see statusTimelineTsv). */
export function statusTimelineColumns(result: SimulationResult): ColumnTable {
  const runs = result.timeline.runs.filter((r) => r.error === null);
  const rowRun: number[] = [];
  const rowNote: number[] = [];
  runs.forEach((run, k) => {
    for (let n = 0; n < run.notes; n++) {
      rowRun.push(k);
      rowNote.push(n);
    }
  });
  const names = result.timeline.decidedByNames;
  const code = (c: number) => statusOfCode(c) ?? '';
  const cols: OutputColumn[] = [
    { name: 'noteId', kind: 'cell', cell: (i) => result.world.notes.id[rowNote[i]] },
    { name: 'timeMillis', kind: 'int', values: Float64Array.from(rowRun, (k) => runs[k].time) },
    { name: 'finalRatingStatus', kind: 'cell', cell: (i) => code(runs[rowRun[i]].status[rowNote[i]]) },
    { name: 'decidedBy', kind: 'cell', cell: (i) => names[runs[rowRun[i]].decidedBy[rowNote[i]]] },
    {
      name: 'coreNoteIntercept',
      kind: 'float',
      values: Float32Array.from(rowRun, (k, i) => runs[k].intercept[rowNote[i]]),
    },
    { name: 'coreRatingStatus', kind: 'cell', cell: (i) => code(runs[rowRun[i]].coreStatus[rowNote[i]]) },
    {
      name: 'preview',
      kind: 'int',
      values: Uint8Array.from(rowRun, (k, i) => (runs[k].preview[rowNote[i]] ? 1 : 0)),
    },
  ];
  return { columns: cols, rows: rowRun.length };
}

/** runs.tsv: one row per scoring run: time, notes, ratings, status counts, preview count, error. */
export const runsTsv = (result: SimulationResult): Generator<string> => tsvOf(runsColumns(result));

/** The columns of runs (see runsTsv). */
export function runsColumns(result: SimulationResult): ColumnTable {
  const runs = result.timeline.runs;
  const count = (f: (k: number, n: number) => boolean) =>
    Int32Array.from(runs, (run, k) => {
      let c = 0;
      for (let n = 0; n < run.notes; n++) if (f(k, n)) c++;
      return c;
    });
  const cols: OutputColumn[] = [
    { name: 'timeMillis', kind: 'int', values: runs.map((r) => r.time) },
    { name: 'notes', kind: 'int', values: runs.map((r) => r.notes) },
    { name: 'ratings', kind: 'int', values: runs.map((r) => r.ratings) },
    { name: 'helpful', kind: 'int', values: count((k, n) => runs[k].status[n] === StatusCode.CRH) },
    { name: 'notHelpful', kind: 'int', values: count((k, n) => runs[k].status[n] === StatusCode.CRNH) },
    { name: 'needsMoreRatings', kind: 'int', values: count((k, n) => runs[k].status[n] === StatusCode.NMR) },
    { name: 'preview', kind: 'int', values: count((k, n) => runs[k].preview[n] === 1) },
    { name: 'error', kind: 'string', values: runs.map((r) => r.error) },
  ];
  return { columns: cols, rows: runs.length };
}

const tsvOf = (table: ColumnTable): Generator<string> => writeTsv(table.columns, { rows: table.rows });

/** JSON text with NaN and ±Infinity written as null and non-integers rounded to 9 significant digits. */
export function metricsJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? (!Number.isFinite(v) ? null : Number.isInteger(v) ? v : Number(v.toPrecision(9))) : v), 2)}\n`;
}

/** Values rounded to 9 significant digits (the precision the truth tables carry); NaN stays NaN (empty). */
const rounded = (length: number, value: (i: number) => number): Float64Array =>
  Float64Array.from({ length }, (_, i) => {
    const x = value(i);
    return Number.isNaN(x) ? NaN : Number(x.toPrecision(9));
  });
