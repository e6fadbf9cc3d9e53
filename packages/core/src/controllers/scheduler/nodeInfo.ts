/**
 * The scheduler's per-node aggregate, maintained by {@link SchedulerCache}.
 * @packageDocumentation
 */
import { bytes, cpuMillis } from '../../quantity/parseQuantity.js';
import type { Node, Taint } from '../../objects/node.js';
import type { HostPort } from './podRequests.js';

/** The pod-count limit when a node does not state `status.allocatable.pods` (kubelet `maxPods`). */
export const DEFAULT_MAX_PODS = 110;

/** A node's allocatable cpu (millicores), memory (bytes) and pod count. */
export interface Allocatable {
  readonly milliCpu: number;
  readonly memory: number;
  readonly pods: number;
}

/**
 * What the scheduler knows about one node: the Node object (absent while only pods bound to an
 * unknown node are known, as upstream's cache keeps "imaginary" nodes) and the sums over the
 * non-terminal pods bound to it, including pods the scheduler assumed but has not seen bound yet.
 * Read-only to filters and scores.
 */
export interface NodeInfo {
  readonly name: string;
  readonly node: Node | undefined;
  /** `node.spec.unschedulable === true`, kept beside the node so filters read one object. */
  readonly unschedulable: boolean;
  /** `node.spec.taints` (empty when none or no Node), likewise. */
  readonly taints: readonly Taint[];
  readonly allocatable: Allocatable;
  /** Sum of the pods' effective requests. */
  readonly requestedMilliCpu: number;
  readonly requestedMemory: number;
  /** The same sums counting containers without requests as 100m / 200 MiB (scoring only). */
  readonly nonZeroMilliCpu: number;
  readonly nonZeroMemory: number;
  readonly podCount: number;
  /** Host ports in use, as `protocol/ip/port` → number of pods using it. */
  readonly usedPorts: ReadonlyMap<string, number>;
  /** Pods per `spec.priority` (absent priority counts as 0). */
  readonly priorities: ReadonlyMap<number, number>;
}

/** The mutable form the cache updates in place. */
export interface MutableNodeInfo extends NodeInfo {
  node: Node | undefined;
  unschedulable: boolean;
  taints: readonly Taint[];
  allocatable: Allocatable;
  requestedMilliCpu: number;
  requestedMemory: number;
  nonZeroMilliCpu: number;
  nonZeroMemory: number;
  podCount: number;
  readonly usedPorts: Map<string, number>;
  readonly priorities: Map<number, number>;
  /**
   * Renewed ({@link touch}) whenever the sums or the Node change, from one process-wide counter:
   * two infos with the same version (a fork's copy and its original) hold the same values, so
   * per-node results may be kept by version across cycles, caches and forks. Symbol-keyed, so
   * it stays out of JSON, `Object.keys` and comparisons of cache states.
   */
  [VERSION]: number;
}

/** The key of {@link MutableNodeInfo}'s version. */
export const VERSION: unique symbol = Symbol('NodeInfo.version');

/** The next version. */
let nextVersion = 1;

/** Gives `info` a version no info has had, after a change of its sums or Node. */
export function touch(info: MutableNodeInfo): void {
  info[VERSION] = nextVersion++;
}

/** The version of a cache's info, undefined for any other NodeInfo. */
export function versionOf(info: NodeInfo): number | undefined {
  return (info as Partial<MutableNodeInfo>)[VERSION];
}

/** The key of a host port in {@link NodeInfo.usedPorts}. */
export function hostPortKey(p: HostPort): string {
  return `${p.protocol}/${p.ip}/${p.port}`;
}

/**
 * A node's allocatable resources: `status.allocatable` (admission defaults it from `capacity`);
 * missing cpu or memory count as 0, a missing pod count as {@link DEFAULT_MAX_PODS}.
 */
export function allocatableOf(node: Node | undefined): Allocatable {
  const a = node?.status.allocatable;
  const cpu = a?.['cpu'];
  const mem = a?.['memory'];
  const pods = a?.['pods'];
  return {
    milliCpu: cpu === undefined ? 0 : cpuMillis(cpu),
    memory: mem === undefined ? 0 : bytes(mem),
    pods: pods === undefined ? DEFAULT_MAX_PODS : bytes(pods),
  };
}

const NO_TAINTS: readonly Taint[] = Object.freeze([]);

/** Points `info` at `node` (undefined: the Node is gone), with the fields read from it. */
export function setNodeOf(info: MutableNodeInfo, node: Node | undefined): void {
  info.node = node;
  info.unschedulable = node?.spec.unschedulable === true;
  info.taints = node?.spec.taints ?? NO_TAINTS;
  info.allocatable = allocatableOf(node);
  touch(info);
}

/** An empty NodeInfo for `name`. */
export function emptyNodeInfo(name: string, node: Node | undefined): MutableNodeInfo {
  return {
    name,
    node,
    unschedulable: node?.spec.unschedulable === true,
    taints: node?.spec.taints ?? NO_TAINTS,
    allocatable: allocatableOf(node),
    requestedMilliCpu: 0,
    requestedMemory: 0,
    nonZeroMilliCpu: 0,
    nonZeroMemory: 0,
    podCount: 0,
    usedPorts: new Map(),
    priorities: new Map(),
    [VERSION]: nextVersion++,
  };
}

/** Adds `delta` to a counter map, deleting the entry when it reaches 0. */
export function bump<K>(map: Map<K, number>, key: K, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}
