import { quantileLinear } from '../stats.ts';
import { binOf, fitKMeansEdges } from './kmeansBins.ts';
import {
  BUCKETS_PER_SCOPE,
  N_RAW,
  PEER_COUNT_BASE,
  PEER_COUNT_NAMES,
  RAW_COLUMNS,
  SCOPES,
  STAT_OFFSET,
  STATS_PER_SCOPE,
  scopeBase,
  type ColumnKind,
} from './rawColumns.ts';
import type { ColumnTransform, FeatureEncoder } from './pflipTypes.ts';
import type { RawRows } from './rawFeatures.ts';

/** A binary design matrix by rows (CSR): the active feature columns of row r are `cols[start[r] .. start[r+1])`. */
export interface BinaryRows {
  nRows: number;
  nCols: number;
  start: Int32Array;
  cols: Int32Array;
}

const BIN_COUNTS: Record<ColumnKind, number> = {
  bucket: 7,
  stat: 10,
  tagRatio: 10,
  burstTotal: 5,
  burstRatio: 5,
  latency: 10,
  peerCount: 4,
};
const CLIP_QUANTILE: Record<ColumnKind, number> = {
  bucket: NaN,
  stat: NaN,
  tagRatio: 0.99,
  burstTotal: 0.999,
  burstRatio: 0.999,
  latency: 0.999,
  peerCount: 0.9999,
};
const SINGLE_SPACE = N_RAW * 16;
const CROSS_BASE = SINGLE_SPACE;
const TOKEN_BASE = 2 ** 23;
/** Crosses active in a share p of training rows with p(1 − p) ≤ this are dropped (scikit-learn VarianceThreshold). */
const RARE_VARIANCE = 0.001;
const log2p1 = (x: number): number => Math.log2(1 + x);

/** Transformed value of raw value `v` (missing filled, clipped, log-scaled per kind). */
export function transformValue(kind: ColumnKind, clipHigh: number, v: number): number {
  switch (kind) {
    case 'bucket':
      return log2p1(Math.max(0, v));
    case 'stat':
      return Number.isNaN(v) ? -1 : v;
    case 'tagRatio':
      return Number.isNaN(v) ? -0.25 : Math.min(Math.max(v, -0.25), clipHigh);
    case 'burstTotal':
    case 'peerCount':
      return log2p1(Math.min(Math.max(v, 0), clipHigh));
    case 'burstRatio':
      return Math.min(Math.max(v, 0), clipHigh);
    case 'latency':
      // minutes from post to note; log2(1 + x) keeps a zero latency finite
      return log2p1(Math.min(Math.max(Number.isNaN(v) ? 0 : v, 0), clipHigh) / 60_000);
  }
}

/** Pairwise-crossed column groups: bucket counts and factor statistics within each scope, and peer-note counts. */
function defaultCrossGroups(): number[][] {
  const groups: number[][] = [];
  for (let s = 0; s < SCOPES.length; s++) {
    const base = scopeBase(s);
    groups.push(Array.from({ length: BUCKETS_PER_SCOPE }, (_, k) => base + k));
    groups.push(Array.from({ length: STATS_PER_SCOPE }, (_, k) => base + STAT_OFFSET + k));
  }
  groups.push(Array.from({ length: PEER_COUNT_NAMES.length }, (_, k) => PEER_COUNT_BASE + k));
  return groups;
}

/** Fits transforms, bins and the feature vocabulary on the training rows `train` of `raw`. */
export function fitFeatureEncoder(raw: RawRows, train: Int32Array): FeatureEncoder {
  const n = train.length;
  if (n === 0) throw new Error('fitFeatureEncoder: no training rows');
  const column = new Float64Array(n);
  const columns: ColumnTransform[] = RAW_COLUMNS.map((c, j) => {
    for (let k = 0; k < n; k++) column[k] = raw.values[train[k] * N_RAW + j];
    const q = CLIP_QUANTILE[c.kind];
    let clipHigh = Number.isNaN(q) ? Infinity : quantileLinear(column, q);
    if (Number.isNaN(clipHigh)) clipHigh = Infinity;
    const transformed = column.map((v) => transformValue(c.kind, clipHigh, v));
    return { kind: c.kind, clipHigh, edges: fitKMeansEdges(transformed, BIN_COUNTS[c.kind]) };
  });
  const partial: FeatureEncoder = { columns, crossGroups: defaultCrossGroups(), index: new Map(), nFeatures: 0 };

  const counts = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    for (const key of rowKeys(partial, raw, train[k])) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const kept: number[] = [];
  for (const [key, c] of counts) {
    if (c >= n) continue;
    const isCross = key >= CROSS_BASE && key < TOKEN_BASE;
    const p = c / n;
    if (isCross && p * (1 - p) <= RARE_VARIANCE) continue;
    kept.push(key);
  }
  kept.sort((a, b) => a - b);
  kept.forEach((key, f) => partial.index.set(key, f));
  partial.nFeatures = kept.length;
  return partial;
}

/** Encodes rows `rows` of `raw` (default all) into binary feature rows over the encoder's vocabulary. */
export function encodeRows(enc: FeatureEncoder, raw: RawRows, rows?: Int32Array): BinaryRows {
  const which = rows ?? Int32Array.from({ length: raw.length }, (_, k) => k);
  const start = new Int32Array(which.length + 1);
  const cols: number[] = [];
  for (let k = 0; k < which.length; k++) {
    const active: number[] = [];
    for (const key of rowKeys(enc, raw, which[k])) {
      const f = enc.index.get(key);
      if (f !== undefined) active.push(f);
    }
    active.sort((a, b) => a - b);
    for (let a = 0; a < active.length; a++) if (a === 0 || active[a] !== active[a - 1]) cols.push(active[a]);
    start[k + 1] = cols.length;
  }
  return { nRows: which.length, nCols: enc.nFeatures, start, cols: Int32Array.from(cols) };
}

/** Feature keys of one raw row: one bin per column, crossed bin pairs within each group, tokens. */
function rowKeys(enc: FeatureEncoder, raw: RawRows, row: number): number[] {
  const keys: number[] = [];
  const single = new Int32Array(N_RAW);
  const base = row * N_RAW;
  for (let j = 0; j < N_RAW; j++) {
    const t = enc.columns[j];
    single[j] = j * 16 + binOf(t.edges, transformValue(t.kind, t.clipHigh, raw.values[base + j]));
    keys.push(single[j]);
  }
  for (const group of enc.crossGroups) {
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++)
        keys.push(CROSS_BASE + single[group[a]] * SINGLE_SPACE + single[group[b]]);
    }
  }
  for (const token of raw.tokens[row]) keys.push(TOKEN_BASE + token);
  return keys;
}
