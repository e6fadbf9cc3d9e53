/**
 * The HTML timeline report: one static file, inline CSS and SVG, nothing fetched.
 * @packageDocumentation
 */
import { parseDuration } from '@kubesim/core';
import type { Violation } from '../invariants/types.js';
import type { Scenario } from '../scenario/types.js';
import type { Simulation } from '../simulation/types.js';
import { analyzeTrace } from './analyzeTrace.js';
import { entryPathTable, entryPathsOf, externalWindowsLine, windowLanes } from './entryPaths.js';
import { clock, count, esc } from './html.js';
import { laneChart } from './laneChart.js';
import {
  eventListSection,
  laneLegend,
  outcomeLegend,
  readyLegend,
  summarySection,
  violationsSection,
  windowLegend,
} from './sections.js';
import { HTTP_OUTCOMES, outcomeKinds, outcomesChart, readyChart } from './serviceCharts.js';
import { STYLES } from './styles.js';
import { timeScale } from './timeScale.js';

/** What {@link renderReport} draws. */
export interface ReportInput {
  /** The simulation after its run: its trace, metrics and objects. */
  readonly sim: Pick<Simulation, 'now' | 'seed' | 'trace' | 'metrics' | 'list'>;
  /** The scenario that produced the run; its name and horizon are shown. */
  readonly scenario?: Scenario;
  /** Invariant violations to list. */
  readonly violations?: readonly Violation[];
  /** @defaultValue the scenario's name, else `kubesim run` */
  readonly title?: string;
  /**
   * Service keys (`namespace/name`) to chart.
   * @defaultValue every Service with a selector except `default/kubernetes`
   */
  readonly services?: readonly string[];
  /**
   * At most this many rows in the event list; the rest is counted.
   * @defaultValue 2000
   */
  readonly maxEvents?: number;
}

/** Default cap of the event list. */
export const DEFAULT_MAX_EVENTS = 2000;

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function defaultServices(sim: ReportInput['sim']): string[] {
  return sim
    .list('Service')
    .filter((s) => Object.keys(s.spec.selector ?? {}).length > 0)
    .map((s) => `${s.metadata.namespace}/${s.metadata.name}`)
    .filter((k) => k !== 'default/kubernetes')
    .sort(byKey);
}

function horizonOf(input: ReportInput): number {
  let h = input.sim.now;
  if (input.scenario !== undefined) {
    try {
      h = Math.max(h, parseDuration(input.scenario.horizon));
    } catch {
      // An unreadable horizon was already refused by runScenario; fall back to the clock.
    }
  }
  return h;
}

/**
 * Renders a run as one self-contained HTML page: a summary (seed, trace hash, horizon, counts,
 * violations), per Service a ready-endpoints step chart and a stacked request-outcomes chart with
 * black-hole windows shaded, node swim lanes (Ready / NotReady / Unknown, cordoned, down,
 * partitioned), fault markers on every chart, the violations and an event list (capped at
 * `maxEvents` rows, saying so). Every text is escaped; the output depends only on the run, so two
 * identical runs render byte-identical pages.
 *
 * A Service reached from outside (a cloud load balancer, the ingress controller) also shows its
 * black-hole windows by entry path beside the in-cluster ones: a line, one lane per path on the
 * shared time axis, and a table of each path's requests and windows; its outcomes chart stacks the
 * ingress controller's HTTP errors when there were any.
 *
 * Main elements carry `data-testid`: `summary`, `trace-hash`, `chart-ready-<svc>`,
 * `chart-outcomes-<svc>`, `lanes-nodes`, `fault-marker`, `violations`, `event-list`, and for
 * Services reached from outside `external-windows`, `chart-windows-<svc>`, `entry-paths-<svc>`.
 *
 * @example writeFileSync('run.html', renderReport({ sim, violations }))
 */
export function renderReport(input: ReportInput): string {
  const { sim } = input;
  const violations = input.violations ?? [];
  const horizon = horizonOf(input);
  const scale = timeScale(horizon);
  const entries = sim.trace.entries;
  const analysis = analyzeTrace(entries, scale.horizon, input.maxEvents ?? DEFAULT_MAX_EVENTS);
  const services = [...(input.services ?? defaultServices(sim))];
  const title = input.title ?? input.scenario?.name ?? 'kubesim run';

  const totals = {
    ok: 0,
    refused: 0,
    timeout: 0,
    nxdomain: 0,
    http_404: 0,
    http_502: 0,
    http_503: 0,
    http_504: 0,
  };
  let windows = 0;
  const nodeNames = new Map<string, string>();
  for (const n of sim.list('Node')) {
    for (const a of n.status.addresses ?? []) nodeNames.set(a.address, n.metadata.name);
  }
  const serviceBlocks = services.map((svc) => {
    const outcomes = sim.metrics.outcomes(svc);
    const holes = sim.metrics.blackHoleWindows(svc);
    const paths = entryPathsOf(sim.metrics, svc);
    windows += holes.length;
    for (const p of paths) if (p.via !== 'cluster') windows += p.windows.length;
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += outcomes.total[k];
    const t = outcomes.total;
    const http = HTTP_OUTCOMES.filter((k) => t[k] > 0)
      .map((k) => ` · ${count(t[k])} ${k}`)
      .join('');
    const line = `${count(t.ok)} ok · ${count(t.refused)} refused · ${count(t.timeout)} timeout · ${count(t.nxdomain)} nxdomain${http} · ${count(holes.length)} black-hole window${holes.length === 1 ? '' : 's'}${paths.length > 0 ? ' in-cluster' : ''}`;
    const external =
      paths.length === 0
        ? ''
        : externalWindowsLine(paths) +
          `<h3>Black-hole windows by entry path</h3>${windowLegend(paths)}` +
          windowLanes(svc, paths, analysis.faults, scale, nodeNames) +
          entryPathTable(svc, paths);
    return (
      `<section class="card service" data-service="${esc(svc)}"><h2 style="margin-top:0">Service <code>${esc(svc)}</code></h2>` +
      `<p class="note">${esc(line)}</p>` +
      external +
      `<h3>Ready endpoints</h3>${readyLegend()}${readyChart(svc, sim.metrics.readyEndpoints(svc), holes, analysis.faults, scale)}` +
      `<h3>Request outcomes${paths.length > 0 ? ' (every entry path)' : ''}</h3>${outcomeLegend(outcomeKinds(outcomes))}${outcomesChart(svc, outcomes, holes, analysis.faults, scale)}</section>`
    );
  });
  const httpTotals = HTTP_OUTCOMES.filter((k) => totals[k] > 0)
    .map((k) => ` / ${count(totals[k])} ${k}`)
    .join('');

  const summary = summarySection([
    { label: 'Scenario', value: input.scenario?.name ?? '—' },
    { label: 'Seed', value: sim.seed, testid: 'seed' },
    { label: 'Trace hash', value: sim.trace.hash(), testid: 'trace-hash' },
    { label: 'Horizon', value: clock(horizon), testid: 'horizon' },
    { label: 'Trace entries', value: count(entries.length) },
    { label: 'Nodes', value: count(analysis.lanes.length) },
    { label: 'Pods at end', value: count(sim.list('Pod').length) },
    { label: 'Services charted', value: count(services.length) },
    { label: 'Faults', value: count(analysis.faults.length) },
    {
      label: 'Requests',
      value: `${count(totals.ok)} ok / ${count(totals.refused)} refused / ${count(totals.timeout)} timeout / ${count(totals.nxdomain)} nxdomain${httpTotals}`,
    },
    { label: 'Black-hole windows', value: count(windows) },
    { label: 'Violations', value: count(violations.length), testid: 'violation-count' },
  ]);

  const lanes =
    `<section class="card"><h2 style="margin-top:0">Nodes</h2>${laneLegend()}` +
    laneChart(analysis.lanes, analysis.faults, scale) +
    `</section>`;

  const noServices =
    services.length === 0
      ? `<section class="card"><p class="note">No Service with a selector to chart.</p></section>`
      : '';

  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)} — kubesim report</title><style>${STYLES}</style></head>` +
    `<body><main><h1>${esc(title)}</h1>` +
    `<p class="sub">kubesim timeline report · virtual time 00:00.000 → ${clock(horizon)}</p>` +
    summary +
    violationsSection(violations) +
    lanes +
    serviceBlocks.join('') +
    noServices +
    eventListSection(analysis.rows, analysis.interesting, entries.length) +
    `</main></body></html>\n`
  );
}
