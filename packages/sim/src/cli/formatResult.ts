/**
 * How the CLI prints a run: a summary, the violations and the refused actions.
 * @packageDocumentation
 */
import { serviceKeyOfTarget } from '../traffic/traffic.js';
import { formatDuration } from '@kubesim/core';
import type { Violation } from '../invariants/types.js';
import type { ScenarioResult } from '../scenario/index.js';
import { formatBlackHoleWindows } from './demoTimeline.js';

/** One violation: `[1m55s] invariant: message (subjects)`. */
export function formatViolation(v: Violation): string {
  const subjects =
    v.subjects !== undefined && v.subjects.length > 0 ? ` (${v.subjects.join(', ')})` : '';
  return `  [${formatDuration(v.t)}] ${v.invariant}: ${v.message}${subjects}`;
}

/** The violations block, or nothing. */
export function formatViolations(violations: readonly Violation[]): string[] {
  if (violations.length === 0) return [];
  const n = violations.length;
  return [`${n} invariant violation${n === 1 ? '' : 's'}:`, ...violations.map(formatViolation)];
}

/** What a run did, in a few lines. */
export function formatSummary(result: ScenarioResult, wallMs: number): string[] {
  const s = result.scenario;
  const name = s.name === undefined ? '' : ` "${s.name}"`;
  const lines = [
    `scenario${name}: seed ${result.seed}, ran ${formatDuration(result.sim.now)} of virtual time in ${(wallMs / 1000).toFixed(2)} s (kubesim ${result.version})`,
    `trace hash ${result.hash} (${result.sim.stats().traceEntries} entries)`,
  ];
  for (const e of result.actionErrors) {
    lines.push(`  refused at ${formatDuration(e.t)}: ${e.source} ${e.type}: ${e.message}`);
  }
  const targets = [...new Set((s.traffic ?? []).map((t) => t.to))];
  for (const to of targets) {
    const label = typeof to === 'string' ? to : `load balancer of ${to.loadBalancer}`;
    const key =
      typeof to !== 'string' || /^https?:\/\//i.test(to) || !to.includes('/')
        ? serviceKeyOfTarget(to, 'default')
        : to;
    const via =
      typeof to !== 'string' ? 'loadBalancer' : /^https?:\/\//i.test(to) ? 'ingress' : 'cluster';
    const total = result.sim.metrics.outcomes(key, { via }).total;
    const http = (['http_404', 'http_502', 'http_503', 'http_504'] as const)
      .filter((f) => total[f] > 0)
      .map((f) => `, ${total[f]} ${f}`)
      .join('');
    lines.push(
      `requests to ${label}: ${total.ok} ok, ${total.timeout} timeout, ${total.refused} refused, ${total.nxdomain} nxdomain${http}`,
    );
  }
  return lines;
}

/**
 * The black-hole windows per entry path (in-cluster, via the load balancer, via the Ingress) of
 * each Service the run's traffic targeted by name or load balancer, then of every other Service
 * with a window (an Ingress backend, the ingress controller's own Service), in key order.
 */
export function formatWindows(result: ScenarioResult): string[] {
  const keys = new Set<string>();
  for (const t of result.scenario.traffic ?? []) {
    const to = t.to;
    if (typeof to === 'string' && /^https?:\/\//i.test(to)) continue;
    const key = typeof to === 'string' && to.includes('/') ? to : serviceKeyOfTarget(to, 'default');
    if (result.sim.get('Service', key) !== undefined) keys.add(key);
  }
  const metrics = result.sim.metrics;
  const others = result.sim
    .list('Service')
    .map((svc) => `${svc.metadata.namespace}/${svc.metadata.name}`)
    .filter((key) =>
      (['cluster', 'loadBalancer', 'ingress'] as const).some(
        (via) => metrics.blackHoleWindows(key, { via }).length > 0,
      ),
    )
    .sort();
  for (const key of others) keys.add(key);
  return [...keys].flatMap((key) => formatBlackHoleWindows(result, key));
}
