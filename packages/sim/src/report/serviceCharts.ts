/**
 * The two charts of a Service: ready endpoints over time (a step line) and request outcomes per
 * time bin (stacked bars), both with black-hole windows shaded and fault markers.
 * @packageDocumentation
 */
import type { OutcomeSeries, Series, Window } from '../traffic/metrics.js';
import type { FaultMark } from './analyzeTrace.js';
import { esc, px } from './html.js';
import {
  CHART_WIDTH,
  PLOT_LEFT,
  PLOT_RIGHT,
  faultMarkers,
  scaleAttrs,
  timeAxis,
  type TimeScale,
} from './timeScale.js';

/** The outcome kinds every outcomes chart stacks, bottom first. */
export const OUTCOMES = ['ok', 'refused', 'timeout', 'nxdomain'] as const;
/** The ingress controller's HTTP errors, stacked above the others when a run had them. */
export const HTTP_OUTCOMES = ['http_404', 'http_502', 'http_503', 'http_504'] as const;

/** An outcome kind of the chart. */
export type OutcomeKind = (typeof OUTCOMES)[number] | (typeof HTTP_OUTCOMES)[number];

/** The kinds to stack for `series`: the four TCP-level ones, then each HTTP error it recorded. */
export function outcomeKinds(series: OutcomeSeries): OutcomeKind[] {
  return [...OUTCOMES, ...HTTP_OUTCOMES.filter((k) => series.total[k] > 0)];
}
/** At most this many bars; finer metric buckets are summed into bins. */
export const MAX_BINS = 240;

const TOP = 34;

function yAxis(max: number, y: (v: number) => number, label: string): string {
  const step = Math.max(1, Math.ceil(max / 5));
  let out = '';
  for (let v = 0; v <= max; v += step) {
    const yy = px(y(v));
    out +=
      `<line class="grid" x1="${PLOT_LEFT}" x2="${PLOT_RIGHT}" y1="${yy}" y2="${yy}"/>` +
      `<text class="tick" x="${PLOT_LEFT - 6}" y="${px(y(v) + 4)}" text-anchor="end">${v}</text>`;
  }
  return `${out}<text class="axis-label" x="14" y="${TOP - 14}">${esc(label)}</text>`;
}

function blackHoles(scale: TimeScale, windows: readonly Window[], top: number, bottom: number) {
  return windows
    .map((w) => {
      const x0 = scale.x(w.start);
      const x1 = scale.x(w.end ?? scale.horizon);
      const end = w.end === undefined ? 'still open' : `${w.end} ms`;
      return (
        `<rect class="blackhole" data-series="blackhole" x="${px(x0)}" y="${top}" width="${px(Math.max(1, x1 - x0))}" height="${bottom - top}">` +
        `<title>black hole ${esc(w.ip)}${w.podKey === undefined ? '' : ` (${esc(w.podKey)})`}: ${w.start} ms → ${end}</title></rect>`
      );
    })
    .join('');
}

/** The ready-endpoints step chart (`data-testid="chart-ready-<svc>"`). */
export function readyChart(
  svc: string,
  series: Series,
  windows: readonly Window[],
  faults: readonly FaultMark[],
  scale: TimeScale,
): string {
  const height = 190;
  const bottom = height - 28;
  const max = Math.max(1, ...series.map((p) => p.value));
  const y = (v: number): number => bottom - (v / max) * (bottom - TOP);
  let path = '';
  if (series.length > 0) {
    const first = series[0];
    path = `M${px(scale.x(first?.t ?? 0))} ${px(y(first?.value ?? 0))}`;
    for (const p of series.slice(1)) path += `H${px(scale.x(p.t))}V${px(y(p.value))}`;
    path += `H${px(scale.x(scale.horizon))}`;
  }
  const line =
    path === ''
      ? `<text class="empty" x="${(PLOT_LEFT + PLOT_RIGHT) / 2}" y="${(TOP + bottom) / 2}" text-anchor="middle">no endpoint changes recorded</text>`
      : `<path class="series ready" data-series="ready" d="${path}"/>`;
  return (
    `<svg class="chart" data-testid="chart-ready-${esc(svc)}" ${scaleAttrs(scale)} viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" role="img" aria-label="ready endpoints of ${esc(svc)}">` +
    blackHoles(scale, windows, TOP, bottom) +
    yAxis(max, y, 'ready endpoints') +
    timeAxis(scale, TOP, bottom) +
    line +
    faultMarkers(scale, faults, TOP, bottom) +
    `</svg>`
  );
}

type Bin = Record<OutcomeKind, number> & { t: number };

const ALL_KINDS: readonly OutcomeKind[] = [...OUTCOMES, ...HTTP_OUTCOMES];

/** Sums metric buckets into at most {@link MAX_BINS} bins of equal width. */
export function binOutcomes(
  series: OutcomeSeries,
  horizon: number,
): { binMs: number; bins: Bin[] } {
  const base = Math.max(1, series.bucketMs);
  const factor = Math.max(1, Math.ceil(horizon / base / MAX_BINS));
  const binMs = base * factor;
  const bins: Bin[] = [];
  for (const b of series.buckets) {
    const t = b.t - (b.t % binMs);
    let bin = bins[bins.length - 1];
    if (bin?.t !== t) {
      bin = {
        t,
        ok: 0,
        refused: 0,
        timeout: 0,
        nxdomain: 0,
        http_404: 0,
        http_502: 0,
        http_503: 0,
        http_504: 0,
      };
      bins.push(bin);
    }
    for (const o of ALL_KINDS) bin[o] += b[o];
  }
  return { binMs, bins };
}

/** The request-outcomes stacked bar chart (`data-testid="chart-outcomes-<svc>"`). */
export function outcomesChart(
  svc: string,
  series: OutcomeSeries,
  windows: readonly Window[],
  faults: readonly FaultMark[],
  scale: TimeScale,
): string {
  const height = 210;
  const bottom = height - 28;
  const { binMs, bins } = binOutcomes(series, scale.horizon);
  const kinds = outcomeKinds(series);
  const max = Math.max(1, ...bins.map((b) => kinds.reduce((n, k) => n + b[k], 0)));
  const y = (v: number): number => bottom - (v / max) * (bottom - TOP);
  const groups = kinds
    .map((o) => {
      const rects = bins
        .filter((b) => b[o] > 0)
        .map((b) => {
          const below = kinds.slice(0, kinds.indexOf(o)).reduce((n, k) => n + b[k], 0);
          const x0 = scale.x(b.t);
          const w = Math.max(0.6, scale.x(b.t + binMs) - x0 - 0.4);
          const yTop = y(below + b[o]);
          return `<rect x="${px(x0)}" y="${px(yTop)}" width="${px(w)}" height="${px(y(below) - yTop)}"><title>${esc(o)}: ${b[o]} in [${b.t}, ${b.t + binMs}) ms</title></rect>`;
        })
        .join('');
      return `<g class="bars bar-${o}" data-series="${o}">${rects}</g>`;
    })
    .join('');
  const empty =
    bins.length === 0
      ? `<text class="empty" x="${(PLOT_LEFT + PLOT_RIGHT) / 2}" y="${(TOP + bottom) / 2}" text-anchor="middle">no requests recorded</text>`
      : '';
  const unit = binMs >= 1000 ? `${binMs / 1000} s` : `${binMs} ms`;
  return (
    `<svg class="chart" data-testid="chart-outcomes-${esc(svc)}" ${scaleAttrs(scale)} data-bin-ms="${binMs}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" role="img" aria-label="request outcomes of ${esc(svc)}">` +
    blackHoles(scale, windows, TOP, bottom) +
    yAxis(max, y, `requests per ${unit}`) +
    timeAxis(scale, TOP, bottom) +
    groups +
    empty +
    faultMarkers(scale, faults, TOP, bottom) +
    `</svg>`
  );
}
