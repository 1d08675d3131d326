/**
 * The chart vocabulary shared by the dashboard and the notebooks: every chart function in this folder is pure — data
 * and options in, a ChartSpec out (an Observable Plot spec plus its legend entries), no DOM. `renderChart` draws a
 * spec, in the browser or server-side with any DOM (linkedom in the notebooks), adding the title and legend inside
 * the SVG so that an exported file explains itself.
 */
import type { PlotOptions } from '@observablehq/plot';

/** One legend row: a colour and how it is drawn (a filled swatch or triangle, a solid or a dashed line). */
export interface LegendEntry {
  label: string;
  color: string;
  style?: 'swatch' | 'triangle' | 'line' | 'dashed';
}

export interface ChartSpec {
  plot: PlotOptions;
  /** what the colours mean (drawn only when the renderer is asked for a legend) */
  legend: readonly LegendEntry[];
}

/** Legend entries of a colour scale given as parallel domain and range. */
export function legendOf(
  color: { domain: readonly string[]; range: readonly string[] },
  style: LegendEntry['style'] = 'swatch',
): LegendEntry[] {
  return color.domain.map((label, i) => ({ label, color: color.range[i % color.range.length], style }));
}
