/**
 * The notebook reports draw the same content with the shared Observable Plot charts as they did with the deleted
 * hand-written SVG (notebooks/lib/svg.ts): for the tiny experiment, every chart of the report body and of each
 * notebook's own sections shows the same series with the same points, labels and titles as captured from the old
 * charts in reportCharts.json (commit d9ebe05), and its SVG holds one mark per series, point or bar.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChartSpec } from '../../src/charts/plots/chartSpec.ts';
import type { BarGroup } from '../../src/charts/plots/barsPlot.ts';
import type { HistogramGroup } from '../../src/charts/plots/histogramPlot.ts';
import type { Series, SeriesChartOptions } from '../../src/charts/plots/series.ts';
import type { ExperimentResult } from '../../sim/index.ts';
import { finite, type ChartRecord } from './chartRecord.ts';
import { tinyExperiment } from './tinyExperiment.ts';

interface Drawn {
  record: ChartRecord;
  svg: Element;
}

const specs = new Map<ChartSpec, ChartRecord>();
const drawn: Drawn[] = [];
const labels = (o: { xLabel?: string; yLabel?: string }) => ({ xLabel: o.xLabel ?? null, yLabel: o.yLabel ?? null });
const xy = (s: Series) => ({
  name: s.name,
  dashed: s.dashed ?? false,
  points: s.points.map(([x, y]) => [finite(x), finite(y)] as const),
});
const remember = (chart: ChartSpec, record: ChartRecord) => {
  specs.set(chart, record);
  return chart;
};

vi.mock('../../src/charts/plots/linesPlot.ts', async (original) => {
  const { linesPlot } = await original<typeof import('../../src/charts/plots/linesPlot.ts')>();
  return {
    linesPlot: (series: Series[], o: SeriesChartOptions = {}) =>
      remember(linesPlot(series, o), { kind: 'line', title: null, ...labels(o), series: series.map(xy) }),
  };
});
vi.mock('../../src/charts/plots/scatterPlot.ts', async (original) => {
  const { scatterPlot } = await original<typeof import('../../src/charts/plots/scatterPlot.ts')>();
  return {
    scatterPlot: (series: Series[], o: SeriesChartOptions = {}) =>
      remember(scatterPlot(series, o), { kind: 'scatter', title: null, ...labels(o), series: series.map(xy) }),
  };
});
vi.mock('../../src/charts/plots/barsPlot.ts', async (original) => {
  const { barsPlot } = await original<typeof import('../../src/charts/plots/barsPlot.ts')>();
  return {
    barsPlot: (ls: string[], groups: BarGroup[], o: { xLabel?: string } = {}) =>
      remember(barsPlot(ls, groups, o), {
        kind: 'bar',
        title: null,
        ...labels(o),
        series: groups.map((g) => ({ name: g.name, points: ls.map((l, i) => [l, finite(g.values[i])] as const) })),
      }),
  };
});
vi.mock('../../src/charts/plots/histogramPlot.ts', async (original) => {
  const { histogramPlot } = await original<typeof import('../../src/charts/plots/histogramPlot.ts')>();
  return {
    histogramPlot: (groups: HistogramGroup[], bins: number, o: { xLabel?: string; yLabel?: string } = {}) =>
      remember(histogramPlot(groups, bins, o), {
        kind: 'histogram',
        title: null,
        ...labels({ yLabel: 'count', ...o }),
        bins,
        series: groups.map((g) => ({ name: g.name, points: g.values.map((v) => [null, finite(v)] as const) })),
      }),
  };
});
vi.mock('../../notebooks/lib/chartSvg.ts', async (original) => {
  const real = await original<typeof import('../../notebooks/lib/chartSvg.ts')>();
  const { renderChart } = await import('../../src/charts/plots/renderChart.ts');
  return {
    ...real,
    chartSvg: (chart: ChartSpec, title?: string, legend = true) => {
      const record = specs.get(chart);
      if (!record) throw new Error('a report chart was not drawn by a shared chart function');
      drawn.push({
        record: { ...record, title: title ?? null },
        svg: renderChart(chart, { title, legend, document: real.serverDocument() }),
      });
      return real.chartSvg(chart, title, legend);
    },
  };
});

const notebookOptions = new Map<string, { sections?: (exp: ExperimentResult) => string[] }>();
vi.mock('../../notebooks/lib/presetReport.ts', async (original) => ({
  ...(await original<object>()),
  presetReport: async (preset: string, options: { sections?: (exp: ExperimentResult) => string[] } = {}) => {
    notebookOptions.set(preset, options);
    return '';
  },
}));

const before = JSON.parse(readFileSync(join(import.meta.dirname, 'reportCharts.json'), 'utf8')) as {
  report: ChartRecord[];
  sections: Record<string, ChartRecord[]>;
};

const after: { report: Drawn[]; sections: Record<string, Drawn[]> } = { report: [], sections: {} };
let html = '';

beforeAll(async () => {
  const exp = await tinyExperiment();
  const { reportPage } = await import('../../notebooks/lib/presetReport.ts');
  html = reportPage('tiny-ring', exp, 0, {});
  after.report = drawn.splice(0);
  for (const name of Object.keys(before.sections)) {
    await import(`../../notebooks/${name}.ts`);
    notebookOptions.get(name)?.sections?.(exp);
    after.sections[name] = drawn.splice(0);
  }
});

/** The marks Plot drew for the data (not axes, rules or legend text): one per line, dot, bar or histogram bin. */
const marks = (svg: Element, kind: ChartRecord['kind']): number =>
  ({
    line: svg.querySelectorAll('g[aria-label="line"] path').length,
    scatter: svg.querySelectorAll('g[aria-label="dot"] circle').length,
    bar: svg.querySelectorAll('g[aria-label="bar"] rect').length,
    histogram: svg.querySelectorAll('g[aria-label="rect"] rect').length,
  })[kind];

/** What the old charts drew as marks for the same data: a path per series with a point, a dot per finite point… */
function expectedMarks(c: ChartRecord): number {
  const ys = (s: ChartRecord['series'][number]) => s.points.filter(([, y]) => y !== null);
  if (c.kind === 'line') return c.series.filter((s) => ys(s).length > 0).length;
  if (c.kind === 'scatter')
    return c.series.reduce((n, s) => n + s.points.filter(([x, y]) => x !== null && y !== null).length, 0);
  if (c.kind === 'bar') return c.series.reduce((n, s) => n + ys(s).length, 0);
  const all = c.series.flatMap((s) => ys(s).map(([, y]) => y as number));
  const lo = Math.min(...all);
  const width = (Math.max(...all) - lo) / c.bins! || 1;
  const filled = c.series.map(
    (s) => new Set(ys(s).map(([, y]) => Math.min(c.bins! - 1, Math.floor(((y as number) - lo) / width)))).size,
  );
  return filled.reduce((a, b) => a + b, 0);
}

function compare(old: ChartRecord[], now: Drawn[]) {
  expect(now.map((d) => d.record.kind)).toEqual(old.map((c) => c.kind));
  old.forEach((c, i) => {
    const { record, svg } = now[i];
    expect({ ...record, title: c.title ?? null }).toEqual(c);
    expect(record.title, `chart ${i} carries a title`).toBeTruthy();
    if (c.title) expect(svg.textContent).toContain(c.title);
    expect(marks(svg, c.kind), `${c.kind} chart ${record.title}: marks`).toBe(expectedMarks(c));
    if (c.series.length > 1) for (const s of c.series) expect(svg.textContent).toContain(s.name.slice(0, 29));
  });
}

describe('notebook reports after the move to the shared charts', () => {
  it('draw the report body with the same series and points as the old charts', () => {
    expect(after.report.length).toBe(before.report.length);
    compare(before.report, after.report);
    expect(html.match(/<svg [^>]*class="plot-/g)?.length).toBe(after.report.length);
  });

  for (const name of Object.keys(before.sections))
    it(`draw the ${name} notebook's own charts with the same series and points`, () => {
      compare(before.sections[name], after.sections[name]);
    });
});
