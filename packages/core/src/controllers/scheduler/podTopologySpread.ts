/**
 * PodTopologySpread: the DoNotSchedule filter and the ScheduleAnyway score
 * (pkg/scheduler/framework/plugins/podtopologyspread/filtering.go and scoring.go).
 * @packageDocumentation
 */
import type { ClusterView } from '../../store/view.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import { REASONS, fail } from './filterStatus.js';
import type { FilterFailure } from './filterStatus.js';
import { podMatchesNodeSelectorAndAffinity } from './nodeAffinity.js';
import type { NodeInfo } from './nodeInfo.js';
import { servicesEpochOf } from './schedulerCache.js';
import type { SchedulerCacheView } from './schedulerCache.js';
import {
  HOSTNAME_LABEL,
  hasAllTopologyKeys,
  keptSpreadConstraints,
  selectorsMatch,
} from './spreadConstraints.js';
import type { SpreadConstraint } from './spreadConstraints.js';
import { buildTopologyDomains, nodePositions, topologyDomains } from './topologyDomains.js';
import type { TopologyDomains } from './topologyDomains.js';

/** The per-cycle state of the DoNotSchedule filter (upstream `preFilterState`). */
export interface SpreadFilterState {
  readonly constraints: readonly SpreadConstraint[];
  /** Per constraint: matching pods per domain value, over eligible nodes (a domain without matching pods is absent: it counts 0). */
  readonly domainCounts: readonly ReadonlyMap<string, number>[];
  /** Per constraint: the global minimum (0 when fewer domains than minDomains). */
  readonly minMatch: readonly number[];
  /** Per constraint: 1 when the incoming pod matches its own selector. */
  readonly selfMatch: readonly number[];
}

/**
 * How many topology domains (distinct values of each constraint's key) the nodes eligible for
 * `pod` span: nodes that pass its nodeSelector/required affinity and carry every topology key.
 * It depends on the nodes and their labels only, so the cache keeps it until a Node is added,
 * removed or relabelled; a pod pays for the scan once per node-label change, not per cycle.
 */
function eligibleDomainCounts(
  pod: Pod,
  cache: SchedulerCacheView,
  constraints: readonly SpreadConstraint[],
): ReadonlyMap<string, number> {
  const keys = [...new Set(constraints.map((c) => c.topologyKey))].sort();
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const memoKey = JSON.stringify([
    'spreadDomains',
    keys,
    pod.spec.nodeSelector ?? {},
    required ?? null,
  ]);
  return cache.nodeDerived(memoKey, () => {
    const values = new Map<string, Set<string>>(keys.map((k) => [k, new Set<string>()]));
    for (const info of cache.nodeInfos()) {
      const node = info.node;
      if (node === undefined || !podMatchesNodeSelectorAndAffinity(pod, node)) continue;
      const labels = node.metadata.labels;
      if (!hasAllTopologyKeys(labels, constraints)) continue;
      for (const [k, set] of values) set.add(labels?.[k] ?? '');
    }
    return new Map([...values].map(([k, set]) => [k, set.size]));
  });
}

/**
 * Counts matching pods per domain over the nodes that pass the pod's nodeSelector/required
 * affinity and carry all topology keys (upstream `calPreFilterState`, default node inclusion
 * policies: affinity honoured, taints ignored). Undefined when the pod has no DoNotSchedule
 * constraint.
 *
 * Incremental: only nodes that hold matching pods are visited (the cache's per-label-set counts),
 * and the number of eligible domains comes from {@link eligibleDomainCounts}. A domain without
 * matching pods is left out of `domainCounts` (it counts 0) and makes the minimum 0, which is
 * what counting every eligible node from scratch gives.
 */
export function prepareSpreadFilter(
  pod: Pod,
  view: ClusterView,
  cache: SchedulerCacheView,
): SpreadFilterState | undefined {
  const constraints = keptSpreadConstraints(pod, view, 'DoNotSchedule', servicesEpochOf(cache));
  if (constraints.length === 0) return undefined;
  const ns = pod.metadata.namespace;
  const domainsPerKey = eligibleDomainCounts(pod, cache, constraints);
  const eligible = new Map<string, boolean>();
  const isEligible = (name: string): boolean => {
    let ok = eligible.get(name);
    if (ok === undefined) {
      const node = cache.nodeInfo(name)?.node;
      ok =
        node !== undefined &&
        hasAllTopologyKeys(node.metadata.labels, constraints) &&
        podMatchesNodeSelectorAndAffinity(pod, node);
      eligible.set(name, ok);
    }
    return ok;
  };
  const domainCounts = constraints.map((c) => {
    const domains = new Map<string, number>();
    for (const [name, count] of cache.countMatching(ns, c.selectors)) {
      if (count === 0 || !isEligible(name)) continue;
      const value = cache.nodeInfo(name)?.node?.metadata.labels?.[c.topologyKey] ?? '';
      domains.set(value, (domains.get(value) ?? 0) + count);
    }
    return domains;
  });
  const minMatch = constraints.map((c, i) => {
    const total = domainsPerKey.get(c.topologyKey) ?? 0;
    if (total < c.minDomains) return 0;
    const counted = domainCounts[i] ?? new Map<string, number>();
    // Some eligible domain has no matching pod: the minimum is 0.
    if (counted.size < total) return 0;
    let min = Number.POSITIVE_INFINITY;
    for (const n of counted.values()) min = Math.min(min, n);
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
 *
 * `positions` (optional) gives each feasible node's index in the cache's `nodeInfos()`, as the
 * search loop knows it: the nodes' topology values are then read from the cache's per-generation
 * tables ({@link topologyDomains}). Without it they are read from the feasible nodes' labels.
 */
export function podTopologySpreadScores(
  pod: Pod,
  view: ClusterView,
  cache: SchedulerCacheView,
  feasible: readonly NodeInfo[],
  positions?: ArrayLike<number>,
): number[] | undefined {
  const out = podTopologySpreadScoresInto(pod, view, cache, feasible, positions);
  return out === undefined ? undefined : Array.from(out.subarray(0, feasible.length));
}

/** Scratch arrays of {@link podTopologySpreadScoresInto}, reused across cycles. */
let scratchIgnored = new Uint8Array(0);
let scratchRaw = new Float64Array(0);
let scratchOut = new Float64Array(0);
/** Per hostname constraint: matching pods by node position (zeroed before each use). */
const scratchByPosition: Int32Array[] = [];
/** The entries of a count map: node name, position (-1: not listed) and matching pods. */
const scratchEntryName: string[] = [];
let scratchEntryPos = new Int32Array(256);
let scratchEntryCount = new Int32Array(256);
/** Per other constraint: matching pods by domain id, -1 for a domain no scored node is in. */
const scratchTotals: Int32Array[] = [];

/**
 * {@link podTopologySpreadScores} into a scratch array: its first `feasible.length` entries,
 * valid until the next call (the scheduler reads them at once).
 */
export function podTopologySpreadScoresInto(
  pod: Pod,
  view: ClusterView,
  cache: SchedulerCacheView,
  feasible: readonly NodeInfo[],
  positions?: ArrayLike<number>,
): Float64Array | undefined {
  const constraints = keptSpreadConstraints(pod, view, 'ScheduleAnyway', servicesEpochOf(cache));
  const nf = feasible.length;
  if (constraints.length === 0 || nf === 0) return undefined;
  // Only the pod's own constraints require every key; system defaults still spread by hostname
  // on nodes without a zone label (scoring.go `requireAllTopologies`).
  const requireAll = (pod.spec.topologySpreadConstraints ?? []).length > 0;
  const tables = positions === undefined ? feasibleTables(feasible) : cacheTables(cache, positions);
  const at = tables.at;
  const domains = constraints.map((c) => tables.domains(c.topologyKey));
  if (scratchIgnored.length < nf) {
    scratchIgnored = new Uint8Array(nf);
    scratchRaw = new Float64Array(nf);
    scratchOut = new Float64Array(nf);
  }
  const ignored = scratchIgnored;
  ignored.fill(0, 0, nf);
  let scored = nf;
  if (requireAll) {
    for (let j = 0; j < nf; j++) {
      const p = at[j] ?? 0;
      for (const d of domains) {
        if (d.hasKey[p] !== 1) {
          ignored[j] = 1;
          scored -= 1;
          break;
        }
      }
    }
  }
  const ns = pod.metadata.namespace;
  // A pod without a nodeSelector or required node affinity, under the system defaults: every
  // listed node (one with a Node) counts, without reading it.
  const everyListedNodeCounts =
    tables.listed && !requireAll && !hasNodeSelectorOrRequiredAffinity(pod);
  // Whether a node holding matching pods counts (upstream PreScore's `processAllNode`), once per node.
  let counts: Map<string, boolean> | undefined;
  const nodeCounts = (name: string, node: Node | undefined): boolean => {
    counts ??= new Map<string, boolean>();
    let ok = counts.get(name);
    if (ok === undefined) {
      ok =
        node !== undefined &&
        podMatchesNodeSelectorAndAffinity(pod, node) &&
        (!requireAll || hasAllTopologyKeys(node.metadata.labels, constraints));
      counts.set(name, ok);
    }
    return ok;
  };
  // The nodes holding matching pods (name, position or -1, count), read once per count map: the
  // system defaults' two constraints share one.
  let entriesOf: ReadonlyMap<string, number> | undefined;
  let entries = 0;
  const readEntries = (perNode: ReadonlyMap<string, number>): void => {
    if (perNode === entriesOf) return;
    if (scratchEntryPos.length < perNode.size) {
      scratchEntryPos = new Int32Array(perNode.size * 2);
      scratchEntryCount = new Int32Array(perNode.size * 2);
    }
    entries = 0;
    for (const [name, count] of perNode) {
      scratchEntryName[entries] = name;
      scratchEntryPos[entries] = tables.positionOf(name) ?? -1;
      scratchEntryCount[entries] = count;
      entries += 1;
    }
    entriesOf = perNode;
  };
  const matching: ReadonlyMap<string, number>[] = [];
  let hostTerms = 0;
  let domainTerms = 0;
  const terms: ScoreTerm[] = [];
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as SpreadConstraint;
    const d = domains[i] as TopologyDomains;
    // The system defaults share one selector list between their two constraints: count once.
    const previous = constraints[i - 1];
    const perNode =
      previous?.selectors === c.selectors && i > 0
        ? (matching[i - 1] as ReadonlyMap<string, number>)
        : cache.countMatching(ns, c.selectors);
    matching.push(perNode);
    readEntries(perNode);
    const entryPos = scratchEntryPos;
    const entryCount = scratchEntryCount;
    if (c.topologyKey === HOSTNAME_LABEL) {
      // Pods on the node itself, whatever its hostname label says (upstream Score).
      let byPosition = scratchByPosition[hostTerms];
      if (byPosition === undefined || byPosition.length < tables.size) {
        byPosition = new Int32Array(Math.max(tables.size, 1024));
        scratchByPosition[hostTerms] = byPosition;
      } else byPosition.fill(0, 0, tables.size);
      hostTerms += 1;
      for (let k = 0; k < entries; k++) {
        const p = entryPos[k] as number;
        if (p !== -1) byPosition[p] = entryCount[k] as number;
      }
      terms.push(term(d, true, byPosition, Math.log(scored + 2), c));
      continue;
    }
    // The domains of the scored feasible nodes (a missing key is the domain ''), then the
    // matching pods of every counting node added to those domains.
    let totals = scratchTotals[domainTerms];
    if (totals === undefined || totals.length < d.ids.size) {
      totals = new Int32Array(Math.max(d.ids.size, 64));
      scratchTotals[domainTerms] = totals;
    }
    domainTerms += 1;
    totals.fill(-1, 0, d.ids.size);
    let present = 0;
    // Once every domain some node has is seen, no later node adds one.
    for (let j = 0; j < nf && present < d.used; j++) {
      const id = d.domainOf[at[j] ?? 0] ?? 0;
      if (ignored[j] === 0 && totals[id] === -1) {
        totals[id] = 0;
        present += 1;
      }
    }
    for (let k = 0; k < entries; k++) {
      // A listed node's value is in the table; any other's is read from its labels.
      const p = entryPos[k] as number;
      const count = entryCount[k] as number;
      if (p !== -1 && everyListedNodeCounts) {
        const id = d.domainOf[p] as number;
        const total = totals[id] ?? -1;
        if (total !== -1) totals[id] = total + count;
        continue;
      }
      const name = scratchEntryName[k] as string;
      const node = cache.nodeInfo(name)?.node;
      if (!nodeCounts(name, node)) continue;
      const id = p !== -1 ? d.domainOf[p] : d.ids.get(node?.metadata.labels?.[c.topologyKey] ?? '');
      const total = id === undefined ? -1 : (totals[id] ?? -1);
      if (total !== -1) totals[id as number] = total + count;
    }
    terms.push(term(d, false, totals, Math.log(present + 2), c));
  }
  // Each node's raw score, its terms added in constraint order, then rounded.
  const raw = scratchRaw;
  const bounds = { min: Number.POSITIVE_INFINITY, max: 0 };
  const first = terms[0];
  const second = terms[1];
  if (terms.length === 2 && first?.perNode === true && second?.perNode === false && !requireAll) {
    // The system defaults (hostname, then zone) on every node: the same sums, unrolled.
    rawScoresOfDefaults(first, second, at, nf, raw, bounds);
  } else {
    rawScores(terms, at, nf, ignored, raw, bounds);
  }
  const { min, max } = bounds;
  const out = scratchOut;
  for (let j = 0; j < nf; j++) {
    const r = raw[j] as number;
    if (ignored[j] === 1) out[j] = 0;
    else if (max === 0) out[j] = 100;
    else out[j] = Math.trunc((100 * (max + min - r)) / max);
  }
  return out;
}

/** Raw scores into `raw` (0 for ignored nodes), with the least and greatest of the others. */
function rawScores(
  terms: readonly ScoreTerm[],
  at: ArrayLike<number>,
  nf: number,
  ignored: Uint8Array,
  raw: Float64Array,
  bounds: { min: number; max: number },
): void {
  const nt = terms.length;
  for (let j = 0; j < nf; j++) {
    if (ignored[j] === 1) {
      raw[j] = 0;
      continue;
    }
    const p = at[j] ?? 0;
    let r = 0;
    for (let k = 0; k < nt; k++) {
      const t = terms[k] as ScoreTerm;
      if (t.hasKey[p] !== 1) continue;
      const count = t.perNode ? t.counts[p] : t.counts[t.domainOf[p] as number];
      r += (count as number) * t.weight + t.skew;
    }
    const rounded = Math.round(r);
    raw[j] = rounded;
    if (rounded < bounds.min) bounds.min = rounded;
    if (rounded > bounds.max) bounds.max = rounded;
  }
}

/** {@link rawScores} for one per-node term then one per-domain term, no node ignored. */
function rawScoresOfDefaults(
  host: ScoreTerm,
  zone: ScoreTerm,
  at: ArrayLike<number>,
  nf: number,
  raw: Float64Array,
  bounds: { min: number; max: number },
): void {
  const hostHas = host.hasKey;
  const hostCounts = host.counts;
  const hostWeight = host.weight;
  const hostSkew = host.skew;
  const zoneHas = zone.hasKey;
  const zoneOf = zone.domainOf;
  const zoneCounts = zone.counts;
  const zoneWeight = zone.weight;
  const zoneSkew = zone.skew;
  let min = bounds.min;
  let max = bounds.max;
  for (let j = 0; j < nf; j++) {
    const p = at[j] ?? 0;
    let r = 0;
    if (hostHas[p] === 1) r += (hostCounts[p] as number) * hostWeight + hostSkew;
    if (zoneHas[p] === 1) r += (zoneCounts[zoneOf[p] as number] as number) * zoneWeight + zoneSkew;
    const rounded = Math.round(r);
    raw[j] = rounded;
    if (rounded < min) min = rounded;
    if (rounded > max) max = rounded;
  }
  bounds.min = min;
  bounds.max = max;
}

/** One constraint, ready for the per-node loop of {@link podTopologySpreadScores}. */
interface ScoreTerm {
  readonly domainOf: Int32Array;
  readonly hasKey: Uint8Array;
  /** `counts` is by node position (hostname), else by domain id. */
  readonly perNode: boolean;
  readonly counts: Int32Array;
  /** `ln(domains + 2)` (upstream `topologyNormalizingWeight`). */
  readonly weight: number;
  /** `maxSkew − 1`. */
  readonly skew: number;
}

function term(
  d: TopologyDomains,
  perNode: boolean,
  counts: Int32Array,
  weight: number,
  c: SpreadConstraint,
): ScoreTerm {
  return { domainOf: d.domainOf, hasKey: d.hasKey, perNode, counts, weight, skew: c.maxSkew - 1 };
}

/** Where the nodes' topology values are read: per node position. */
interface NodeTables {
  /** Each feasible node's position. */
  readonly at: ArrayLike<number>;
  /** How many positions there are. */
  readonly size: number;
  /** True when the node at every position has its Node object. */
  readonly listed: boolean;
  positionOf(name: string): number | undefined;
  domains(key: string): TopologyDomains;
}

/** The cache's per-generation tables; `positions` index its `nodeInfos()`. */
function cacheTables(cache: SchedulerCacheView, positions: ArrayLike<number>): NodeTables {
  const byName = nodePositions(cache);
  return {
    at: positions,
    size: cache.nodeInfos().length,
    listed: true,
    positionOf: (name) => byName.get(name),
    domains: (key) => topologyDomains(cache, key),
  };
}

/** Tables over the feasible nodes themselves (their positions are 0, 1, …). */
function feasibleTables(feasible: readonly NodeInfo[]): NodeTables {
  const byName = new Map<string, number>();
  for (let j = feasible.length - 1; j >= 0; j--) byName.set(feasible[j]?.name ?? '', j);
  return {
    at: feasible.map((_, j) => j),
    size: feasible.length,
    listed: false,
    positionOf: (name) => byName.get(name),
    domains: (key) => buildTopologyDomains(feasible, key),
  };
}

/** True when the pod restricts its nodes by nodeSelector or required node affinity. */
function hasNodeSelectorOrRequiredAffinity(pod: Pod): boolean {
  const selector = pod.spec.nodeSelector;
  if (selector !== undefined) {
    for (const k in selector) if (Object.hasOwn(selector, k)) return true;
  }
  return (
    pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined
  );
}
