import { describe, expect, it } from 'vitest';
import { decodeState, defaultState, encodeState } from './urlCodec.ts';
import { effectivePostParams, sameParams } from './postsView.ts';

describe('Posts view in the URL', () => {
  it('round-trips parameters, rules off and the selected post', () => {
    const state = defaultState();
    state.page = 'posts';
    state.posts = {
      factorSplitPoint: 0.3,
      minLingers: 5,
      quantileThreshold: 0.5,
      disabledRules: ['DislikeVeto'],
      post: '1000000000000000123',
    };
    const search = encodeState(state);
    expect(search).toContain('postLingers=5');
    const { state: back, errors } = decodeState(search);
    expect(errors).toEqual([]);
    expect(back.page).toBe('posts');
    expect(back.posts).toEqual(state.posts);
  });

  it('writes nothing for the run’s own values and an empty list for no rule off', () => {
    expect(encodeState(defaultState())).toBe('');
    const state = defaultState();
    state.posts = { ...state.posts, disabledRules: [] };
    const { state: back } = decodeState(encodeState(state));
    expect(back.posts.disabledRules).toEqual([]);
  });

  it('skips malformed entries with a message', () => {
    const { state, errors } = decodeState('page=posts&postLingers=2.5&postQuantile=2&postRulesOff=Nope&postSplit=0.2');
    expect(state.posts.minLingers).toBeNull();
    expect(state.posts.quantileThreshold).toBeNull();
    expect(state.posts.disabledRules).toBeNull();
    expect(state.posts.factorSplitPoint).toBe(0.2);
    expect(errors.join('\n')).toMatch(/postLingers=2\.5: expected a whole number/);
    expect(errors.join('\n')).toMatch(/postQuantile=2: expected a number from 0 to 1/);
    expect(errors.join('\n')).toMatch(/unknown rule Nope/);
  });

  it('falls back to the scenario’s parameters', () => {
    const s = defaultState().scenario;
    const p = effectivePostParams(
      { factorSplitPoint: null, minLingers: 4, quantileThreshold: null, disabledRules: null, post: null },
      s,
    );
    expect(p.minLingers).toBe(4);
    expect(p.factorSplitPoint).toBe(s.posts.factorSplitPoint);
    expect(sameParams(p, { ...p, disabledRules: [] })).toBe(p.disabledRules.length === 0);
    expect(sameParams({ ...p, disabledRules: ['A', 'B'] }, { ...p, disabledRules: ['B', 'A'] })).toBe(true);
  });
});
