/**
 * One-off capture (run before the chart move): records, for the tiny experiment, every chart that the notebook
 * reports drew with notebooks/lib/svg.ts — the report body and each notebook's own sections — into
 * test/notebooks/reportCharts.json. The test notebookReport.test.ts checks the new charts against it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { finite, type ChartRecord } from './chartRecord.ts';
import { tinyExperiment } from './tinyExperiment.ts';

type Pt = readonly (readonly [number, number])[];
interface OldSeries {
  name: string;
  points: Pt;
  dashed?: boolean;
}
interface OldOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
}

const drawn: ChartRecord[] = [];
const labels = (o: OldOptions) => ({ title: o.title ?? null, xLabel: o.xLabel ?? null, yLabel: o.yLabel ?? null });
const xy = (s: OldSeries) => ({
  name: s.name,
  dashed: s.dashed ?? false,
  points: s.points.map(([x, y]) => [finite(x), finite(y)] as const),
});

vi.mock('../../notebooks/lib/svg.ts', () => ({
  lineChart: (series: OldSeries[], o: OldOptions = {}) => {
    drawn.push({ kind: 'line', ...labels(o), series: series.map(xy) });
    return '';
  },
  scatterChart: (series: OldSeries[], o: OldOptions = {}) => {
    drawn.push({ kind: 'scatter', ...labels(o), series: series.map(xy) });
    return '';
  },
  barChart: (ls: string[], groups: { name: string; values: number[] }[], o: OldOptions = {}) => {
    drawn.push({
      kind: 'bar',
      ...labels(o),
      series: groups.map((g) => ({ name: g.name, points: ls.map((l, i) => [l, finite(g.values[i])] as const) })),
    });
    return '';
  },
  histogram: (groups: { name: string; values: number[] }[], bins: number, o: OldOptions = {}) => {
    drawn.push({
      kind: 'histogram',
      ...labels({ yLabel: 'count', ...o }),
      bins,
      series: groups.map((g) => ({ name: g.name, points: g.values.map((v) => [null, finite(v)] as const) })),
    });
    return '';
  },
}));

const notebookOptions = new Map<string, { sections?: (exp: unknown) => string[] }>();
vi.mock('../../notebooks/lib/presetReport.ts', async (original) => ({
  ...(await original<object>()),
  presetReport: async (preset: string, options: { sections?: (exp: unknown) => string[] } = {}) => {
    notebookOptions.set(preset, options);
    return '';
  },
}));

const NOTEBOOKS = [
  'baseline',
  'classroom',
  'coordinated-ring',
  'high-volume-sybils',
  'pile-on',
  'population-sampling',
  'targeted-suppression',
  'writer-rater-collusion',
];

it('captures the charts of the old notebook reports', async () => {
  const exp = await tinyExperiment();
  const { reportPage } = await import('../../notebooks/lib/presetReport.ts');
  reportPage('tiny-ring', exp, 0, {});
  const report = drawn.splice(0);
  const sections: Record<string, ChartRecord[]> = {};
  for (const name of NOTEBOOKS) {
    await import(`../../notebooks/${name}.ts`);
    notebookOptions.get(name)?.sections?.(exp);
    sections[name] = drawn.splice(0);
  }
  expect(report.length).toBeGreaterThan(4);
  writeFileSync(join(import.meta.dirname, 'reportCharts.json'), `${JSON.stringify({ report, sections }, null, 1)}\n`);
});
