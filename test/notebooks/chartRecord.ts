/**
 * What a report chart shows, independent of how it is drawn: its kind, title and data series (name, style, points),
 * so a report drawn by one chart system can be compared with the same report drawn by another.
 */

export interface SeriesRecord {
  name: string;
  dashed?: boolean;
  /** (x, y) points; bar charts use the bar label as x, histograms list their raw values with x = null */
  points: (readonly [number | string | null, number | null])[];
}

export interface ChartRecord {
  kind: 'line' | 'scatter' | 'bar' | 'histogram';
  title: string | null;
  xLabel: string | null;
  yLabel: string | null;
  /** histograms: the number of bins */
  bins?: number;
  series: SeriesRecord[];
}

/** NaN and infinities become null (as in JSON), so records round-trip through a JSON fixture unchanged. */
export const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
