/**
 * Server-side drawing of the shared charts (src/charts/plots/) for the notebook reports: Observable Plot on a
 * linkedom document. Each chart carries its title and legend inside the SVG.
 */
import { parseHTML } from 'linkedom';
import type { ChartSpec } from '../../src/charts/plots/chartSpec.ts';
import { renderChart } from '../../src/charts/plots/renderChart.ts';

let dom: Document | null = null;

/** A DOM document for Plot to draw with (one per process). */
export function serverDocument(): Document {
  dom ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
  return dom;
}

/** The SVG markup of `chart`, with its title and (unless `legend` is false) its legend. */
export function chartSvg(chart: ChartSpec, title?: string, legend = true): string {
  return renderChart(chart, { title, legend, document: serverDocument() }).outerHTML;
}
