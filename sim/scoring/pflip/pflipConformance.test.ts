import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataDir } from '../../node/dataFiles.ts';
import { parseTsv } from '../meta/testing/parseTsv.ts';
import { buildNoteInfo, filterRatings } from '../pipeline/preprocess.ts';
import { pflipLabels, LABEL_CRH, LABEL_FLIP } from './pflipLabels.ts';
import type { PflipInput } from './pflipTypes.ts';
import { pflipTargets } from './predictPflip.ts';
import { trainPflipModel } from './trainPflipModel.ts';

const CASE = '/work/shared/conformance/full-s202';
const NOW = 1748736000000;

/** The conformance input with the reference's final Core rater factors standing in for the prescoring ones. */
async function conformanceInput(): Promise<PflipInput> {
  const data = await readDataDir(`${CASE}/input`);
  const info = buildNoteInfo(data);
  const scores = parseTsv(readFileSync(`${CASE}/expected/helpfulness_scores.tsv`, 'utf8'));
  const raterFactor = new Float64Array(data.participants.size).fill(NaN);
  const ids = scores.col('raterParticipantId');
  const factors = scores.col('coreRaterFactor1');
  for (let i = 0; i < ids.length; i++) {
    const u = data.participants.get(ids[i] ?? '');
    if (u >= 0 && factors[i] !== null && factors[i] !== '') raterFactor[u] = Number(factors[i]);
  }
  return { ratings: filterRatings(data, info), info, statusHistory: data.statusHistory, raterFactor, now: NOW };
}

describe('pflip on the full-s202 conformance input', async () => {
  const input = await conformanceInput();

  it('has 35 labelled notes (17 CRH, 18 FLIP) and falls back, as the reference did', () => {
    const labels = pflipLabels(input.statusHistory, input.info.size);
    expect(labels.filter((l) => l === LABEL_CRH).length).toBe(17);
    expect(labels.filter((l) => l === LABEL_FLIP).length).toBe(18);
    const t0 = performance.now();
    const m = trainPflipModel(input, { seed: 42 });
    const ms = performance.now() - t0;
    expect(m).toMatchObject({ labelledNotes: 35, crhNotes: 17, flipNotes: 18 });
    expect('fallback' in m && m.fallback).toMatch(/too little labelled history: 35 labelled notes/);
    console.log(`full-s202: ${JSON.stringify(m)} in ${ms.toFixed(0)} ms`);
  });

  it('runs the whole feature pipeline when the minimums are lifted', () => {
    const t0 = performance.now();
    const m = trainPflipModel(input, { seed: 42, minLabelledNotes: 0, minNotesPerClass: 0 });
    const ms = performance.now() - t0;
    console.log(
      `full-s202, minimums lifted: ${'fallback' in m ? m.fallback : JSON.stringify(m.stats)} in ${ms.toFixed(0)} ms`,
    );
    // 35 notes × 2 rows at C = 0.04 carry too little gradient for any weight to leave zero.
    expect('fallback' in m && m.fallback).toMatch(/degenerate fit/);
  });

  it('finds no note to predict (no note in stabilization, no CRH in the last 24 h)', () => {
    const universe = Int32Array.from({ length: input.info.size }, (_, i) => i).filter(
      (n) => input.info.inUniverse[n] === 1,
    );
    expect(pflipTargets(input, universe).reduce((a, v) => a + v, 0)).toBe(0);
  });
});
