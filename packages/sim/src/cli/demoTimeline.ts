/**
 * The node-failure demo's timeline, read from a run's trace and metrics.
 * @packageDocumentation
 */
import { formatDuration } from '@kubesim/core';
import type { ScenarioResult } from '../scenario/index.js';
import type { TraceEntry } from '../world/trace.js';

/** One moment of the timeline. */
export interface TimelineEvent {
  readonly t: number;
  readonly what: string;
}

const patchText = (e: TraceEntry): string => JSON.stringify(e.patches ?? []);

function firstAfter(
  entries: readonly TraceEntry[],
  t: number,
  match: (e: TraceEntry) => boolean,
): TraceEntry | undefined {
  return entries.find((e) => e.t >= t && match(e));
}

/**
 * What happened after `node` lost power, for `service`: the crash, the node going NotReady and
 * its endpoints with it, the NoExecute taint, the evictions, and the replacements becoming Ready.
 * Events the run did not reach are left out.
 */
export function crashTimeline(
  result: ScenarioResult,
  node: string,
  service: string,
): TimelineEvent[] {
  const entries = result.trace.entries;
  const crash = entries.find((e) => e.type === 'CrashNode' && e.detail?.node === node);
  if (crash === undefined) return [];
  const events: TimelineEvent[] = [{ t: crash.t, what: `${node} loses power (crashNode)` }];
  const isNode = (e: TraceEntry): boolean =>
    e.kind === 'Node' && e.key === node && e.type === 'MODIFIED';
  const notReady = firstAfter(
    entries,
    crash.t,
    (e) => isNode(e) && patchText(e).includes('NodeStatusUnknown'),
  );
  if (notReady !== undefined) {
    events.push({
      t: notReady.t,
      what: `${node} NotReady: no heartbeat for ${formatDuration(notReady.t - crash.t)} (node-monitor grace period)`,
    });
  }
  const series = result.sim.metrics.readyEndpoints(service);
  const before = [...series].reverse().find((p) => p.t < crash.t)?.value ?? 0;
  const drop = series.find((p) => p.t >= crash.t && p.value < before);
  if (drop !== undefined) {
    events.push({
      t: drop.t,
      what: `endpoints not ready: ${service} has ${drop.value} of ${before} ready`,
    });
  }
  const taint = firstAfter(
    entries,
    crash.t,
    (e) =>
      isNode(e) &&
      patchText(e).includes('node.kubernetes.io/unreachable') &&
      patchText(e).includes('NoExecute'),
  );
  if (taint !== undefined) {
    events.push({ t: taint.t, what: `taint node.kubernetes.io/unreachable:NoExecute on ${node}` });
  }
  const evictions = entries.filter(
    (e) =>
      e.t >= crash.t &&
      e.kind === 'Pod' &&
      e.type === 'MODIFIED' &&
      e.cause === 'taint-eviction-controller' &&
      patchText(e).includes('deletionTimestamp'),
  );
  for (const e of evictions) {
    events.push({
      t: e.t,
      what: `${e.key ?? 'a pod'} evicted (its not-ready/unreachable toleration ran out)`,
    });
  }
  const lastEviction = evictions.at(-1);
  if (lastEviction !== undefined) {
    const back = series.find((p) => p.t >= lastEviction.t && p.value >= before);
    if (back !== undefined) {
      events.push({
        t: back.t,
        what: `replacements Ready: ${service} has ${back.value} ready endpoints again`,
      });
    }
  }
  return events.sort((a, b) => a.t - b.t);
}

/** The timeline, the black-hole windows and the request outcomes as printed lines. */
export function formatCrashTimeline(
  result: ScenarioResult,
  node: string,
  service: string,
): string[] {
  const lines = crashTimeline(result, node, service).map(
    (e) => `  ${formatDuration(e.t).padStart(7)}  ${e.what}`,
  );
  for (const w of result.sim.metrics.blackHoleWindows(service)) {
    const end =
      w.end === undefined
        ? 'still open'
        : `${formatDuration(w.end)} (${formatDuration(w.end - w.start)})`;
    lines.push(`black-hole window of ${w.podKey ?? w.ip}: ${formatDuration(w.start)} → ${end}`);
  }
  const outcomes = result.sim.metrics.outcomes(service);
  const total = outcomes.total;
  lines.push(
    `requests: ${total.ok} ok, ${total.timeout} timeout, ${total.refused} refused, ${total.nxdomain} nxdomain`,
  );
  const failing = outcomes.buckets.filter((b) => b.timeout + b.refused > 0);
  const first = failing[0];
  const last = failing.at(-1);
  if (first !== undefined && last !== undefined) {
    lines.push(
      `  failed requests between ${formatDuration(first.t)} and ${formatDuration(last.t + outcomes.bucketMs)}`,
    );
  }
  return lines;
}
