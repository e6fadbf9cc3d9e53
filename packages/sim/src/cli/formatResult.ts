/**
 * How the CLI prints a run: a summary, the violations and the refused actions.
 * @packageDocumentation
 */
import { formatDuration } from '@kubesim/core';
import type { Violation } from '../invariants/types.js';
import type { ScenarioResult } from '../scenario/index.js';

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
    const key = to.includes('/') ? to : serviceKeyOf(to);
    const total = result.sim.metrics.outcomes(key).total;
    lines.push(
      `requests to ${to}: ${total.ok} ok, ${total.timeout} timeout, ${total.refused} refused, ${total.nxdomain} nxdomain`,
    );
  }
  return lines;
}

/** `web` → `default/web`, `web.shop:80` → `shop/web`. */
function serviceKeyOf(to: string): string {
  const host = to.split(':')[0] ?? to;
  const [name = host, namespace = 'default'] = host.split('.');
  return `${namespace}/${name}`;
}
