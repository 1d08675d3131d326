/**
 * Plain-SVG charts for the notebook reports (no dependency): line charts, bar charts, scatter plots and
 * histograms, each returned as an SVG string with axes, ticks, labels and a legend.
 */

export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
  color?: string;
  dashed?: boolean;
}

export interface ChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
  /** format x tick values (default: the number) */
  xFormat?: (x: number) => string;
  yMin?: number;
}

const PALETTE = ['#4269d0', '#ff725c', '#3ca951', '#efb118', '#a463f2', '#97bbf5', '#9c6b4e', '#6cc5b0'];
const M = { top: 30, right: 200, bottom: 42, left: 56 };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (x: number): string =>
  Math.abs(x) >= 1000 || Number.isInteger(x) ? String(Math.round(x)) : x.toPrecision(2);

/** About five round tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function frame(
  o: ChartOptions,
  xs: number[],
  ys: number[],
  body: (sx: (x: number) => number, sy: (y: number) => number) => string,
  legend: { name: string; color: string }[],
): string {
  const W = o.width ?? 640;
  const H = o.height ?? 300;
  const finite = (a: number[]) => a.filter((v) => Number.isFinite(v));
  const fx = finite(xs);
  const fy = finite(ys);
  let x0 = Math.min(...fx);
  let x1 = Math.max(...fx);
  let y0 = o.yMin ?? Math.min(0, ...fy);
  let y1 = Math.max(...fy);
  if (!Number.isFinite(x0)) [x0, x1] = [0, 1];
  if (!Number.isFinite(y1)) [y0, y1] = [0, 1];
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) y1 = y0 + 1;
  const sx = (x: number) => M.left + ((x - x0) / (x1 - x0)) * (W - M.left - M.right);
  const sy = (y: number) => H - M.bottom - ((y - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const fmt = o.xFormat ?? num;
  const xt = ticks(x0, x1)
    .map(
      (t) =>
        `<line x1="${sx(t)}" x2="${sx(t)}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}" stroke="#555"/><text x="${sx(t)}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(fmt(t))}</text>`,
    )
    .join('');
  const yt = ticks(y0, y1)
    .map(
      (t) =>
        `<line x1="${M.left - 4}" x2="${W - M.right}" y1="${sy(t)}" y2="${sy(t)}" stroke="#eee"/><text x="${M.left - 7}" y="${sy(t) + 4}" text-anchor="end">${num(t)}</text>`,
    )
    .join('');
  const leg = legend
    .map(
      (l, i) =>
        `<rect x="${W - M.right + 12}" y="${M.top + i * 18 - 9}" width="12" height="12" fill="${l.color}"/><text x="${W - M.right + 30}" y="${M.top + i * 18 + 1}">${esc(l.name.length > 30 ? `${l.name.slice(0, 29)}…` : l.name)}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="11">`,
    o.title ? `<text x="${M.left}" y="16" font-size="13" font-weight="600">${esc(o.title)}</text>` : '',
    yt,
    `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#555"/>`,
    xt,
    body(sx, sy),
    o.xLabel ? `<text x="${(M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle">${esc(o.xLabel)}</text>` : '',
    o.yLabel
      ? `<text transform="translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`
      : '',
    leg,
    '</svg>',
  ].join('');
}

type Scale = (v: number) => number;

/** Axes, legend and one drawing per series (its colour from the series or the palette). */
function seriesChart(
  series: readonly Series[],
  o: ChartOptions,
  draw: (s: Series, color: string, sx: Scale, sy: Scale) => string,
): string {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const colors = series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length]);
  return frame(
    o,
    xs,
    ys,
    (sx, sy) => series.map((s, i) => draw(s, colors[i], sx, sy)).join(''),
    series.map((s, i) => ({ name: s.name, color: colors[i] })),
  );
}

/** Lines through each series' points (NaN y values break the line). */
export function lineChart(series: readonly Series[], o: ChartOptions = {}): string {
  return seriesChart(series, o, (s, color, sx, sy) => {
    let d = '';
    let pen = false;
    for (const [x, y] of s.points) {
      if (!Number.isFinite(y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
      pen = true;
    }
    return `<path d="${d}" fill="none" stroke="${color}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`;
  });
}

/** Points of each series as dots. */
export function scatterChart(series: readonly Series[], o: ChartOptions = {}): string {
  return seriesChart(series, o, (s, color, sx, sy) =>
    s.points
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
      .map(
        ([x, y]) =>
          `<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="2.2" fill="${color}" fill-opacity="0.6"/>`,
      )
      .join(''),
  );
}

/** Horizontal bars, one per label (groups of values become side-by-side bars with a legend). */
export function barChart(
  labels: readonly string[],
  groups: readonly { name: string; values: readonly number[] }[],
  o: ChartOptions = {},
): string {
  const W = o.width ?? 640;
  const barH = 14;
  const left = Math.min(340, 16 + 7 * Math.max(1, ...labels.map((l) => l.length)));
  const H = o.height ?? 40 + labels.length * (barH * groups.length + 6) + 20;
  const max = Math.max(1e-9, ...groups.flatMap((g) => g.values.map((v) => (Number.isFinite(v) ? Math.abs(v) : 0))));
  const min = Math.min(0, ...groups.flatMap((g) => g.values.filter((v) => Number.isFinite(v))));
  const span = max - min || 1;
  const sx = (v: number) => left + ((v - min) / span) * (W - left - (groups.length > 1 ? 240 : 80));
  let body = '';
  labels.forEach((label, i) => {
    const y0 = 34 + i * (barH * groups.length + 6);
    body += `<text x="${left - 6}" y="${y0 + (barH * groups.length) / 2 + 4}" text-anchor="end">${esc(label)}</text>`;
    groups.forEach((g, k) => {
      const v = g.values[i];
      if (!Number.isFinite(v)) return;
      const a = sx(Math.min(0, v));
      const b = sx(Math.max(0, v));
      body += `<rect x="${a}" y="${y0 + k * barH}" width="${Math.max(0.5, b - a)}" height="${barH - 2}" fill="${PALETTE[k % PALETTE.length]}"/><text x="${b + 4}" y="${y0 + k * barH + barH - 4}">${num(v)}</text>`;
    });
  });
  const legend =
    groups.length > 1
      ? groups
          .map(
            (g, k) =>
              `<rect x="${W - 150}" y="${20 + k * 18}" width="12" height="12" fill="${PALETTE[k % PALETTE.length]}"/><text x="${W - 132}" y="${30 + k * 18}">${esc(g.name)}</text>`,
          )
          .join('')
      : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="11">${o.title ? `<text x="8" y="16" font-size="13" font-weight="600">${esc(o.title)}</text>` : ''}<line x1="${sx(0)}" x2="${sx(0)}" y1="26" y2="${H - 10}" stroke="#999"/>${body}${legend}</svg>`;
}

/** Histogram of `values` (NaN ignored) in `bins` equal bins, one series per group. */
export function histogram(
  groups: readonly { name: string; values: readonly number[] }[],
  bins: number,
  o: ChartOptions = {},
): string {
  const all = groups.flatMap((g) => g.values.filter((v) => Number.isFinite(v)));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const width = (hi - lo) / bins || 1;
  const series: Series[] = groups.map((g) => {
    const counts = new Array<number>(bins).fill(0);
    for (const v of g.values) if (Number.isFinite(v)) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
    const points: [number, number][] = [];
    counts.forEach((c, i) => points.push([lo + i * width, c], [lo + (i + 1) * width, c]));
    return { name: g.name, points };
  });
  return lineChart(series, { yLabel: 'count', ...o });
}
