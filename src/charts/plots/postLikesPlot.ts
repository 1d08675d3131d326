import * as Plot from '@observablehq/plot';
import type { PostBoard } from '../../../sim/index.ts';
import { OKABE_ITO } from '../palette.ts';
import { legendOf, type ChartSpec } from './chartSpec.ts';

/** Colour of each post verdict. */
export const POST_VERDICT_COLORS = {
  active: OKABE_ITO.bluishGreen,
  'candidate, below cut-offs': OKABE_ITO.orange,
  'not a candidate': OKABE_ITO.grey,
} as const;
export type PostVerdict = keyof typeof POST_VERDICT_COLORS;

/** The verdict of board row `r`. */
export const postVerdict = (b: Pick<PostBoard, 'active' | 'candidate'>, r: number): PostVerdict =>
  b.active[r] ? 'active' : b.candidate[r] ? 'candidate, below cut-offs' : 'not a candidate';

/** A cut-off as the page shows it: six significant digits, '—' when there is none. */
export const formatCutoff = (c: number): string => (Number.isFinite(c) ? String(Number(c.toPrecision(6))) : '—');

interface LikesPoint {
  row: number;
  L: number;
  R: number;
  verdict: PostVerdict;
  title: string;
}

/**
 * L likes (x) against R likes (y) of every scored post, coloured by verdict, with the §12 cut-offs: the minPos
 * cut-off c bounds the square L ≥ c and R ≥ c (dashed rules), the totalPos cut-off t is drawn as the line L + R = t
 * (exact for posts without M likes, which also count toward totalPos). `selected` (a row) is ringed.
 */
export function postLikesPlot(
  b: Pick<
    PostBoard,
    'length' | 'tweetId' | 'L_pos' | 'M_pos' | 'R_pos' | 'active' | 'candidate' | 'minPosCutoff' | 'totalPosCutoff'
  >,
  selected: number,
  width: number,
): ChartSpec {
  const points: LikesPoint[] = Array.from({ length: b.length }, (_, r) => ({
    row: r,
    L: b.L_pos[r],
    R: b.R_pos[r],
    verdict: postVerdict(b, r),
    title: `post ${b.tweetId[r]}\n${b.L_pos[r]} L, ${b.M_pos[r]} M, ${b.R_pos[r]} R likes\n${postVerdict(b, r)}`,
  }));
  const max = Math.max(1, b.minPosCutoff, b.totalPosCutoff, ...points.map((p) => Math.max(p.L, p.R))) * 1.05;
  const verdicts = Object.keys(POST_VERDICT_COLORS);
  const cutoff = { stroke: OKABE_ITO.black, strokeDasharray: '4,3', strokeOpacity: 0.7 };
  const t = b.totalPosCutoff;
  const c = b.minPosCutoff;
  const marks: Plot.Markish[] = [
    Number.isFinite(c) ? Plot.ruleX([c], { ...cutoff, y1: c, y2: max }) : null,
    Number.isFinite(c) ? Plot.ruleY([c], { ...cutoff, x1: c, x2: max }) : null,
    Number.isFinite(c)
      ? Plot.text([{ x: max, y: c }], {
          x: 'x',
          y: 'y',
          text: () => `minPos cut-off ${formatCutoff(c)}`,
          textAnchor: 'end',
          dy: -6,
          fontSize: 10,
        })
      : null,
    Number.isFinite(t)
      ? Plot.line(
          [
            [t, 0],
            [0, t],
          ],
          { stroke: OKABE_ITO.reddishPurple, strokeDasharray: '6,3' },
        )
      : null,
    Number.isFinite(t)
      ? Plot.text([{ x: t, y: 0 }], {
          x: 'x',
          y: 'y',
          text: () => `totalPos cut-off ${formatCutoff(t)}`,
          textAnchor: 'start',
          dx: 4,
          dy: -6,
          fontSize: 10,
          fill: OKABE_ITO.reddishPurple,
        })
      : null,
    Plot.dot(points, { x: 'L', y: 'R', fill: 'verdict', r: 3.2, fillOpacity: 0.65, title: 'title' }),
    Plot.dot(
      points.filter((p) => p.row === selected),
      { x: 'L', y: 'R', r: 7, stroke: OKABE_ITO.black, strokeWidth: 2 },
    ),
  ];
  return {
    plot: {
      width,
      height: Math.round(Math.min(420, width * 0.75)),
      marginLeft: 50,
      x: { label: 'likes from L participants (L_pos)', domain: [0, max], grid: true },
      y: { label: 'likes from R participants (R_pos)', domain: [0, max], grid: true },
      color: { domain: verdicts, range: Object.values(POST_VERDICT_COLORS) },
      marks,
    },
    legend: [
      ...legendOf({ domain: verdicts, range: Object.values(POST_VERDICT_COLORS) }),
      { label: 'minPos cut-off', color: OKABE_ITO.black, style: 'dashed' },
      { label: 'totalPos cut-off', color: OKABE_ITO.reddishPurple, style: 'dashed' },
    ],
  };
}
