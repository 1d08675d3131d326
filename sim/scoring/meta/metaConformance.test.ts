import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaScore } from './metaRules.ts';
import { conformanceMetaFrame } from './testing/conformanceFixture.ts';
import { parseTsv, strValues } from './testing/parseTsv.ts';

const CONFORMANCE = '/work/shared/conformance';
const NOW = 1748736000000;

describe.each(['full-s202', 'core-s101'])(
  'meta scoring on %s (reference per-model columns in, reference meta columns out)',
  (name) => {
    const read = (f: string) => parseTsv(readFileSync(`${CONFORMANCE}/${name}/${f}`, 'utf8'));
    const scored = read('expected/scored_notes.tsv');
    const aux = read('expected/aux_note_info.tsv');
    const nsh = read('input/noteStatusHistory-00000.tsv');
    const { frame } = conformanceMetaFrame(scored, aux, nsh);
    const result = metaScore(frame, { now: NOW });
    const ids = scored.col('noteId');

    const compare = (mine: (string | null)[], expected: (string | null)[], label: string) => {
      const diffs: string[] = [];
      for (let i = 0; i < mine.length; i++) {
        if (mine[i] !== expected[i]) diffs.push(`${ids[i]} ${label}: mine=${mine[i]} expected=${expected[i]}`);
      }
      return diffs;
    };

    it.each([
      ['finalRatingStatus', scored],
      ['decidedBy', scored],
      ['metaScorerActiveRules', scored],
      ['firstTag', scored],
      ['secondTag', scored],
      ['unlockedRatingStatus', aux],
      ['preStabilizationRatingStatus', aux],
    ] as const)('%s agrees on every note', (name, tsv) => {
      const diffs = compare(result.frame.str(name), strValues(tsv.col(name)), name);
      expect(diffs.slice(0, 10)).toEqual([]);
    });

    it('runs every rule (no input column missing)', () => {
      expect(result.skipped).toEqual([]);
    });

    it('lists active rules in application order (MetaInitialNMR first, decidedBy last)', () => {
      const active = result.frame.str('metaScorerActiveRules');
      const decided = result.frame.str('decidedBy');
      for (let i = 0; i < active.length; i++) {
        const list = active[i]!.split(',');
        expect(list[0]).toBe('MetaInitialNMR (v1.0)');
        expect(list[list.length - 1]).toBe(decided[i]);
      }
    });
  },
);
