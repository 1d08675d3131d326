import { describe, expect, it } from 'vitest';
import { decodeState, defaultState, encodeState } from './urlCodec.ts';

describe('URL state codec', () => {
  it('writes nothing for the default state and reads it back', () => {
    expect(encodeState(defaultState())).toBe('');
    const { state, errors } = decodeState('');
    expect(errors).toEqual([]);
    expect(state).toEqual(defaultState());
  });

  it('round-trips page, seed, scenario fields, adversaries, note, classroom grid and teaching mode', () => {
    const { state } = decodeState('');
    state.page = 'run';
    state.scenario = { ...state.scenario, seed: 7, world: { ...state.scenario.world, raters: 500 } };
    state.scenario.scoring = { ...state.scenario.scoring, disabledRules: ['NoHighVolIntercept (v1.0)'] };
    state.note = '1234';
    state.classroom = { ...state.classroom, cells: state.classroom.cells.slice() };
    state.classroom.cells[4] = 1;
    state.teach = true;
    const search = encodeState(state);
    expect(search).toContain('seed=7');
    expect(search).toContain('world.raters=500');
    expect(search).toContain('teach=1');
    const back = decodeState(search);
    expect(back.errors).toEqual([]);
    expect(back.state).toEqual(state);
  });

  it('keeps what it can from a bad link and says what it ignored', () => {
    const { state, errors } = decodeState('page=nowhere&seed=abc&world.raters=1&bogus=1&grid=2x2.012');
    expect(state.page).toBe('scenario');
    expect(errors.join('\n')).toMatch(/page=nowhere/);
    expect(errors.join('\n')).toMatch(/seed=abc: not a number/);
    expect(errors.join('\n')).toMatch(/bogus: unknown link parameter/);
    expect(errors.join('\n')).toMatch(/grid:/);
    // world.raters=1 is out of range: the scenario falls back to the preset with the validator's message.
    expect(errors.join('\n')).toMatch(/scenario\.world\.raters: 1 is not allowed/);
    expect(state.scenario.world.raters).toBe(1000);
  });
});
