import { orderBy, scoreColumn, type PostRanking } from './postRanking.ts';

/**
 * §12 with the minPos path only: candidates whose minPos reaches the minPos cut-off (the cut-offs are taken over
 * candidates, so they do not depend on which path is on), by minPos (then totalPos).
 */
export const minPosRanking: PostRanking = {
  name: 'minPosOnly',
  describe: 'candidates liked by both sides enough to reach the minPos cut-off, by minPos',
  rank(input) {
    const score = scoreColumn(input.minPos.length, input.universe, (i) => input.minPos[i]);
    const keep = (i: number) => input.candidate[i] === 1 && input.minPos[i] >= input.minPosCutoff;
    return { order: orderBy(input.universe, keep, input.minPos, input.totalPos), score };
  },
};
