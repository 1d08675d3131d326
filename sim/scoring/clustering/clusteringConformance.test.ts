import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CLASS_MISLEADING,
  CLASS_NOT_MISLEADING,
  Dictionary,
  FLAG,
  LEVEL_HELPFUL,
  LEVEL_NOT_HELPFUL,
  LEVEL_SOMEWHAT_HELPFUL,
  type RatingsTable,
} from '../../data/tables.ts';
import type { NoteInfo } from '../noteInfo.ts';
import { tagHighVolumeRaters } from '../preprocess/highVolumeRaters.ts';
import { applyClustering } from './applyClustering.ts';
import { postSelectionDetail } from './postSelectionSimilarity.ts';
import { findQuasiCliques } from './quasiCliques.ts';

const ROOT = '/work/shared/conformance';
const NOT_MISLEADING_UI_LAUNCH = 1664755200000;

/** Tiny ad-hoc reader of a conformance input folder (notes + ratings), preprocessed as §2.6 steps 2 and 6. */
function readCase(dir: string) {
  const participants = new Dictionary();
  const noteIds = new Dictionary();
  const noteLines = readFileSync(`${dir}/notes-00000.tsv`, 'utf8').split('\n').slice(1).filter(Boolean);
  const tmp: { n: number; author: number; t: number; tweet: string; cls: number; summary: string }[] = [];
  for (const line of noteLines) {
    const f = line.split('\t');
    const cls =
      f[4] === 'MISINFORMED_OR_POTENTIALLY_MISLEADING'
        ? CLASS_MISLEADING
        : f[4] === 'NOT_MISLEADING'
          ? CLASS_NOT_MISLEADING
          : 0;
    tmp.push({
      n: noteIds.intern(f[0]),
      author: participants.intern(f[1]),
      t: Number(f[2]),
      tweet: f[3],
      cls,
      summary: f[21],
    });
  }
  const ratingLines = readFileSync(`${dir}/ratings-00000.tsv`, 'utf8').split('\n').slice(1).filter(Boolean);
  const rows: { note: number; rater: number; t: number; level: number; h2: number }[] = [];
  for (const line of ratingLines) {
    const f = line.split('\t');
    const level =
      f[8] === 'HELPFUL'
        ? LEVEL_HELPFUL
        : f[8] === 'SOMEWHAT_HELPFUL'
          ? LEVEL_SOMEWHAT_HELPFUL
          : f[8] === 'NOT_HELPFUL'
            ? LEVEL_NOT_HELPFUL
            : 0;
    let h2 = 255;
    if (f[6] === '1') h2 = 2;
    if (f[7] === '1') h2 = 0;
    if (level > 0) h2 = (level - 1) as number;
    if (h2 === 255) continue;
    rows.push({ note: noteIds.intern(f[0]), rater: participants.intern(f[1]), t: Number(f[2]), level, h2 });
  }
  const size = noteIds.size;
  const info: NoteInfo = {
    size,
    inUniverse: new Uint8Array(size),
    author: new Int32Array(size).fill(-1),
    createdAt: new Float64Array(size).fill(NaN),
    tweetId: new Array<string | null>(size).fill(null),
    classification: new Uint8Array(size),
    summary: new Array<string>(size).fill(''),
  };
  for (const x of tmp) {
    info.inUniverse[x.n] = 1;
    info.author[x.n] = x.author;
    info.createdAt[x.n] = x.t;
    info.tweetId[x.n] = x.tweet;
    info.classification[x.n] = x.cls;
    info.summary[x.n] = x.summary;
  }
  const kept = rows.filter((r) => {
    const c = info.classification[r.note];
    return c === CLASS_MISLEADING || (c === CLASS_NOT_MISLEADING && info.createdAt[r.note] > NOT_MISLEADING_UI_LAUNCH);
  });
  const n = kept.length;
  const ratings: RatingsTable = {
    length: n,
    note: Int32Array.from(kept, (r) => r.note),
    rater: Int32Array.from(kept, (r) => r.rater),
    createdAt: Float64Array.from(kept, (r) => r.t),
    flags: Uint32Array.from(kept, (r) => r.level << FLAG.levelShift),
    helpful2: Uint8Array.from(kept, (r) => r.h2),
  };
  const truthClique = new Map<string, number>();
  for (const line of readFileSync(`${dir}/truth_raters.tsv`, 'utf8').split('\n').slice(1).filter(Boolean)) {
    const f = line.split('\t');
    truthClique.set(f[0], Number(f[7]));
  }
  return { participants, noteIds, info, ratings, nNotesTable: tmp.length, truthClique };
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

for (const name of ['core-s101', 'full-s202']) {
  const dir = `${ROOT}/${name}/input`;
  describe.runIf(existsSync(dir))(`clustering on conformance ${name}`, () => {
    it('finds the planted coordinated groups', () => {
      const c = readCase(dir);
      const nP = c.participants.size;
      const [hv, tHv] = time(() => tagHighVolumeRaters(c.ratings, nP));
      const [pss, tPss] = time(() => postSelectionDetail(c.ratings, c.info, nP));
      const [qc, tQc] = time(() => findQuasiCliques(c.ratings, c.info, nP));
      const qcValue = new Int32Array(nP);
      qc.forEach((q, i) => q.members.forEach((r) => (qcValue[r] ||= i + 1)));
      const [pre, tPre] = time(() =>
        applyClustering(c.ratings, c.info, pss.cliques, qcValue, 'prescoring', c.nNotesTable),
      );
      const [fin, tFin] = time(() => applyClustering(c.ratings, c.info, pss.cliques, qcValue, 'final', c.nNotesTable));

      const sizes = new Map<number, number[]>();
      for (let p = 0; p < nP; p++) {
        if (pss.cliques[p] === 0) continue;
        const list = sizes.get(pss.cliques[p]) ?? [];
        list.push(p);
        sizes.set(pss.cliques[p], list);
      }
      const truthOf = (p: number) => c.truthClique.get(c.participants.values[p]) ?? 0;
      const describeSet = (members: Iterable<number>) => {
        const t = new Map<number, number>();
        for (const p of members) t.set(truthOf(p), (t.get(truthOf(p)) ?? 0) + 1);
        return [...t].map(([k, v]) => `truth${k}:${v}`).join(',');
      };
      const hvRaters = new Set<number>();
      hv.forEach((f, i) => f && hvRaters.add(c.ratings.rater[i]));
      const report = {
        ratings: c.ratings.length,
        highVolume: { rows: hv.reduce((s, v) => s + v, 0), raters: hvRaters.size, ms: Math.round(tHv) },
        pss: {
          cliques: [...sizes.values()].map((m) => `${m.length} [${describeSet(m)}]`),
          affinityPairs: pss.affinityPairs.length,
          coRatingPairs: pss.coRatingPairs.length,
          ms: Math.round(tPss),
        },
        quasiCliques: {
          cliques: qc.map((q) => `${q.members.length} raters/${q.posts} posts [${describeSet(q.members)}]`),
          ms: Math.round(tQc),
        },
        prescoring: {
          kept: pre.keep.length,
          correlatedRows: pre.correlated.reduce((s, v) => s + v, 0),
          ms: Math.round(tPre),
        },
        final: {
          kept: fin.keep.length,
          correlatedRows: fin.correlated.reduce((s, v) => s + v, 0),
          ms: Math.round(tFin),
        },
      };
      console.log(name, JSON.stringify(report, null, 1));

      const planted = new Set([...c.truthClique].filter(([, k]) => k > 0).map(([id]) => c.participants.get(id)));
      const groups = new Set([...planted].map((p) => truthOf(p)));
      // Every planted member sits in a PSS clique made only of its own planted group.
      for (const p of planted) {
        expect(pss.cliques[p]).toBeGreaterThan(0);
        for (const q of sizes.get(pss.cliques[p])!) expect(truthOf(q)).toBe(truthOf(p));
      }
      expect(new Set([...planted].map((p) => pss.cliques[p])).size).toBe(groups.size);

      // The reference's numRatings per note (final scoring, after coalescing) equals our kept rows per note.
      const keptPerNote = new Int32Array(c.info.size);
      for (const row of fin.keep) keptPerNote[c.ratings.note[row]]++;
      const lines = readFileSync(`${ROOT}/${name}/expected/scored_notes.tsv`, 'utf8').split('\n').filter(Boolean);
      const col = lines[0].split('\t').indexOf('numRatings');
      let compared = 0;
      for (const line of lines.slice(1)) {
        const f = line.split('\t');
        const note = c.noteIds.get(f[0]);
        if (note < 0 || f[col] === '') continue;
        expect(keptPerNote[note], `numRatings of note ${f[0]}`).toBe(Number(f[col]));
        compared++;
      }
      expect(compared).toBeGreaterThan(900);
    });
  });
}
