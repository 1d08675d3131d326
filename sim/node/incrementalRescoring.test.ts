// Incremental mode end to end on real files: score a case, feed the outputs back six hours later, and check that
// only the selected notes are rescored while the others keep their previous rows.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOutputTable } from '../data/readOutputTable.ts';
import { tsvText } from '../data/writeTsv.ts';
import { createEngine } from '../scoring/mf/engines.ts';
import { nextStatusHistory, outputTables, scoreDataset } from '../scoring/pipeline/scoreDataset.ts';
import { readDataDir } from './dataFiles.ts';

const input = join(import.meta.dirname, '..', '..', 'datasets', 'conformance', 'core-s101', 'input');
const NOW = 1748736000000;
const SIX_HOURS = 6 * 3600 * 1000;

describe('incremental rescoring with a previous run fed back', () => {
  it('rescores stabilizing and changed notes, carries the rest over unchanged', async () => {
    const engine = await createEngine('typed');
    const data = await readDataDir(input);
    const opts = { seed: 42, engine, scorers: ['MFCoreScorer'] };
    const first = await scoreDataset(data, { ...opts, now: NOW });
    const tables = outputTables(first);
    const previous = {
      scoredNotes: readOutputTable('scored_notes.tsv', tsvText(tables.scored_notes), ['noteId']),
      auxNoteInfo: readOutputTable('aux_note_info.tsv', tsvText(tables.aux_note_info), ['noteId']),
    };
    const later = { ...data, statusHistory: nextStatusHistory(first) };
    const second = await scoreDataset(later, {
      ...opts,
      now: NOW + SIX_HOURS,
      previous,
      prescoring: first.run.prescoring,
    });

    const rescore = second.run.rescore;
    expect(rescore).not.toBeNull();
    const mask = rescore!.mask;
    const before = first.notes.str('finalRatingStatus');
    const after = second.notes.str('finalRatingStatus');
    const stabilizing = first.statusHistory.num('timestampMillisOfNmrDueToMinStableCrhTime');
    let rescored = 0;
    let released = 0;
    for (let r = 0; r < second.notes.length; r++) {
      const n = second.notes.key[r];
      if (stabilizing[r] > 0) expect(mask[n], 'a stabilizing note is rescored').toBe(1);
      if (!mask[n]) {
        expect(after[r]).toBe(before[r]);
        expect(second.notes.str('rescoringActiveRules')[r]).toBe(first.notes.str('rescoringActiveRules')[r]);
        continue;
      }
      rescored++;
      expect(second.notes.str('rescoringActiveRules')[r]).toBeTruthy();
      if (stabilizing[r] > 0 && before[r] !== 'CURRENTLY_RATED_HELPFUL' && after[r] === 'CURRENTLY_RATED_HELPFUL')
        released++;
    }
    expect(rescored).toBeGreaterThan(0);
    expect(rescored).toBeLessThan(second.notes.length);
    // Six hours after entering stabilization a note still meeting the Helpful criteria is released (> 60 min).
    expect(released).toBeGreaterThan(0);
  }, 120_000);
});
