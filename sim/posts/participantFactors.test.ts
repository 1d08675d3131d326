import { describe, expect, it } from 'vitest';
import { participantFactors } from './participantFactors.ts';
import { coreNote, emptyWorld, scoreInputOf, type PlainPostWorld } from './testing/plainPostWorld.ts';

function factorsOf(w: PlainPostWorld): Record<string, number> {
  const input = scoreInputOf(w);
  const { ids, users } = input.posts;
  const f = participantFactors(users, ids.participants, input.noteRatings, input.noteModel);
  return Object.fromEntries(ids.participants.values.map((id, k) => [id, f[k]]));
}

describe('participantFactors (§12 step 1)', () => {
  it('averages note factors, negated for NOT_HELPFUL, kept for HELPFUL and SOMEWHAT_HELPFUL', () => {
    const w = emptyWorld();
    w.users.push({ userId: 'a', isAdmitted: true });
    w.scoredNotes.push(coreNote('1', 0.4), coreNote('2', -0.2), coreNote('3', 0.6));
    w.noteRatings.push(
      { noteId: '1', rater: 'a', level: 'HELPFUL' },
      { noteId: '2', rater: 'a', level: 'NOT_HELPFUL' },
      { noteId: '3', rater: 'a', level: 'SOMEWHAT_HELPFUL' },
    );
    expect(factorsOf(w).a).toBeCloseTo((0.4 + 0.2 + 0.6) / 3, 15);
  });

  it('counts only admitted users, ratings with a level, misleading topic-free notes decided by Core/Expansion/ExpansionPlus', () => {
    const w = emptyWorld();
    w.users.push(
      { userId: 'a', isAdmitted: true },
      { userId: 'out', isAdmitted: false },
      { userId: 'twice', isAdmitted: false },
      { userId: 'twice', isAdmitted: true },
    );
    w.scoredNotes.push(
      coreNote('1', 0.5),
      { ...coreNote('2', -0.9), classification: 'NOT_MISLEADING' },
      { ...coreNote('3', -0.9), noteTopic: 'Scams' },
      { ...coreNote('4', -0.9), decidedBy: 'GroupModel01 (v1.1)' },
      { ...coreNote('5', -0.9), decidedBy: null },
      { ...coreNote('6', 0.3), decidedBy: 'ExpansionModel (v1.1)' },
      { ...coreNote('7', 0.1), decidedBy: 'ExpansionPlusModel (v1.1)' },
    );
    for (const rater of ['a', 'out', 'twice']) {
      for (const noteId of ['1', '2', '3', '4', '5', '6', '7']) w.noteRatings.push({ noteId, rater, level: 'HELPFUL' });
      w.noteRatings.push({ noteId: '1', rater, level: '' }, { noteId: '9', rater, level: 'HELPFUL' });
    }
    w.raterFactors.push({ raterParticipantId: 'out', coreRaterFactor1: 0.7 });
    const f = factorsOf(w);
    expect(f.a).toBeCloseTo(0.3, 15);
    expect(f.twice).toBeCloseTo(0.3, 15);
    expect(f.out).toBeNaN();
  });

  it('skips missing note factors; falls back to coreRaterFactor1 when all are missing; none without qualifying ratings', () => {
    const w = emptyWorld();
    for (const userId of ['mixed', 'fallback', 'noFallback', 'unrated', 'offTopic'])
      w.users.push({ userId, isAdmitted: true });
    w.scoredNotes.push(coreNote('1', NaN), coreNote('2', -0.4), { ...coreNote('3', 0.9), noteTopic: 'Scams' });
    w.noteRatings.push(
      { noteId: '1', rater: 'mixed', level: 'HELPFUL' },
      { noteId: '2', rater: 'mixed', level: 'HELPFUL' },
      { noteId: '1', rater: 'fallback', level: 'NOT_HELPFUL' },
      { noteId: '1', rater: 'noFallback', level: 'HELPFUL' },
      { noteId: '3', rater: 'offTopic', level: 'HELPFUL' },
    );
    w.raterFactors.push(
      { raterParticipantId: 'mixed', coreRaterFactor1: 0.9 },
      { raterParticipantId: 'fallback', coreRaterFactor1: 0.25 },
      { raterParticipantId: 'noFallback', coreRaterFactor1: NaN },
      { raterParticipantId: 'unrated', coreRaterFactor1: 0.5 },
      { raterParticipantId: 'offTopic', coreRaterFactor1: 0.5 },
    );
    const f = factorsOf(w);
    expect(f.mixed).toBe(-0.4);
    expect(f.fallback).toBe(0.25);
    expect(f.noFallback).toBeNaN();
    expect(f.unrated).toBeNaN();
    expect(f.offTopic).toBeNaN();
  });

  it('sums with Kahan compensation like pandas: ten ratings of 0.15 average to exactly 0.15 (R, not M)', () => {
    const w = emptyWorld();
    w.users.push({ userId: 'a', isAdmitted: true });
    w.scoredNotes.push(coreNote('1', 0.15));
    for (let k = 0; k < 10; k++) w.noteRatings.push({ noteId: '1', rater: 'a', level: 'HELPFUL' });
    let naive = 0;
    for (let k = 0; k < 10; k++) naive += 0.15;
    expect(naive / 10).toBeLessThan(0.15);
    expect(factorsOf(w).a).toBe(0.15);
  });
});
