import { orderBy, scoreColumn, type PostRanking } from './postRanking.ts';

/** The §12 rule: the active posts, by totalPos (then minPos). */
export const activeRanking: PostRanking = {
  name: 'section12',
  describe: 'active posts (§12: a candidate reaching the totalPos or the minPos cut-off), by totalPos',
  rank(input) {
    const score = scoreColumn(input.totalPos.length, input.universe, (i) => input.totalPos[i]);
    return { order: orderBy(input.universe, (i) => input.active[i] === 1, input.totalPos, input.minPos), score };
  },
};
