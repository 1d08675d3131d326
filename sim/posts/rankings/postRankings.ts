import { activeRanking } from './activeRanking.ts';
import { engagementRanking } from './engagementRanking.ts';
import { mfBridgingRanking } from './mfBridgingRanking.ts';
import { minPosRanking } from './minPosRanking.ts';
import type { PostRanking } from './postRanking.ts';

/** The post rankings compared in every run, in report order. */
export const POST_RANKINGS: readonly PostRanking[] = [
  engagementRanking,
  activeRanking,
  minPosRanking,
  mfBridgingRanking,
];
