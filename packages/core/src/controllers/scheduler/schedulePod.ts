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
  taintTolerationFilter,
} from './filters.js';
import { interPodAffinityFilter, prepareInterPodAffinityFilter } from './interPodAffinity.js';
import { interPodAffinityScores } from './interPodAffinityScore.js';
import type { NodeInfo } from './nodeInfo.js';
import { numFeasibleNodesToFind } from './numFeasibleNodesToFind.js';
import { podHostPorts, podRequests } from './podRequests.js';
import {
  podTopologySpreadFilter,
  podTopologySpreadScores,
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
  const feasible: NodeInfo[] = [];
  // Each feasible node's index in `infos`, for scores that read per-node tables.
  const positions = new Int32Array(want);
  const failures = new Map<string, FilterFailure>();
  let processed = 0;
  while (processed < n && feasible.length < want) {
    const i = start + processed;
    const at = i < n ? i : i - n;
    const info = infos[at];
    processed += 1;
    if (info === undefined) continue;
    const failure = runFilters(pod, info, ctx);
    if (failure === undefined) {
      positions[feasible.length] = at;
      feasible.push(info);
    } else failures.set(info.name, failure);
  }
  const nextStartIndex = (start + processed) % n;
  if (feasible.length === 0) {
    const message = failedSchedulingMessage(
      n,
      [...failures.values()],
      preemptionVerdicts(pod, failures, cache),
    );
    return { kind: 'unschedulable', message, failures, nextStartIndex };
  }
  const only = feasible.length === 1 ? feasible[0] : undefined;
  if (only !== undefined)
    return { kind: 'scheduled', nodeName: only.name, scores: [], nextStartIndex };
  const totals = scoreTotals(
    pod,
    view,
    cache,
    feasible,
    ctx.requests,
    positions.subarray(0, feasible.length),
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

function namedScores(feasible: readonly NodeInfo[], totals: readonly number[]): NodeScore[] {
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

/** {@link scoreNodes}' scores alone, in the same order. */
function scoreTotals(
  pod: Pod,
  view: ClusterView,
  cache: SchedulerCacheView,
  feasible: readonly NodeInfo[],
  requests: ReturnType<typeof podRequests>,
  positions?: ArrayLike<number>,
): number[] {
  const nf = feasible.length;
  // TaintToleration and NodeAffinity raw scores; all 0 (normalised to 100 and 0) when no node has
  // taints and the pod has no preferred node affinity, which skips the per-node work.
  let anyTaints = false;
  for (const info of feasible) {
    if (info.taints.length > 0) {
      anyTaints = true;
      break;
    }
  }
  const preferred =
    pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  const taint = anyTaints
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
  const spread = podTopologySpreadScores(pod, view, cache, feasible, positions);
  const podAffinity = interPodAffinityScores(pod, view, cache, feasible);
  const w = SCORE_WEIGHTS;
  const out = new Array<number>(nf);
  for (let j = 0; j < nf; j++) {
    const info = feasible[j] as NodeInfo;
    out[j] =
      w.TaintToleration * (taint === undefined ? MAX_NODE_SCORE : (taint[j] ?? 0)) +
      w.NodeAffinity * (affinity?.[j] ?? 0) +
      w.PodTopologySpread * (spread?.[j] ?? 0) +
      w.InterPodAffinity * (podAffinity?.[j] ?? 0) +
      w.NodeResourcesFit * leastAllocatedScore(requests, info) +
      w.NodeResourcesBalancedAllocation * balancedAllocationScore(requests, info);
  }
  return out;
}
