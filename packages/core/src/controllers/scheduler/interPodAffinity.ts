/**
 * InterPodAffinity's filter: the required pod affinity and anti-affinity terms of the incoming
 * pod, and the required anti-affinity terms of the pods already bound
 * (pkg/scheduler/framework/plugins/interpodaffinity/filtering.go).
 * @packageDocumentation
 */
import type { ClusterView } from '../../store/view.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import { podAffinityTermsOf, termMatches } from './affinityTerms.js';
import type { AffinityTerm, NamespaceLabels } from './affinityTerms.js';
import { REASONS, fail } from './filterStatus.js';
import type { FilterFailure } from './filterStatus.js';
import type { NodeInfo } from './nodeInfo.js';
import type { SchedulerCacheView } from './schedulerCache.js';

/** Matching pod counts per topology pair `key\0value` (upstream `topologyToMatchedTermCount`). */
export type TopologyCounts = ReadonlyMap<string, number>;

/** The per-cycle state of the filter (upstream `preFilterState`). */
export interface InterPodAffinityFilterState {
  readonly requiredAffinity: readonly AffinityTerm[];
  readonly requiredAntiAffinity: readonly AffinityTerm[];
  /** Pods matching ALL required affinity terms, counted once per term's topology pair. */
  readonly affinityCounts: TopologyCounts;
  /** Pods matching each required anti-affinity term, per that term's topology pair. */
  readonly antiAffinityCounts: TopologyCounts;
  /** Existing pods whose required anti-affinity terms match the incoming pod, per pair. */
  readonly existingAntiAffinityCounts: TopologyCounts;
  /** The incoming pod matches all of its own required affinity terms (first-pod case). */
  readonly selfMatchesAffinity: boolean;
}

/** The key of a topology pair. */
export function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** Namespace labels as the view knows them (kubesim stores Namespace objects). */
export function namespaceLabelsFrom(view: ClusterView): NamespaceLabels {
  return (ns) => view.get('Namespace', ns)?.metadata.labels;
}

function bumpPair(m: Map<string, number>, node: Node, key: string, by: number): void {
  const value = node.metadata.labels?.[key];
  if (value === undefined) return;
  const k = pairKey(key, value);
  const n = (m.get(k) ?? 0) + by;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

/** Namespaces to visit for a set of terms: their common list, or all when any has a selector. */
function namespacesOf(terms: readonly AffinityTerm[]): Set<string> | undefined {
  if (terms.some((t) => t.namespaceSelector !== undefined)) return undefined;
  let out: Set<string> | undefined;
  for (const t of terms) {
    out =
      out === undefined
        ? new Set(t.namespaces)
        : new Set([...out].filter((n) => t.namespaces.has(n)));
  }
  return out ?? new Set();
}

/**
 * Counts, per node, the bound pods matching every term in `terms` (terminating pods included, as
 * upstream's snapshot still holds them), via the cache's label-set index.
 */
export function countPodsMatchingAll(
  cache: SchedulerCacheView,
  terms: readonly AffinityTerm[],
  nsLabels: NamespaceLabels,
): ReadonlyMap<string, number> {
  const first = terms[0];
  if (first === undefined) return new Map();
  return cache.countAffinityMatching(namespacesOf(terms), first.selector, (ns, labels) =>
    terms.every((t) => termMatches(t, ns, labels, nsLabels)),
  );
}

function addPerNode(
  out: Map<string, number>,
  cache: SchedulerCacheView,
  perNode: ReadonlyMap<string, number>,
  keys: readonly string[],
): void {
  for (const [name, count] of perNode) {
    const node = cache.nodeInfo(name)?.node;
    if (node === undefined) continue;
    for (const key of keys) bumpPair(out, node, key, count);
  }
}

/**
 * Upstream `PreFilter`: the three topology count maps. Undefined when neither the pod nor any
 * bound pod has a required term that could apply (the filter then passes every node).
 */
export function prepareInterPodAffinityFilter(
  pod: Pod,
  view: ClusterView,
  cache: SchedulerCacheView,
): InterPodAffinityFilterState | undefined {
  const own = podAffinityTermsOf(pod);
  const requiredAffinity = own?.requiredAffinity ?? [];
  const requiredAntiAffinity = own?.requiredAntiAffinity ?? [];
  const nsLabels = namespaceLabelsFrom(view);
  const ns = pod.metadata.namespace;
  const labels = pod.metadata.labels;

  // getExistingAntiAffinityCounts: walks only the pods with affinity terms.
  const existing = new Map<string, number>();
  for (const p of cache.podsWithAffinity().values()) {
    const node = cache.nodeInfo(p.nodeName)?.node;
    if (node === undefined) continue;
    for (const t of p.terms.requiredAntiAffinity) {
      if (termMatches(t, ns, labels, nsLabels)) bumpPair(existing, node, t.topologyKey, 1);
    }
  }
  if (requiredAffinity.length === 0 && requiredAntiAffinity.length === 0 && existing.size === 0) {
    return undefined;
  }

  // getIncomingAffinityAntiAffinityCounts.
  const affinityCounts = new Map<string, number>();
  addPerNode(
    affinityCounts,
    cache,
    countPodsMatchingAll(cache, requiredAffinity, nsLabels),
    requiredAffinity.map((t) => t.topologyKey),
  );
  const antiAffinityCounts = new Map<string, number>();
  for (const t of requiredAntiAffinity) {
    addPerNode(antiAffinityCounts, cache, countPodsMatchingAll(cache, [t], nsLabels), [
      t.topologyKey,
    ]);
  }
  const selfMatchesAffinity = requiredAffinity.every((t) => termMatches(t, ns, labels, nsLabels));
  return {
    requiredAffinity,
    requiredAntiAffinity,
    affinityCounts,
    antiAffinityCounts,
    existingAntiAffinityCounts: existing,
    selfMatchesAffinity,
  };
}

/** Upstream `satisfyPodAffinity`, with the first-pod-of-a-group exception. */
function satisfiesPodAffinity(state: InterPodAffinityFilterState, node: Node): boolean {
  let podsExist = true;
  for (const t of state.requiredAffinity) {
    const value = node.metadata.labels?.[t.topologyKey];
    if (value === undefined) return false; // every topology label must exist on the node
    if ((state.affinityCounts.get(pairKey(t.topologyKey, value)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // No pod anywhere matches the terms and the pod matches its own: let the first one in.
  return state.affinityCounts.size === 0 && state.selfMatchesAffinity;
}

function anyPairCounted(
  counts: TopologyCounts,
  labels: Readonly<Record<string, string>> | undefined,
  keys: Iterable<string>,
): boolean {
  for (const key of keys) {
    const value = labels?.[key];
    if (value !== undefined && (counts.get(pairKey(key, value)) ?? 0) > 0) return true;
  }
  return false;
}

/**
 * The filter (upstream `Filter`): affinity (unresolvable when unmet), then the pod's
 * anti-affinity, then the existing pods' anti-affinity.
 * @example
 * // web-1 on n1 has anti-affinity app=web on hostname; incoming app=web → n1 rejected with
 * // "node(s) didn't match pod anti-affinity rules" when web-2 carries the same term.
 */
export function interPodAffinityFilter(
  state: InterPodAffinityFilterState | undefined,
  info: NodeInfo,
): FilterFailure | undefined {
  const node = info.node;
  if (state === undefined || node === undefined) return undefined;
  if (!satisfiesPodAffinity(state, node)) {
    return fail('InterPodAffinity', [REASONS.podAffinity], true);
  }
  const labels = node.metadata.labels;
  if (
    state.antiAffinityCounts.size > 0 &&
    anyPairCounted(
      state.antiAffinityCounts,
      labels,
      state.requiredAntiAffinity.map((t) => t.topologyKey),
    )
  ) {
    return fail('InterPodAffinity', [REASONS.podAntiAffinity], false);
  }
  if (
    state.existingAntiAffinityCounts.size > 0 &&
    anyPairCounted(state.existingAntiAffinityCounts, labels, Object.keys(labels ?? {}))
  ) {
    return fail('InterPodAffinity', [REASONS.existingAntiAffinity], false);
  }
  return undefined;
}
