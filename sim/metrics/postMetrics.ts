import type { PostChannel } from '../engine/postChannel.ts';
import type { PostRunMetrics } from './postRunMetrics.ts';

/** The post pilot's metrics over a whole run. */
export interface PostMetrics {
  posts: number;
  /** truly cross-side posts (appeal ≥ posts.crossSideAppeal) */
  crossSide: number;
  admitted: number;
  boosts: number;
  lingers: number;
  ratings: number;
  /** post scoring runs, and spans of runs in which a post was active */
  runs: number;
  activeSpans: number;
  /** posts active in at least one run, and of those the truly cross-side ones */
  everActive: number;
  everActiveCrossSide: number;
  /** the last successful run's metrics (rankings at k, side balance, dislike veto), null when none */
  lastRun: PostRunMetrics | null;
  perRun: PostRunMetrics[];
}

/** Summarises a run's post pilot (PostChannel) against the truth. */
export function postMetrics(channel: PostChannel): PostMetrics {
  const a = channel.audience;
  const spans = channel.timeline.activeSpans();
  const ever = new Set(spans.map((s) => s.post));
  let crossSide = 0;
  for (const c of a.crossSide) crossSide += c;
  let admitted = 0;
  for (const x of a.admitted) admitted += x;
  return {
    posts: channel.world.posts.length,
    crossSide,
    admitted,
    boosts: a.boostPost.length,
    lingers: channel.activity.lingers,
    ratings: channel.activity.ratings,
    runs: channel.timeline.runs.length,
    activeSpans: spans.length,
    everActive: ever.size,
    everActiveCrossSide: [...ever].filter((i) => a.crossSide[i] === 1).length,
    lastRun: channel.metrics.at(-1) ?? null,
    perRun: channel.metrics,
  };
}
