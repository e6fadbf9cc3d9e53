/**
 * The node filters of the default profile, as pure functions over (pod, NodeInfo). Each returns
 * undefined when the node passes, or why it does not.
 * @packageDocumentation
 */
import type { Pod } from '../../objects/pod.js';
import type { Taint } from '../../objects/node.js';
import { REASONS, fail, untoleratedTaintReason } from './filterStatus.js';
import type { FilterFailure } from './filterStatus.js';
import { podMatchesNodeSelectorAndAffinity } from './nodeAffinity.js';
import { hostPortKey } from './nodeInfo.js';
import type { NodeInfo } from './nodeInfo.js';
import type { HostPort, PodRequests } from './podRequests.js';
import { firstUntoleratedTaint, tolerationsTolerate } from './tolerations.js';

/** The taint a cordoned node carries, which a pod may tolerate to land there anyway. */
export const UNSCHEDULABLE_TAINT: Taint = {
  key: 'node.kubernetes.io/unschedulable',
  effect: 'NoSchedule',
};

/** The taint effects TaintToleration filters on (PreferNoSchedule only scores). */
const FILTERED_EFFECTS: readonly Taint['effect'][] = ['NoSchedule', 'NoExecute'];

/** NodeName: a pod that names a node fits only that node (plugins/nodename). */
export function nodeNameFilter(pod: Pod, info: NodeInfo): FilterFailure | undefined {
  const want = pod.spec.nodeName;
  if (want === undefined || want === '' || want === info.name) return undefined;
  return fail('NodeName', [REASONS.nodeName], true);
}

/**
 * NodeUnschedulable: a cordoned node (`spec.unschedulable`) is rejected unless the pod tolerates
 * `node.kubernetes.io/unschedulable:NoSchedule` (plugins/nodeunschedulable).
 */
export function nodeUnschedulableFilter(pod: Pod, info: NodeInfo): FilterFailure | undefined {
  if (!info.unschedulable) return undefined;
  if (tolerationsTolerate(pod.spec.tolerations, UNSCHEDULABLE_TAINT)) return undefined;
  return fail('NodeUnschedulable', [REASONS.unschedulable], true);
}

/**
 * TaintToleration: every NoSchedule and NoExecute taint must be tolerated; PreferNoSchedule only
 * scores (plugins/tainttoleration). The reason names the first untolerated taint.
 */
export function taintTolerationFilter(pod: Pod, info: NodeInfo): FilterFailure | undefined {
  const taints = info.taints;
  if (taints.length === 0) return undefined;
  const taint = firstUntoleratedTaint(taints, pod.spec.tolerations, FILTERED_EFFECTS);
  if (taint === undefined) return undefined;
  return fail('TaintToleration', [untoleratedTaintReason(taint.key, taint.value)], true);
}

/** NodeAffinity: `spec.nodeSelector` AND the required node affinity terms (plugins/nodeaffinity). */
export function nodeAffinityFilter(pod: Pod, info: NodeInfo): FilterFailure | undefined {
  if (info.node === undefined || podMatchesNodeSelectorAndAffinity(pod, info.node))
    return undefined;
  return fail('NodeAffinity', [REASONS.nodeAffinity], true);
}

/**
 * NodePorts: a wanted host port conflicts with one in use on the same protocol and port when
 * either side binds `0.0.0.0` or both bind the same IP (framework `HostPortInfo.CheckConflict`).
 */
export function nodePortsFilter(
  ports: readonly HostPort[],
  info: NodeInfo,
): FilterFailure | undefined {
  for (const p of ports) {
    if (hostPortInUse(p, info)) return fail('NodePorts', [REASONS.nodePorts], false);
  }
  return undefined;
}

function hostPortInUse(p: HostPort, info: NodeInfo): boolean {
  if (info.usedPorts.size === 0) return false;
  if (p.ip === '0.0.0.0') {
    const suffix = `/${p.port}`;
    const prefix = `${p.protocol}/`;
    for (const key of info.usedPorts.keys()) {
      if (key.startsWith(prefix) && key.endsWith(suffix)) return true;
    }
    return false;
  }
  return (
    info.usedPorts.has(hostPortKey({ ...p, ip: '0.0.0.0' })) || info.usedPorts.has(hostPortKey(p))
  );
}

/**
 * NodeResourcesFit: one more pod must fit under `allocatable.pods` ("Too many pods"), and each
 * requested resource must fit in allocatable − requested ("Insufficient cpu", "Insufficient
 * memory"); every failing resource is a reason of its own (plugins/noderesources/fit.go
 * `fitsRequest`).
 * @example
 * // node 4 cpu, 3.5 requested, pod asks 1 → ['Insufficient cpu']
 */
export function nodeResourcesFitFilter(
  requests: PodRequests,
  info: NodeInfo,
): FilterFailure | undefined {
  return resourcesFit(requests, info) ? undefined : resourcesFitFailure(requests, info);
}

/**
 * {@link nodeResourcesFitFilter} as a yes/no, building nothing: the scheduler's search loop asks
 * this of every node it visits and builds the failure (its reasons) only when they are read.
 */
export function resourcesFit(requests: PodRequests, info: NodeInfo): boolean {
  const a = info.allocatable;
  if (info.podCount + 1 > a.pods) return false;
  const cpu = requests.milliCpu;
  if (cpu > 0 && cpu > a.milliCpu - info.requestedMilliCpu) return false;
  const memory = requests.memory;
  return !(memory > 0 && memory > a.memory - info.requestedMemory);
}

/** The failure of a node {@link resourcesFit} rejects: one reason per failing resource. */
function resourcesFitFailure(requests: PodRequests, info: NodeInfo): FilterFailure {
  const a = info.allocatable;
  const tooMany = info.podCount + 1 > a.pods;
  const cpu = requests.milliCpu > 0 && requests.milliCpu > a.milliCpu - info.requestedMilliCpu;
  const memory = requests.memory > 0 && requests.memory > a.memory - info.requestedMemory;
  const reasons: string[] = [];
  if (tooMany) reasons.push(REASONS.tooManyPods);
  if (cpu) reasons.push(REASONS.insufficientCpu);
  if (memory) reasons.push(REASONS.insufficientMemory);
  return fail('NodeResourcesFit', reasons, false);
}
