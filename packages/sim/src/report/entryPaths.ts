/**
 * The external windows beside the in-cluster ones: for a Service reached from outside (through a
 * cloud load balancer or the ingress controller), one lane per entry path with its black-hole
 * windows on the shared time axis, and a table of each path's requests and windows.
 * @packageDocumentation
 */
import type { EntryPathName, Metrics, OutcomeCounts, Window } from '../traffic/metrics.js';
import type { FaultMark } from './analyzeTrace.js';
import { clock, count, esc, px, shortDuration } from './html.js';
import {
  CHART_WIDTH,
  PLOT_LEFT,
  faultMarkers,
  scaleAttrs,
  timeAxis,
  type TimeScale,
} from './timeScale.js';

/** The entry paths, in the order the report shows them. */
export const ENTRY_PATHS: readonly { readonly via: EntryPathName; readonly label: string }[] = [
  { via: 'cluster', label: 'in-cluster' },
  { via: 'loadBalancer', label: 'via load balancer' },
  { via: 'ingress', label: 'via Ingress' },
];

/** What one entry path of a Service saw. */
export interface EntryPathView {
  readonly via: EntryPathName;
  readonly label: string;
  readonly windows: readonly Window[];
  readonly total: OutcomeCounts;
  /** Requests sent this way (every outcome). */
  readonly requests: number;
}

const FAILURES = [
  'refused',
  'timeout',
  'nxdomain',
  'http_404',
  'http_502',
  'http_503',
  'http_504',
] as const;

const sum = (c: OutcomeCounts): number => c.ok + FAILURES.reduce((n, f) => n + c[f], 0);

/**
 * The entry paths of `svc` the run used: the in-cluster one, then each outside path that had
 * requests or windows. Empty when nothing came from outside, so reports of in-cluster runs are
 * unchanged.
 */
export function entryPathsOf(metrics: Metrics, svc: string): EntryPathView[] {
  const views = ENTRY_PATHS.map(({ via, label }) => {
    const total = metrics.outcomes(svc, { via }).total;
    return {
      via,
      label,
      windows: metrics.blackHoleWindows(svc, { via }),
      total,
      requests: sum(total),
    };
  });
  const outside = views.filter(
    (v) => v.via !== 'cluster' && (v.requests > 0 || v.windows.length > 0),
  );
  if (outside.length === 0) return [];
  return views.filter((v) => v.via === 'cluster' || outside.includes(v));
}

function spanText(ws: readonly Window[]): string {
  return ws.length === 0
    ? 'none'
    : ws
        .map((w) => `${clock(w.start)} → ${w.end === undefined ? 'open' : clock(w.end)}`)
        .join(', ');
}

/**
 * One line: `Black-hole windows: in-cluster: … · via load balancer: … · via Ingress: …`
 * (`data-testid="external-windows"`).
 */
export function externalWindowsLine(paths: readonly EntryPathView[]): string {
  if (paths.length === 0) return '';
  const text = paths.map((p) => `${p.label}: ${spanText(p.windows)}`).join(' · ');
  return `<p class="note" data-testid="external-windows">Black-hole windows: ${esc(text)}</p>`;
}

const TOP = 34;
const ROW = 34;
const BAR = 14;

/**
 * The windows of each entry path as lanes on the shared time axis
 * (`data-testid="chart-windows-<svc>"`, one `g[data-via]` per path). A load balancer's window is
 * a node's: `nodeNames` names it by its address.
 */
export function windowLanes(
  svc: string,
  paths: readonly EntryPathView[],
  faults: readonly FaultMark[],
  scale: TimeScale,
  nodeNames: ReadonlyMap<string, string> = new Map(),
): string {
  if (paths.length === 0) return '';
  const bottom = TOP + paths.length * ROW;
  const height = bottom + 28;
  const rows = paths
    .map((p, i) => {
      const y = TOP + i * ROW;
      // The label sits in the lane above its bars: entry-path names are wider than the margin.
      const name = `<text class="lane-name" x="${PLOT_LEFT + 4}" y="${y + 11}">${esc(p.label)}</text>`;
      // Windows of one path often coincide (a zone's nodes, its pods): stack them thinly.
      const n = Math.max(1, p.windows.length);
      const h = Math.max(3, Math.floor(BAR / n));
      const bars = p.windows
        .map((w, k) => {
          const x0 = scale.x(w.start);
          const x1 = scale.x(w.end ?? scale.horizon);
          const end = w.end === undefined ? 'still open' : clock(w.end);
          const length = w.end === undefined ? '' : ` (${shortDuration(w.end - w.start)})`;
          const name = w.podKey ?? nodeNames.get(w.ip);
          const who = name === undefined ? w.ip : `${name} (${w.ip})`;
          return (
            `<rect class="window window-${p.via}" x="${px(x0)}" y="${y + 15 + ((k * h) % BAR)}" width="${px(Math.max(1, x1 - x0))}" height="${h}">` +
            `<title>${esc(`${p.label}: ${who} ${clock(w.start)} → ${end}${length}`)}</title></rect>`
          );
        })
        .join('');
      return `<g class="lane-row" data-via="${p.via}" data-windows="${p.windows.length}">${name}${bars}</g>`;
    })
    .join('');
  return (
    `<svg class="chart" data-testid="chart-windows-${esc(svc)}" ${scaleAttrs(scale)} viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" role="img" aria-label="black-hole windows of ${esc(svc)} by entry path">` +
    timeAxis(scale, TOP, bottom) +
    rows +
    faultMarkers(scale, faults, TOP, bottom) +
    `</svg>`
  );
}

/** Requests and windows per entry path (`data-testid="entry-paths-<svc>"`). */
export function entryPathTable(svc: string, paths: readonly EntryPathView[]): string {
  if (paths.length === 0) return '';
  const rows = paths
    .map((p) => {
      const failed = FAILURES.filter((f) => p.total[f] > 0)
        .map((f) => `${count(p.total[f])} ${f}`)
        .join(', ');
      const longest = Math.max(
        0,
        ...p.windows.filter((w) => w.end !== undefined).map((w) => (w.end ?? 0) - w.start),
      );
      const open = p.windows.filter((w) => w.end === undefined).length;
      const windows =
        p.windows.length === 0
          ? 'none'
          : `${count(p.windows.length)}, longest ${shortDuration(longest)}${open > 0 ? `, ${count(open)} still open` : ''}`;
      return (
        `<tr data-via="${p.via}"><td>${esc(p.label)}</td><td>${count(p.requests)}</td>` +
        `<td>${count(p.total.ok)}</td><td>${esc(failed === '' ? 'none' : failed)}</td><td>${esc(windows)}</td></tr>`
      );
    })
    .join('');
  return (
    `<table data-testid="entry-paths-${esc(svc)}"><thead><tr><th>entry path</th><th>requests</th><th>ok</th>` +
    `<th>failed</th><th>black-hole windows</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}
