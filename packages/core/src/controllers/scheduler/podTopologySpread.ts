/**
 * PodTopologySpread: the DoNotSchedule filter and the ScheduleAnyway score
 * (pkg/scheduler/framework/plugins/podtopologyspread/filtering.go and scoring.go).
 * @packageDocumentation
 */
import type { ClusterView } from '../../store/view.js';
import type { Pod } from '../../objects/pod.js';
import { REASONS, fail } from './filterStatus.js';
import type { FilterFailure } from './filterStatus.js';
import { podMatchesNodeSelectorAndAffinity } from './nodeAffinity.js';
import type { NodeInfo } from './nodeInfo.js';
import type { SchedulerCache } from './schedulerCache.js';
import {
  HOSTNAME_LABEL,
  hasAllTopologyKeys,
  selectorsMatch,
  spreadConstraintsOf,
} from './spreadConstraints.js';
import type { SpreadConstraint } from './spreadConstraints.js';

/** The per-cycle state of the DoNotSchedule filter (upstream `preFilterState`). */
export interface SpreadFilterState {
  readonly constraints: readonly SpreadConstraint[];
  /** Per constraint: matching pods per domain value, over eligible nodes. */
  readonly domainCounts: readonly ReadonlyMap<string, number>[];
  /** Per constraint: the global minimum (0 when fewer domains than minDomains). */
  readonly minMatch: readonly number[];
  /** Per constraint: 1 when the incoming pod matches its own selector. */
  readonly selfMatch: readonly number[];
}

/**
 * Counts matching pods per domain over every node that passes the pod's nodeSelector/required
 * affinity and carries all topology keys (upstream `calPreFilterState`, default node inclusion
 * policies: affinity honoured, taints ignored). Undefined when the pod has no DoNotSchedule
 * constraint.
 */
export function prepareSpreadFilter(
  pod: Pod,
  view: ClusterView,
  cache: SchedulerCache,
): SpreadFilterState | undefined {
  const constraints = spreadConstraintsOf(pod, view, 'DoNotSchedule');
  if (constraints.length === 0) return undefined;
  const ns = pod.metadata.namespace;
  const domainCounts = constraints.map((c) => {
    const perNode = cache.countMatching(ns, c.selectors);
    const domains = new Map<string, number>();
    for (const name of cache.nodeNames()) {
      const node = cache.nodeInfo(name)?.node;
      if (node === undefined) continue;
      const labels = node.metadata.labels;
      if (!hasAllTopologyKeys(labels, constraints) || !podMatchesNodeSelectorAndAffinity(pod, node))
        continue;
      const value = labels?.[c.topologyKey] ?? '';
      domains.set(value, (domains.get(value) ?? 0) + (perNode.get(name) ?? 0));
    }
    return domains;
  });
  const minMatch = constraints.map((c, i) => {
    const domains = domainCounts[i] ?? new Map<string, number>();
    if (domains.size < c.minDomains) return 0;
    let min = Number.POSITIVE_INFINITY;
    for (const n of domains.values()) min = Math.min(min, n);
    return Number.isFinite(min) ? min : 0;
  });
  const selfMatch = constraints.map((c) =>
    selectorsMatch(c.selectors, pod.metadata.labels) ? 1 : 0,
  );
  return { constraints, domainCounts, minMatch, selfMatch };
}

/**
 * The filter: a node missing a topology key is rejected as unresolvable; otherwise each
 * constraint's skew `matching in the node's domain + self − global minimum` must not exceed
 * maxSkew.
 * @example
 * // zones a: 2 pods, b: 0, maxSkew 1 → a node in zone a has skew 2 + 1 − 0 = 3 > 1: rejected
 */
export function podTopologySpreadFilter(
  state: SpreadFilterState | undefined,
  info: NodeInfo,
): FilterFailure | undefined {
  if (state === undefined) return undefined;
  const labels = info.node?.metadata.labels;
  if (!hasAllTopologyKeys(labels, state.constraints)) {
    return fail('PodTopologySpread', [REASONS.spreadMissingLabel], true);
  }
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i];
    if (c === undefined) continue;
    const value = labels?.[c.topologyKey] ?? '';
    const matching = state.domainCounts[i]?.get(value) ?? 0;
    const skew = matching + (state.selfMatch[i] ?? 0) - (state.minMatch[i] ?? 0);
    if (skew > c.maxSkew) return fail('PodTopologySpread', [REASONS.spreadMismatch], false);
  }
  return undefined;
}

/**
 * ScheduleAnyway scores (0–100, before the plugin weight) for `feasible` nodes, in order: fewer
 * matching pods in the node's domains is better. Raw score per constraint is
 * `count × ln(domains + 2) + (maxSkew − 1)`, summed and rounded; then
 * `100 × (max + min − raw) / max` (all 100 when max is 0). Nodes without the topology keys score 0
 * when the constraints are the pod's own. Returns undefined when no soft constraint applies.
 */
export function podTopologySpreadScores(
  pod: Pod,
  view: ClusterView,
  cache: SchedulerCache,
  feasible: readonly NodeInfo[],
): number[] | undefined {
  const constraints = spreadConstraintsOf(pod, view, 'ScheduleAnyway');
  if (constraints.length === 0 || feasible.length === 0) return undefined;
  // Only the pod's own constraints require every key; system defaults still spread by hostname
  // on nodes without a zone label (scoring.go `requireAllTopologies`).
  const requireAll = (pod.spec.topologySpreadConstraints ?? []).length > 0;
  const ignored = feasible.map(
    (n) => requireAll && !hasAllTopologyKeys(n.node?.metadata.labels, constraints),
  );
  const scored = ignored.filter((x) => !x).length;
  const ns = pod.metadata.namespace;
  const perNode = constraints.map((c) => cache.countMatching(ns, c.selectors));
  const domainCounts = constraints.map((c, i) => {
    const domains = new Map<string, number>();
    if (c.topologyKey === HOSTNAME_LABEL) return domains;
    feasible.forEach((n, j) => {
      if (!ignored[j]) domains.set(n.node?.metadata.labels?.[c.topologyKey] ?? '', 0);
    });
    for (const [name, count] of perNode[i] ?? []) {
      const node = cache.nodeInfo(name)?.node;
      if (node === undefined || !podMatchesNodeSelectorAndAffinity(pod, node)) continue;
      if (requireAll && !hasAllTopologyKeys(node.metadata.labels, constraints)) continue;
      const value = node.metadata.labels?.[c.topologyKey] ?? '';
      const current = domains.get(value);
      if (current !== undefined) domains.set(value, current + count);
    }
    return domains;
  });
  const weights = constraints.map((c, i) =>
    Math.log((c.topologyKey === HOSTNAME_LABEL ? scored : (domainCounts[i]?.size ?? 0)) + 2),
  );
  const raw = feasible.map((n, j) => {
    if (ignored[j]) return 0;
    let score = 0;
    constraints.forEach((c, i) => {
      const value = n.node?.metadata.labels?.[c.topologyKey];
      if (value === undefined) return;
      const count =
        c.topologyKey === HOSTNAME_LABEL
          ? (perNode[i]?.get(n.name) ?? 0)
          : (domainCounts[i]?.get(value) ?? 0);
      score += count * (weights[i] ?? 0) + (c.maxSkew - 1);
    });
    return Math.round(score);
  });
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  raw.forEach((s, j) => {
    if (ignored[j]) return;
    min = Math.min(min, s);
    max = Math.max(max, s);
  });
  return raw.map((s, j) => {
    if (ignored[j]) return 0;
    if (max === 0) return 100;
    return Math.trunc((100 * (max + min - s)) / max);
  });
}
