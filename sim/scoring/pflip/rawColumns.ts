import { HELPFUL_TAGS, NOT_HELPFUL_TAGS } from '../../data/tables.ts';

/** Rating scopes of a scored note: its own ratings, ratings on misleading / not-misleading peer notes of its post. */
export const SCOPES = ['LOCAL', 'PEER_MISLEADING', 'PEER_NOT_MISLEADING'] as const;
export const SCOPE_LOCAL = 0;
export const SCOPE_PEER_MISLEADING = 1;
export const SCOPE_PEER_NOT_MISLEADING = 2;

/** Window lengths (minutes) of the FIRST_m, BURST_m and RECENT_m burstiness features. */
export const MINUTE_WINDOWS = [1, 5, 15, 60] as const;

/** How a raw column is transformed before binning (scoring-robustness.md §10.2, features table). */
export type ColumnKind = 'bucket' | 'stat' | 'tagRatio' | 'burstTotal' | 'burstRatio' | 'latency' | 'peerCount';

/** One raw (pre-binning) feature column. `scope` is the SCOPES index, −1 for note-level columns. */
export interface RawColumn {
  name: string;
  kind: ColumnKind;
  scope: number;
}

const SIDES = ['NEGATIVE', 'NEUTRAL', 'POSITIVE'];
const LEVELS = ['HELPFUL', 'SOMEWHAT_HELPFUL', 'NOT_HELPFUL'];
export const STAT_NAMES = [
  'MAX_POS_HELPFUL',
  'MAX_NEG_HELPFUL',
  'MEAN_POS_HELPFUL',
  'MEAN_NEG_HELPFUL',
  'STD_HELPFUL',
  'MAX_DIFF',
  'MEAN_DIFF',
] as const;
const TAGS = [...HELPFUL_TAGS, ...NOT_HELPFUL_TAGS];
export const PEER_COUNT_NAMES = [
  'TOTAL_PEER_NOTES',
  'TOTAL_PEER_MISLEADING_NOTES',
  'TOTAL_PEER_NON_MISLEADING_NOTES',
  'TOTAL_PEER_CRH_NOTES',
  'TOTAL_PEER_STABILIZATION_NOTES',
] as const;

/** Per scope: 9 bucket counts (side × level), 7 factor statistics, 22 tag ratios (tag bit order). */
export const BUCKETS_PER_SCOPE = 9;
export const STATS_PER_SCOPE = STAT_NAMES.length;
export const TAGS_PER_SCOPE = TAGS.length;
export const COLUMNS_PER_SCOPE = BUCKETS_PER_SCOPE + STATS_PER_SCOPE + TAGS_PER_SCOPE;
/** First column of a scope's block; buckets, then stats, then tag ratios. */
export const scopeBase = (scope: number): number => scope * COLUMNS_PER_SCOPE;
export const STAT_OFFSET = BUCKETS_PER_SCOPE;
export const TAG_OFFSET = BUCKETS_PER_SCOPE + STATS_PER_SCOPE;

/** Note-level columns after the three scope blocks. */
export const BURST_BASE = SCOPES.length * COLUMNS_PER_SCOPE;
/** FIRST totals, FIRST ratios, BURST totals, BURST ratios, RECENT totals, RECENT ratios (4 windows each). */
export const FIRST_TOTAL = BURST_BASE;
export const FIRST_RATIO = BURST_BASE + 4;
export const BURST_TOTAL = BURST_BASE + 8;
export const BURST_RATIO = BURST_BASE + 12;
export const RECENT_TOTAL = BURST_BASE + 16;
export const RECENT_RATIO = BURST_BASE + 20;
export const LATENCY = BURST_BASE + 24;
export const PEER_COUNT_BASE = LATENCY + 1;

/** The raw columns in layout order (144). */
export const RAW_COLUMNS: readonly RawColumn[] = buildColumns();
export const N_RAW = RAW_COLUMNS.length;

function buildColumns(): RawColumn[] {
  const cols: RawColumn[] = [];
  SCOPES.forEach((scope, s) => {
    for (const side of SIDES)
      for (const level of LEVELS) cols.push({ name: `${scope}_${side}_${level}`, kind: 'bucket', scope: s });
    for (const stat of STAT_NAMES) cols.push({ name: `${scope}_${stat}`, kind: 'stat', scope: s });
    for (const tag of TAGS) cols.push({ name: `${scope}_${tag}`, kind: 'tagRatio', scope: s });
  });
  for (const prefix of ['FIRST', 'BURST', 'RECENT']) {
    for (const m of MINUTE_WINDOWS) cols.push({ name: `${prefix}_${m}_TOTAL`, kind: 'burstTotal', scope: -1 });
    for (const m of MINUTE_WINDOWS) cols.push({ name: `${prefix}_${m}_RATIO`, kind: 'burstRatio', scope: -1 });
  }
  cols.push({ name: 'NOTE_WRITING_LATENCY', kind: 'latency', scope: -1 });
  for (const name of PEER_COUNT_NAMES) cols.push({ name, kind: 'peerCount', scope: -1 });
  return cols;
}

/** Token key of a note's author (one-hot author feature). */
export const authorToken = (participant: number): number => participant * 16;
/** Token key "rater:helpfulnessLevel" in a scope; level is the FLAG level code 1..3. */
export const ratingToken = (participant: number, scope: number, level: number): number =>
  participant * 16 + 1 + scope * 3 + (level - 1);
