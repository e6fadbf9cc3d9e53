/**
 * The node-failure demo's timeline, read from a run's trace and metrics.
 * @packageDocumentation
 */
import {
  HEALTH_CHECK_PRESETS,
  formatDuration,
  type HealthCheckPreset,
  type Node,
  type ProbeTarget,
} from '@kubesim/core';
import { ObjectReplay } from '../report/objectReplay.js';
import type { ScenarioResult } from '../scenario/index.js';
import type { EntryPathName, OutcomeCounts } from '../traffic/metrics.js';
import type { TraceEntry } from '../world/trace.js';

/** One moment of the timeline. */
export interface TimelineEvent {
  readonly t: number;
  readonly what: string;
}

// An object key a patch adds is named in its path in every trace format.
const patchText = (e: TraceEntry): string => JSON.stringify(e.patches ?? []);

/**
 * The first change of node `name` at or after `t` whose new version passes `test`, read by
 * replaying the node's versions (not by matching patch text, whose shape is the trace format's).
 */
function firstNodeChange(
  entries: readonly TraceEntry[],
  name: string,
  t: number,
  test: (node: Node) => boolean,
): TraceEntry | undefined {
  const replay = new ObjectReplay(['Node']);
  for (const e of entries) {
    if (e.kind !== 'Node' || e.key !== name) continue;
    const change = replay.step(e);
    if (e.t >= t && e.type === 'MODIFIED' && change !== undefined) {
      const now = change.after as Node | undefined;
      if (now !== undefined && test(now)) return e;
    }
  }
  return undefined;
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
  const notReady = firstNodeChange(entries, node, crash.t, (n) =>
    (n.status.conditions ?? []).some((c) => c.type === 'Ready' && c.reason === 'NodeStatusUnknown'),
  );
  if (notReady !== undefined) {
    events.push({
      t: notReady.t,
      what: `${node} NotReady: no heartbeat for ${formatDuration(notReady.t - crash.t)} (node-monitor grace period)`,
    });
  }
  const lbOut = loadBalancerDrop(result, node, service, crash.t);
  if (lbOut !== undefined) events.push(lbOut);
  const series = result.sim.metrics.readyEndpoints(service);
  const before = [...series].reverse().find((p) => p.t < crash.t)?.value ?? 0;
  const drop = series.find((p) => p.t >= crash.t && p.value < before);
  if (drop !== undefined) {
    events.push({
      t: drop.t,
      what: `endpoints not ready: ${service} has ${drop.value} of ${before} ready`,
    });
  }
  const taint = firstNodeChange(entries, node, crash.t, (n) =>
    (n.spec.taints ?? []).some(
      (x) => x.key === 'node.kubernetes.io/unreachable' && x.effect === 'NoExecute',
    ),
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

const PROBED: Record<ProbeTarget, string> = {
  kubeProxyHealthz: "kube-proxy's /healthz",
  nodePortTcp: 'a TCP connect to the node port',
  healthCheckNodePort: 'the healthCheckNodePort',
};

/** The health-check preset the run's load balancers use. */
function presetOf(result: ScenarioResult): HealthCheckPreset {
  return HEALTH_CHECK_PRESETS[result.scenario.external?.loadBalancers?.preset ?? 'default'];
}

/**
 * The instant the load balancer of `service` took `node` out of rotation after the crash, with
 * the health check that did it (the preset's probe, interval, timeout and threshold).
 */
function loadBalancerDrop(
  result: ScenarioResult,
  node: string,
  service: string,
  crashT: number,
): TimelineEvent | undefined {
  const out = result.trace.entries.find(
    (e) =>
      e.t >= crashT &&
      e.type === 'LoadBalancerBackendUnhealthy' &&
      e.detail?.service === service &&
      e.detail.node === node,
  );
  if (out === undefined) return undefined;
  const svc = result.sim.get('Service', service);
  const preset = presetOf(result);
  const check = svc?.spec.externalTrafficPolicy === 'Local' ? preset.local : preset.cluster;
  return {
    t: out.t,
    what:
      `load balancer stops sending to ${node}: ${check.unhealthyThreshold} failed checks of ` +
      `${PROBED[check.target]} (${preset.name}: every ${formatDuration(check.intervalMs)}, ${formatDuration(check.timeoutMs)} timeout)`,
  };
}

const PATHS: readonly { readonly via: EntryPathName; readonly label: string }[] = [
  { via: 'cluster', label: 'in-cluster' },
  { via: 'loadBalancer', label: 'via the load balancer' },
  { via: 'ingress', label: 'via the Ingress' },
];

const failedOf = (c: OutcomeCounts): number =>
  c.timeout + c.refused + c.nxdomain + c.http_404 + c.http_502 + c.http_503 + c.http_504;

function countsLine(c: OutcomeCounts): string {
  const http = (['http_404', 'http_502', 'http_503', 'http_504'] as const)
    .filter((f) => c[f] > 0)
    .map((f) => `, ${c[f]} ${f}`)
    .join('');
  return `${c.ok} ok, ${c.timeout} timeout, ${c.refused} refused, ${c.nxdomain} nxdomain${http}`;
}

interface PathRow {
  readonly label: string;
  readonly what: string;
  readonly text: string;
}

function table(rows: readonly PathRow[]): string[] {
  const w1 = Math.max(...rows.map((r) => r.label.length));
  const w2 = Math.max(...rows.map((r) => r.what.length));
  return rows.map((r) =>
    `  ${r.label.padEnd(w1)}  ${r.what === '' ? '' : `${r.what.padEnd(w2)}  `}${r.text}`.trimEnd(),
  );
}

/** The entry paths of `service` a run used: in-cluster, and each outside one with requests or windows. */
function pathsOf(result: ScenarioResult, service: string): typeof PATHS {
  const metrics = result.sim.metrics;
  return PATHS.filter(
    ({ via }) =>
      via === 'cluster' ||
      metrics.blackHoleWindows(service, { via }).length > 0 ||
      metrics.outcomes(service, { via }).buckets.length > 0,
  );
}

/**
 * One row per black-hole window of `service` on each of `paths`: the dead backend (a pod, or for
 * the load balancer the node it kept sending to) and the window; with `empty`, a `none` row for
 * a path without one.
 */
function windowRows(
  result: ScenarioResult,
  service: string,
  paths: typeof PATHS,
  empty: boolean,
): PathRow[] {
  const rows: PathRow[] = [];
  for (const { via, label } of paths) {
    const windows = result.sim.metrics.blackHoleWindows(service, { via });
    if (empty && windows.length === 0) rows.push({ label, what: 'none', text: '' });
    for (const w of windows) {
      const end =
        w.end === undefined
          ? 'still open'
          : `${formatDuration(w.end)} (${formatDuration(w.end - w.start)})`;
      const what = via === 'loadBalancer' ? blackHoleNode(result, w.ip) : (w.podKey ?? w.ip);
      rows.push({ label, what, text: `${formatDuration(w.start)} → ${end}` });
    }
  }
  return rows;
}

/**
 * The black-hole windows of `service` per entry path the run used (in-cluster, through the cloud
 * load balancer, through the Ingress), as `kubesim demo` prints them, with `none` for a path that
 * had none: what `kubesim run` prints for each Service its traffic reached.
 */
export function formatBlackHoleWindows(result: ScenarioResult, service: string): string[] {
  return [
    `black-hole windows of ${service} (new connections still sent to a dead backend):`,
    ...table(windowRows(result, service, pathsOf(result, service), true)),
  ];
}

/**
 * The timeline, then per entry path (in-cluster, through the cloud load balancer, through the
 * Ingress; the outside ones only when the run had them) the black-hole windows and the request
 * outcomes, as printed lines.
 */
export function formatCrashTimeline(
  result: ScenarioResult,
  node: string,
  service: string,
): string[] {
  const lines = crashTimeline(result, node, service).map(
    (e) => `  ${formatDuration(e.t).padStart(7)}  ${e.what}`,
  );
  const metrics = result.sim.metrics;
  const paths = pathsOf(result, service);
  const windows = windowRows(result, service, paths, false);
  if (windows.length > 0) {
    lines.push('', 'black-hole windows (new connections still sent to a dead backend):');
    lines.push(...table(windows));
  }
  const requests: PathRow[] = [];
  let lastFailure: Partial<Record<EntryPathName, number>> = {};
  for (const { via, label } of paths) {
    const outcomes = metrics.outcomes(service, { via });
    const failing = outcomes.buckets.filter((b) => failedOf(b) > 0);
    const first = failing[0];
    const last = failing.at(-1);
    const span =
      first === undefined || last === undefined
        ? ''
        : `; failed between ${formatDuration(first.t)} and ${formatDuration(last.t + outcomes.bucketMs)}`;
    if (last !== undefined) lastFailure = { ...lastFailure, [via]: last.t + outcomes.bucketMs };
    requests.push({ label, what: '', text: `${countsLine(outcomes.total)}${span}` });
  }
  lines.push('', 'requests:', ...table(requests));
  const note = clusterPolicyNote(result, service, lastFailure.loadBalancer);
  if (note !== undefined) lines.push(note);
  return lines;
}

/**
 * With `externalTrafficPolicy: Cluster`, outside users keep failing after the load balancer took
 * the dead node out whenever the live nodes still forward to the dead pod: say so.
 */
function clusterPolicyNote(
  result: ScenarioResult,
  service: string,
  lastExternalFailure: number | undefined,
): string | undefined {
  const metrics = result.sim.metrics;
  const lbEnd = Math.max(
    ...metrics.blackHoleWindows(service, { via: 'loadBalancer' }).map((w) => w.end ?? Infinity),
  );
  const clusterEnd = Math.max(
    ...metrics.blackHoleWindows(service, { via: 'cluster' }).map((w) => w.end ?? Infinity),
  );
  const policy = result.sim.get('Service', service)?.spec.externalTrafficPolicy ?? 'Cluster';
  if (
    policy !== 'Cluster' ||
    lastExternalFailure === undefined ||
    !Number.isFinite(lbEnd) ||
    !Number.isFinite(clusterEnd) ||
    lastExternalFailure <= lbEnd
  ) {
    return undefined;
  }
  return (
    `  (externalTrafficPolicy Cluster: the live nodes forwarded outside connections to the dead pod ` +
    `until their kube-proxy dropped it at ${formatDuration(clusterEnd)})`
  );
}

/** The node at a load-balancer window's address (its InternalIP), named. */
function blackHoleNode(result: ScenarioResult, ip: string): string {
  const node = result.sim
    .list('Node')
    .find((n) => n.status.addresses?.some((a) => a.address === ip) === true);
  return node === undefined ? ip : `${node.metadata.name} (${ip})`;
}
