import * as Plot from '@observablehq/plot';
import type { ChartSpec, LegendEntry } from './chartSpec.ts';

export interface ChartFrame {
  /** drawn at the top of the SVG */
  title?: string;
  /** draw the spec's legend in a right-hand margin of the SVG */
  legend?: boolean;
  /** the DOM to draw with (default: the global document; a linkedom document in Node) */
  document?: Document;
}

const TITLE_SPACE = 26;
const ROW = 17;
const SVG_NS = 'http://www.w3.org/2000/svg';
const GLYPH: Record<NonNullable<LegendEntry['style']>, string> = {
  swatch: '■',
  triangle: '▲',
  line: '━━',
  dashed: '╍╍',
};

/** Width of the legend margin: room for the longest label (at about 6.5 px a character, at most 30 characters). */
const legendWidth = (legend: readonly LegendEntry[]): number =>
  34 + Math.ceil(6.5 * Math.min(30, Math.max(...legend.map((l) => l.label.length))));

const clip = (s: string): string => (s.length > 30 ? `${s.slice(0, 29)}…` : s);

/**
 * Draws a chart spec to an SVG element. With `title` and `legend`, both are drawn inside the SVG (the title above
 * the plot, the legend as text marks in a right-hand margin), so the element stands alone when exported. Sets the
 * SVG namespace on the result.
 */
export function renderChart(chart: ChartSpec, frame: ChartFrame = {}): SVGSVGElement {
  const { plot } = chart;
  const legend = frame.legend ? chart.legend : [];
  const extra: Plot.Markish[] = [];
  const marginRight = (plot.marginRight ?? 20) + (legend.length > 0 ? legendWidth(legend) : 0);
  legend.forEach((entry, i) => {
    const at = {
      facet: 'super',
      frameAnchor: 'top-right',
      dx: 12,
      dy: i * ROW + 4,
      lineAnchor: 'middle',
      textAnchor: 'start',
    } as const;
    extra.push(
      Plot.text([entry], { ...at, text: (d: LegendEntry) => GLYPH[d.style ?? 'swatch'], fill: entry.color }),
      Plot.text([entry], {
        ...at,
        dx: at.dx + (entry.style && entry.style !== 'swatch' ? 24 : 14),
        text: (d: LegendEntry) => clip(d.label),
      }),
    );
  });
  const svg = Plot.plot({
    ...plot,
    marginRight,
    marks: [...(plot.marks ?? []), ...extra],
    ...(frame.document ? { document: frame.document } : {}),
  }) as SVGSVGElement;
  svg.setAttribute('xmlns', SVG_NS);
  if (frame.title) addTitle(svg, frame.title);
  return svg;
}

/**
 * Moves the drawing down and writes `title` above it (Plot keeps its top margin for the y-axis label), in a smaller
 * font when a long title would not fit the width.
 */
function addTitle(svg: SVGSVGElement, title: string): void {
  const doc = svg.ownerDocument;
  const height = Number(svg.getAttribute('height')) + TITLE_SPACE;
  const width = Number(svg.getAttribute('width'));
  const body = doc.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0,${TITLE_SPACE})`);
  for (const child of Array.from(svg.childNodes))
    if ((child as Element).tagName?.toLowerCase() !== 'style') body.appendChild(child);
  const text = doc.createElementNS(SVG_NS, 'text');
  text.setAttribute('x', '4');
  text.setAttribute('y', '17');
  text.setAttribute('font-size', String(Math.min(13, Math.floor((width - 8) / (0.6 * title.length)))));
  text.setAttribute('font-weight', '600');
  text.setAttribute('text-anchor', 'start');
  text.setAttribute('fill', 'currentColor');
  text.textContent = title;
  svg.append(text, body);
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
}
