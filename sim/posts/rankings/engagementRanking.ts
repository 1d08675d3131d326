import { orderBy, scoreColumn, type PostRanking } from './postRanking.ts';

/** Plain engagement: every post with a like, by number of likes (whoever gave them). */
export const engagementRanking: PostRanking = {
  name: 'engagement',
  describe: 'posts with the most likes',
  rank(input) {
    const score = scoreColumn(input.likes.length, input.universe, (i) => input.likes[i]);
    return { order: orderBy(input.universe, (i) => input.likes[i] > 0, input.likes), score };
  },
};
