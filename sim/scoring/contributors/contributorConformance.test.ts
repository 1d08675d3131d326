import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../data/tables.ts';
import { NOT_MISLEADING_UI_LAUNCH_TIME } from '../constants.ts';
import { updateStatusHistory } from '../history/updateStatusHistory.ts';
import { metaScore } from '../meta/metaRules.ts';
import { conformanceMetaFrame } from '../meta/testing/conformanceFixture.ts';
import { parseTsv } from '../meta/testing/parseTsv.ts';
import { noteInfoFromHistory, statusHistoryFromTsv } from '../meta/testing/statusHistoryFromTsv.ts';
import { enrollmentFromTsv, ratingsFromTsv } from '../meta/testing/tablesFromTsv.ts';
import { CONTRIBUTOR_COLUMNS, contributorScores } from './contributorScores.ts';

const CONFORMANCE = '/work/shared/conformance';
const NOW = 1748736000000;

describe.each(['full-s202', 'core-s101'])(
  'contributor statistics on %s (final statuses from our meta scoring of the reference columns)',
  (name) => {
    const read = (f: string) => parseTsv(readFileSync(`${CONFORMANCE}/${name}/${f}`, 'utf8'));
    const scored = read('expected/scored_notes.tsv');
    const aux = read('expected/aux_note_info.tsv');
    const nshTsv = read('input/noteStatusHistory-00000.tsv');
    const notesTsv = read('input/notes-00000.tsv');
    const expected = read('expected/helpfulness_scores.tsv');
    const noteIds = new Dictionary();
    for (const id of scored.col('noteId')) noteIds.intern(id);
    const participants = new Dictionary();
    const previous = statusHistoryFromTsv(nshTsv, noteIds, participants);
    const info = noteInfoFromHistory(previous, noteIds.size);
    const classification = new Map(notesTsv.col('noteId').map((id, i) => [id, notesTsv.col('classification')[i]]));
    const created = new Map(notesTsv.col('noteId').map((id, i) => [id, Number(notesTsv.col('createdAtMillis')[i])]));
    const keep = (id: string) =>
      classification.get(id) === 'MISINFORMED_OR_POTENTIALLY_MISLEADING' ||
      (classification.get(id) === 'NOT_MISLEADING' && created.get(id)! > NOT_MISLEADING_UI_LAUNCH_TIME);
    const ratings = ratingsFromTsv(read('input/ratings-00000.tsv'), noteIds, participants, keep);
    const enrollment = enrollmentFromTsv(read('input/userEnrollment-00000.tsv'), participants);

    const { frame } = conformanceMetaFrame(scored, aux, nshTsv);
    const meta = metaScore(frame, { now: NOW }).frame;
    frame.set('finalRatingStatus', meta.str('finalRatingStatus'));
    const history = updateStatusHistory({ previous, scored: frame, meta, info, noteIds, participants, now: NOW });
    const input = { notes: frame, ratings, info, history, enrollment, participants, noteIds, now: NOW };
    const out = contributorScores(input);

    const expIds = expected.col('raterParticipantId');
    it('covers the same participants as the reference', () => {
      const mine = new Set(out.str('raterParticipantId'));
      expect(mine.size).toBe(expIds.length);
      expect(expIds.filter((p) => !mine.has(p))).toEqual([]);
    });

    const rowOf = new Map(out.str('raterParticipantId').map((p, r) => [p!, r]));
    it.each([...CONTRIBUTOR_COLUMNS])('%s agrees for every participant', (name) => {
      const want = expected.col(name);
      const got = out.get(name)!;
      const diffs: string[] = [];
      expIds.forEach((p, i) => {
        const v = got[rowOf.get(p)!];
        const mine = v === null || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v);
        const theirs = want[i] === '' ? '' : /^-?[0-9.]+$/.test(want[i]) ? String(Number(want[i])) : want[i];
        if (mine !== theirs) diffs.push(`${p.slice(0, 8)}: ${mine} vs ${theirs}`);
      });
      expect(diffs.slice(0, 5)).toEqual([]);
    });

    it('gives the same answer with the previous history table', () => {
      const again = contributorScores({ ...input, history: previous });
      for (const name of CONTRIBUTOR_COLUMNS) expect(again.get(name)).toEqual(out.get(name));
    });
  },
);
