import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDatasetText } from './datasetReader.ts';
import {
  CLASS_MISLEADING,
  CLASS_NOT_MISLEADING,
  FLAG,
  HELPFUL_TAGS,
  LEVEL_HELPFUL,
  NOT_HELPFUL_TAGS,
  levelOf,
} from './tables.ts';
import { NOTES_HEADER, RATINGS_HEADER, noteLine, ratingLine } from './testing/inputLines.ts';

const INPUT = fileURLToPath(new URL('../../datasets/conformance/core-s101/input/', import.meta.url));
const gz = (name: string): string => gunzipSync(readFileSync(INPUT + name)).toString('utf8');
const rowsOf = (text: string): string[][] =>
  text
    .split('\n')
    .slice(1)
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'));

describe('reading the conformance input core-s101', () => {
  const texts = {
    notes: gz('notes-00000.tsv.gz'),
    ratings: gz('ratings-00000.tsv.gz'),
    statusHistory: gz('noteStatusHistory-00000.tsv.gz'),
    enrollment: gz('userEnrollment-00000.tsv.gz'),
  };
  const ds = readDatasetText(texts);

  it('reads every row (counts match the files: lines minus header)', () => {
    const lines = (t: string) => t.split('\n').length - 2;
    expect(ds.ratings.length).toBe(60_000);
    expect(ds.ratings.length).toBe(lines(texts.ratings));
    expect(ds.notes.length).toBe(lines(texts.notes));
    expect(ds.statusHistory.length).toBe(lines(texts.statusHistory));
    expect(ds.enrollment.length).toBe(lines(texts.enrollment));
    expect(ds.ratings.droppedDuplicates).toBe(0);
  });

  it('keeps 64-bit note and post ids exact', () => {
    const ratingRows = rowsOf(texts.ratings);
    for (const k of [0, 1234, 59_999]) {
      expect(ds.noteIds.values[ds.ratings.note[k]]).toBe(ratingRows[k][0]);
    }
    const noteRows = rowsOf(texts.notes);
    expect(Array.from(ds.notes.note, (k) => ds.noteIds.values[k])).toEqual(noteRows.map((c) => c[0]));
    expect(ds.notes.tweetId).toEqual(noteRows.map((c) => c[3]));
    // these ids are beyond 2^53: a number would have changed them
    expect(String(Number(noteRows[0][0]))).not.toBe(noteRows[0][0]);
  });

  it('decodes levels, helpful2, tags and the population-sampled bit like the file', () => {
    const rows = rowsOf(texts.ratings);
    const expected2: Record<string, number> = { NOT_HELPFUL: 0, SOMEWHAT_HELPFUL: 1, HELPFUL: 2 };
    let sampled = 0;
    const bad: string[] = [];
    rows.forEach((cells, i) => {
      const flags = ds.ratings.flags[i];
      if (ds.ratings.helpful2[i] !== expected2[cells[8]]) bad.push(`row ${i}: helpful2`);
      for (let t = 0; t < HELPFUL_TAGS.length + NOT_HELPFUL_TAGS.length; t++) {
        if (((flags >>> t) & 1) !== Number(cells[9 + t])) bad.push(`row ${i}: tag ${t}`);
      }
      if (cells[32] === 'POPULATION_SAMPLED') sampled++;
      if (((flags & FLAG.populationSampled) !== 0) !== (cells[32] === 'POPULATION_SAMPLED'))
        bad.push(`row ${i}: source`);
      if (ds.participants.values[ds.ratings.rater[i]] !== cells[1]) bad.push(`row ${i}: rater`);
      if (ds.ratings.createdAt[i] !== Number(cells[2])) bad.push(`row ${i}: createdAt`);
    });
    expect(bad.slice(0, 5)).toEqual([]);
    expect(sampled).toBeGreaterThan(0);
  });

  it('reads notes, NSH and enrollment columns', () => {
    const classes = new Set(Array.from(ds.notes.classification));
    expect(classes).toEqual(new Set([CLASS_NOT_MISLEADING, CLASS_MISLEADING]));
    expect(ds.notes.summary[0]).toMatch(/^Published source records/);
    const nsh = ds.statusHistory;
    expect(nsh.currentStatus[0]).toBe('NEEDS_MORE_RATINGS');
    expect(nsh.currentDecidedBy[0]).toBe('CoreModel (v1.1)');
    expect(nsh.timestampMillisOfFirstNonNMRStatus[0]).toBeNaN();
    expect(nsh.timestampMillisOfMostRecentStatusChange[0]).toBe(-1);
    expect(nsh.currentGroupStatus[0]).toBeNull();
    const en = ds.enrollment;
    expect(en.enrollmentState[0]).toBe('earnedIn');
    expect(en.modelingPopulation[0]).toBe('CORE');
    expect(en.modelingGroup[0]).toBe(8);
    expect(en.timestampOfLastEarnOut[0]).toBe(1);
  });

  it('trims the ratings columns to 21 bytes per rating', () => {
    const r = ds.ratings;
    const bytes =
      r.note.byteLength + r.rater.byteLength + r.createdAt.byteLength + r.flags.byteLength + r.helpful2.byteLength;
    expect(bytes).toBe(21 * r.length);
  });

  it('parses the 11.7 MB ratings file in well under a second', () => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      readDatasetText({ ratings: texts.ratings });
      best = Math.min(best, performance.now() - t);
    }
    console.log(`ratings parse (60,000 rows, ${(texts.ratings.length / 1e6).toFixed(1)} MB): ${best.toFixed(0)} ms`);
    expect(best).toBeLessThan(700);
  });
});

describe('small inputs', () => {
  const NOTE = '1500000000000000001';
  it('computes helpful2 in the reference order (level overrides the v1 answer)', () => {
    const lines = [
      ratingLine(NOTE, 'a', '', { 6: '1' }),
      ratingLine(NOTE, 'b', '', { 7: '1' }),
      ratingLine(NOTE, 'c', '', { 6: '1', 7: '1' }),
      ratingLine(NOTE, 'd', 'NOT_HELPFUL', { 6: '1' }),
      ratingLine(NOTE, 'e', 'SOMEWHAT_HELPFUL'),
      ratingLine(NOTE, 'f', 'HELPFUL', { 7: '1' }),
      ratingLine(NOTE, 'g', ''),
    ];
    const ds = readDatasetText({ ratings: [RATINGS_HEADER, ...lines].join('\n') + '\n' });
    expect(Array.from(ds.ratings.helpful2)).toEqual([2, 0, 0, 0, 1, 2, 255]);
    expect(ds.ratings.flags[0] & FLAG.v1Helpful).not.toBe(0);
    expect(ds.ratings.flags[1] & FLAG.v1NotHelpful).not.toBe(0);
    expect(levelOf(ds.ratings.flags[5])).toBe(LEVEL_HELPFUL);
  });

  it('reads empty tag cells as 0, \\r\\n line ends, and canonicalises ids with leading zeros', () => {
    const tagsEmpty: Record<number, string> = {};
    for (let k = 9; k < 31; k++) tagsEmpty[k] = '';
    const text = [
      RATINGS_HEADER,
      ratingLine('00' + NOTE, 'a', 'HELPFUL', tagsEmpty),
      ratingLine(NOTE, 'b', 'HELPFUL'),
    ].join('\r\n');
    const ds = readDatasetText({ ratings: text });
    expect(ds.ratings.flags[0] & 0x3fffff).toBe(0);
    expect(ds.noteIds.values).toEqual([NOTE]);
    expect(Array.from(ds.ratings.note)).toEqual([0, 0]);
  });

  it('shares the participant dictionary between notes and ratings', () => {
    const ds = readDatasetText({
      notes: [NOTES_HEADER, noteLine(NOTE, 'author')].join('\n'),
      ratings: [RATINGS_HEADER, ratingLine(NOTE, 'author', 'HELPFUL'), ratingLine(NOTE, 'x', 'HELPFUL')].join('\n'),
    });
    expect(ds.participants.values).toEqual(['author', 'x']);
    expect(ds.notes.author[0]).toBe(ds.ratings.rater[0]);
  });
});
