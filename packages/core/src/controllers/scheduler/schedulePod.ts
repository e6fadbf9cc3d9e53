/**
 * One scheduling cycle for one pod: filter nodes round-robin until enough are feasible, score
 * them, pick the best (pkg/scheduler/schedule_one.go `schedulePod`, `findNodesThatFitPod`,
 * `prioritizeNodes`).
 * @packageDocumentation
 */
import type { ClusterView } from '../../store/view.js';
import type { Pod } from '../../objects/pod.js';
import type { RandomSource } from '../../sources.js';
import { failedSchedulingMessage } from './failureMessage.js';
import type { PreemptionVerdict } from './failureMessage.js';
import type { FilterFailure } from './filterStatus.js';
import {
  nodeAffinityFilter,
  nodeNameFilter,
  nodePortsFilter,
  nodeResourcesFitFilter,
  nodeUnschedulableFilter,
  resourcesFit,
  taintTolerationFilter,
} from './filters.js';
import { interPodAffinityFilter, prepareInterPodAffinityFilter } from './interPodAffinity.js';
import { interPodAffinityScores } from './interPodAffinityScore.js';
import { versionOf } from './nodeInfo.js';
import type { NodeInfo } from './nodeInfo.js';
import { numFeasibleNodesToFind } from './numFeasibleNodesToFind.js';
import { podHostPorts, podRequests } from './podRequests.js';
import {
  podTopologySpreadFilter,
  podTopologySpreadScoresInto,
  prepareSpreadFilter,
} from './podTopologySpread.js';
import type { SchedulerCacheView } from './schedulerCache.js';
import {
  MAX_NODE_SCORE,
  SCORE_WEIGHTS,
  balancedAllocationScore,
  defaultNormalizeScore,
  intolerablePreferNoScheduleCount,
  leastAllocatedScore,
  nodeAffinityRawScore,
} from './scores.js';
import { selectBest } from './selectHost.js';
import type { NodeScore } from './selectHost.js';

/** Upstream's error when the cluster has no nodes at all (`ErrNoNodesAvailable`). */
export const NO_NODES_MESSAGE = 'no nodes available to schedule pods';

/** The outcome of one cycle. */
export type ScheduleResult =
  | {
      readonly kind: 'scheduled';
      readonly nodeName: string;
      /** Total weighted scores of the feasible nodes found, in search order (empty when only one was feasible). */
      readonly scores: readonly NodeScore[];
      /** Where the next cycle's search starts. */
      readonly nextStartIndex: number;
    }
  | {
      readonly kind: 'unschedulable';
      readonly message: string;
      /** Each node's rejection, by node name. */
      readonly failures: ReadonlyMap<string, FilterFailure>;
      readonly nextStartIndex: number;
    };

/**
 * Runs the filters of the default profile in upstream's order and stops at the first rejection
 * (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit,
 * PodTopologySpread, InterPodAffinity).
 */
function runFilters(
  pod: Pod,
  info: NodeInfo,
  ctx: {
    requests: ReturnType<typeof podRequests>;
    ports: ReturnType<typeof podHostPorts>;
    spread: ReturnType<typeof prepareSpreadFilter>;
    podAffinity: ReturnType<typeof prepareInterPodAffinityFilter>;
  },
): FilterFailure | undefined {
  return (
    nodeUnschedulableFilter(pod, info) ??
    nodeNameFilter(pod, info) ??
    taintTolerationFilter(pod, info) ??
    nodeAffinityFilter(pod, info) ??
    nodePortsFilter(ctx.ports, info) ??
    nodeResourcesFitFilter(ctx.requests, info) ??
    podTopologySpreadFilter(ctx.spread, info) ??
    interPodAffinityFilter(ctx.podAffinity, info)
  );
}

function preemptionVerdicts(
  pod: Pod,
  failures: ReadonlyMap<string, FilterFailure>,
  cache: SchedulerCacheView,
): PreemptionVerdict[] | undefined {
  const priority = pod.spec.priority ?? 0;
  const verdicts: PreemptionVerdict[] = [];
  for (const [name, f] of failures) {
    if (f.unresolvable) {
      verdicts.push('not-helpful');
      continue;
    }
    const info = cache.nodeInfo(name);
    for (const p of info?.priorities.keys() ?? []) {
      // A lower-priority pod is a possible victim: kubesim does not preempt, so it cannot say
      // what DefaultPreemption would have found and leaves the sentence out.
      if (p < priority) return undefined;
    }
    verdicts.push('no-victims');
  }
  return verdicts;
}

/**
 * Schedules `pod`: checks nodes in name order starting at `startIndex` (round robin across
 * cycles) until {@link numFeasibleNodesToFind} are feasible, then scores them (weights
 * TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2, NodeResourcesFit 1,
 * BalancedAllocation 1) and picks the best, ties broken by `random`. A single feasible node is
 * taken without scoring. Preemption is not simulated.
 */
export function schedulePod(
  pod: Pod,
  view: ClusterView,
  cache: SchedulerCacheView,
  random: RandomSource,
  startIndex: number,
): ScheduleResult {
  const infos = cache.nodeInfos();
  const n = infos.length;
  if (n === 0) {
    return {
      kind: 'unschedulable',
      message: NO_NODES_MESSAGE,
      failures: new Map(),
      nextStartIndex: 0,
    };
  }
  const ctx = {
    requests: podRequests(pod),
    ports: podHostPorts(pod),
    spread: prepareSpreadFilter(pod, view, cache),
    podAffinity: prepareInterPodAffinityFilter(pod, view, cache),
  };
  const want = numFeasibleNodesToFind(n);
  const start = startIndex % n;
  // Only NodeUnschedulable, TaintToleration and NodeResourcesFit can reject a node for this pod:
  // a node that is neither cordoned nor tainted and has room passes without the filter chain.
  const plain = onlyNodeLocalFilters(pod, ctx);
  const requests = ctx.requests;
  if (scratchFeasible.length < n) {
    scratchFeasible = new Int32Array(n);
    scratchFailed = new Int32Array(n);
  }
  fitMemo.ready([requests.milliCpu, requests.memory], n);
  // Read straight from the memo's arrays (ready() is the only call that replaces them).
  const fitVersions = fitMemo.versions;
  const fitStates = fitMemo.first;
  // Positions in `infos` of the feasible nodes, and of the rejected ones (their failures are
  // built only when no node fits: a scheduled pod's result does not carry them).
  const feasibleAt = scratchFeasible;
  const failedAt = scratchFailed;
  let nf = 0;
  let nFailed = 0;
  let anyTaints = false;
  let processed = 0;
  while (processed < n && nf < want) {
    const i = start + processed;
    const at = i < n ? i : i - n;
    const info = infos[at];
    processed += 1;
    if (info === undefined) continue;
    // Pass or fail does not depend on the filters' order (only the reported failure does).
    const version = versionOf(info);
    let state: number;
    if (version !== undefined && fitVersions[at] === version) state = fitStates[at] as number;
    else {
      state = !resourcesFit(requests, info)
        ? NO_ROOM
        : !info.unschedulable && info.taints.length === 0
          ? ROOM_CLEAN
          : ROOM;
      fitMemo.keep(at, version, state);
    }
    const fits =
      state !== NO_ROOM &&
      ((plain && state === ROOM_CLEAN) || runFilters(pod, info, ctx) === undefined);
    if (fits) {
      feasibleAt[nf++] = at;
      if (state !== ROOM_CLEAN && info.taints.length > 0) anyTaints = true;
    } else failedAt[nFailed++] = at;
  }
  const nextStartIndex = (start + processed) % n;
  if (nf === 0) {
    const failures = new Map<string, FilterFailure>();
    for (let k = 0; k < nFailed; k++) {
      const info = infos[failedAt[k] as number] as NodeInfo;
      failures.set(info.name, runFilters(pod, info, ctx) as FilterFailure);
    }
    const message = failedSchedulingMessage(
      n,
      [...failures.values()],
      preemptionVerdicts(pod, failures, cache),
    );
    return { kind: 'unschedulable', message, failures, nextStartIndex };
  }
  if (nf === 1) {
    const only = infos[feasibleAt[0] as number] as NodeInfo;
    return { kind: 'scheduled', nodeName: only.name, scores: [], nextStartIndex };
  }
  const feasible = new Array<NodeInfo>(nf);
  for (let j = 0; j < nf; j++) feasible[j] = infos[feasibleAt[j] as number] as NodeInfo;
  const totals = scoreTotals(
    pod,
    view,
    cache,
    feasible,
    requests,
    feasibleAt.subarray(0, nf),
    anyTaints,
  );
  const nodeName = feasible[selectBest(totals, random)]?.name ?? '';
  return {
    kind: 'scheduled',
    nodeName,
    // Built when read (tests do; the controller does not): 420 objects a pod at 1,000 nodes.
    get scores() {
      return namedScores(feasible, totals);
    },
    nextStartIndex,
  };
}

/**
 * Scratch positions of {@link schedulePod}'s search, reused across cycles (a cycle runs to its
 * end before the next starts; nothing read after a cycle points into them).
 */
let scratchFeasible = new Int32Array(0);
let scratchFailed = new Int32Array(0);

/** A node's standing for the pod's requests: no room (NodeResourcesFit fails), room, room and neither cordoned nor tainted. */
const NO_ROOM = 0;
const ROOM = 1;
const ROOM_CLEAN = 2;

/**
 * True when every filter but NodeUnschedulable, TaintToleration and NodeResourcesFit passes any
 * node for `pod`: no node name, node selector, required node affinity, host ports,
 * DoNotSchedule spread constraint or required inter-pod (anti-)affinity state.
 */
function onlyNodeLocalFilters(
  pod: Pod,
  ctx: {
    ports: readonly unknown[];
    spread: unknown;
    podAffinity: unknown;
  },
): boolean {
  if (ctx.ports.length > 0 || ctx.spread !== undefined || ctx.podAffinity !== undefined) {
    return false;
  }
  const spec = pod.spec;
  if (spec.nodeName !== undefined && spec.nodeName !== '') return false;
  const selector = spec.nodeSelector;
  if (selector !== undefined) {
    for (const _ in selector) return false;
  }
  return spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution === undefined;
}

function namedScores(feasible: readonly NodeInfo[], totals: ArrayLike<number>): NodeScore[] {
  return feasible.map((info, j) => ({ name: info.name, score: totals[j] ?? 0 }));
}

/**
 * The total weighted score of each feasible node, in order. `positions`, when given, is each
 * feasible node's index in `cache.nodeInfos()` (what the search loop knows).
 */
export function scoreNodes(
  pod: Pod,
  view: ClusterView,
  cache: SchedulerCacheView,
  feasible: readonly NodeInfo[],
  requests: ReturnType<typeof podRequests>,
  positions?: ArrayLike<number>,
): NodeScore[] {
  return namedScores(feasible, scoreTotals(pod, view, cache, feasible, requests, positions));
}

/**
 * {@link scoreNodes}' scores alone, in the same order. `anyTaints`, when given, says whether some
 * feasible node has taints (the search loop knows).
 */
function scoreTotals(
  pod: Pod,
  view: ClusterView,
  cache: SchedulerCacheView,
  feasible: readonly NodeInfo[],
  requests: ReturnType<typeof podRequests>,
  positions?: ArrayLike<number>,
  anyTaints?: boolean,
): number[] {
  const nf = feasible.length;
  // TaintToleration and NodeAffinity raw scores; all 0 (normalised to 100 and 0) when no node has
  // taints and the pod has no preferred node affinity, which skips the per-node work.
  let tainted = anyTaints ?? false;
  if (anyTaints === undefined) {
    for (const info of feasible) {
      if (info.taints.length > 0) {
        tainted = true;
        break;
      }
    }
  }
  const preferred =
    pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  const taint = tainted
    ? defaultNormalizeScore(
        feasible.map((i) => intolerablePreferNoScheduleCount(pod, i)),
        true,
      )
    : undefined;
  const affinity =
    preferred !== undefined && preferred.length > 0
      ? defaultNormalizeScore(
          feasible.map((i) => nodeAffinityRawScore(pod, i)),
          false,
        )
      : undefined;
  const spread = podTopologySpreadScoresInto(pod, view, cache, feasible, positions);
  const podAffinity = interPodAffinityScores(pod, view, cache, feasible);
  const w = SCORE_WEIGHTS;
  if (positions !== undefined) {
    const { milliCpu, memory, nonZeroMilliCpu, nonZeroMemory } = requests;
    scoreMemo.ready([milliCpu, memory, nonZeroMilliCpu, nonZeroMemory], cache.nodeInfos().length);
  }
  const scoreVersions = scoreMemo.versions;
  const leastAt = scoreMemo.first;
  const balancedAt = scoreMemo.second;
  // A plain array: a typed one this long gets an off-heap backing store, dearer to make.
  const out = new Array<number>(nf);
  for (let j = 0; j < nf; j++) {
    const info = feasible[j] as NodeInfo;
    let least: number;
    let balanced: number;
    // Without positions (scoreNodes) nothing is kept: the version is left out.
    const version = positions === undefined ? undefined : versionOf(info);
    const p = positions === undefined ? 0 : (positions[j] as number);
    if (version !== undefined && scoreVersions[p] === version) {
      least = leastAt[p] as number;
      balanced = balancedAt[p] as number;
    } else {
      least = leastAllocatedScore(requests, info);
      balanced = balancedAllocationScore(requests, info);
      scoreMemo.keep(p, version, least, balanced);
    }
    out[j] =
      w.TaintToleration * (taint === undefined ? MAX_NODE_SCORE : (taint[j] ?? 0)) +
      w.NodeAffinity * (affinity === undefined ? 0 : (affinity[j] ?? 0)) +
      w.PodTopologySpread * (spread === undefined ? 0 : (spread[j] as number)) +
      w.InterPodAffinity * (podAffinity === undefined ? 0 : (podAffinity[j] ?? 0)) +
      w.NodeResourcesFit * least +
      w.NodeResourcesBalancedAllocation * balanced;
  }
  return out;
}

/**
 * Results per node position kept across scheduling cycles: an entry holds for the NodeInfo
 * version it was kept with (versions are process-wide and renewed on every change of a node's
 * sums or Node, so a different or changed node misses) and for the request values the memo was
 * last readied for. Most nodes are unchanged from one cycle to the next, and pods of one template
 * ask the same.
 */
class NodeMemo {
  /** The version each position's values were kept for (0: none; versions start at 1). */
  versions = new Float64Array(0);
  /** The first kept value, by position. */
  first = new Float64Array(0);
  /** The second kept value, by position (unused by a one-value memo). */
  second = new Float64Array(0);
  #key: readonly number[] = [];

  /** Readies the memo for `key` (the pod's request values) over `size` positions. */
  ready(key: readonly number[], size: number): void {
    if (this.versions.length < size) {
      this.versions = new Float64Array(size);
      this.first = new Float64Array(size);
      this.second = new Float64Array(size);
    } else if (key.length === this.#key.length && key.every((v, i) => v === this.#key[i])) {
      return;
    } else this.versions.fill(0);
    this.#key = key;
  }

  /** Keeps `first` (and `second`) at position `at` for `version` (nothing without a version). */
  keep(at: number, version: number | undefined, first: number, second = 0): void {
    if (version === undefined) return;
    this.versions[at] = version;
    this.first[at] = first;
    this.second[at] = second;
  }
}

/** Each position's standing for the pod's cpu and memory ({@link NO_ROOM}, {@link ROOM}, {@link ROOM_CLEAN}). */
const fitMemo = new NodeMemo();
/** Each position's LeastAllocated and BalancedAllocation scores. */
const scoreMemo = new NodeMemo();
