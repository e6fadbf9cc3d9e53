/**
 * InterPodAffinity's score: preferred terms of the incoming pod, and the terms of bound pods that
 * match it (pkg/scheduler/framework/plugins/interpodaffinity/scoring.go).
 * @packageDocumentation
 */
import type { ClusterView } from '../../store/view.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import { podAffinityTermsOf, termMatches } from './affinityTerms.js';
import type { AffinityTerm } from './affinityTerms.js';
import { countPodsMatchingAll, namespaceLabelsFrom } from './interPodAffinity.js';
import type { NodeInfo } from './nodeInfo.js';
import type { SchedulerCacheView } from './schedulerCache.js';
import { MAX_NODE_SCORE } from './scores.js';

/** Upstream `args.HardPodAffinityWeight` default: existing pods' required affinity as a preference. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

/** Topology key → value → summed weight (upstream `scoreMap`). */
type ScoreMap = Map<string, Map<string, number>>;

function add(m: ScoreMap, node: Node, key: string, by: number): void {
  const value = node.metadata.labels?.[key];
  if (value === undefined) return;
  let values = m.get(key);
  if (values === undefined) m.set(key, (values = new Map<string, number>()));
  values.set(value, (values.get(value) ?? 0) + by);
}

function hasLabels(node: Node): boolean {
  return Object.keys(node.metadata.labels ?? {}).length > 0;
}

/**
 * Upstream `PreScore`: the incoming pod's preferred terms count matching bound pods (±weight per
 * pod, via the label-set index); bound pods with terms add their required affinity (weight 1),
 * preferred affinity (+weight) and preferred anti-affinity (−weight) terms that match the pod.
 */
function topologyScore(pod: Pod, view: ClusterView, cache: SchedulerCacheView): ScoreMap {
  const m: ScoreMap = new Map();
  const nsLabels = namespaceLabelsFrom(view);
  const own = podAffinityTermsOf(pod);
  const ownTerms = (terms: readonly AffinityTerm[], sign: 1 | -1): void => {
    for (const t of terms) {
      for (const [name, count] of countPodsMatchingAll(cache, [t], nsLabels)) {
        const node = cache.nodeInfo(name)?.node;
        if (node !== undefined && hasLabels(node))
          add(m, node, t.topologyKey, sign * t.weight * count);
      }
    }
  };
  ownTerms(own?.preferredAffinity ?? [], 1);
  ownTerms(own?.preferredAntiAffinity ?? [], -1);
  const ns = pod.metadata.namespace;
  const labels = pod.metadata.labels;
  for (const p of cache.podsWithAffinity().values()) {
    const node = cache.nodeInfo(p.nodeName)?.node;
    if (node === undefined || !hasLabels(node)) continue;
    const theirs = (terms: readonly AffinityTerm[], weight: (t: AffinityTerm) => number): void => {
      for (const t of terms) {
        if (termMatches(t, ns, labels, nsLabels)) add(m, node, t.topologyKey, weight(t));
      }
    };
    theirs(p.terms.requiredAffinity, () => HARD_POD_AFFINITY_WEIGHT);
    theirs(p.terms.preferredAffinity, (t) => t.weight);
    theirs(p.terms.preferredAntiAffinity, (t) => -t.weight);
  }
  return m;
}

/**
 * Scores (0–100, before the plugin weight 2) for `feasible` nodes, in order: each node's raw score
 * is the sum over the score map of its topology values, then upstream's `NormalizeScore` maps
 * min..max onto 0..100 (all 0 when equal). Undefined when no term applies (upstream `Skip`).
 * @example
 * // raw [-3, 0, 5] → [0, 37, 100]
 */
export function interPodAffinityScores(
  pod: Pod,
  view: ClusterView,
  cache: SchedulerCacheView,
  feasible: readonly NodeInfo[],
): number[] | undefined {
  const m = topologyScore(pod, view, cache);
  if (m.size === 0 || feasible.length === 0) return undefined;
  const raw = feasible.map((info) => {
    let score = 0;
    const labels = info.node?.metadata.labels;
    for (const [key, values] of m) {
      const value = labels?.[key];
      if (value !== undefined) score += values.get(value) ?? 0;
    }
    return score;
  });
  return normalizeAffinityScores(raw);
}

/** Upstream `InterPodAffinity.NormalizeScore`: `trunc(100 × (s − min) / (max − min))`. */
export function normalizeAffinityScores(raw: readonly number[]): number[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of raw) {
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  const diff = max - min;
  return raw.map((s) => (diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((s - min) / diff)) : 0));
}
