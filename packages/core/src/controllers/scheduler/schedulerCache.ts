/**
 * The scheduler's cache: per-node sums over the pods bound to each node, maintained incrementally
 * from store events, like upstream's informer-fed cache (pkg/scheduler/backend/cache).
 * @packageDocumentation
 */
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import type { Service } from '../../objects/service.js';
import type { Selector } from '../../selector/types.js';
import { ShardedCowMap } from '../../store/shardedCowMap.js';
import type { StoreEvent } from '../../store/view.js';
import { podAffinityTermsOf } from './affinityTerms.js';
import type { PodAffinityTerms } from './affinityTerms.js';
import { LabelSetIndex, labelSetId } from './labelSetIndex.js';
import { bump, emptyNodeInfo, hostPortKey, setNodeOf, touch } from './nodeInfo.js';
import type { MutableNodeInfo, NodeInfo } from './nodeInfo.js';
import { podHostPorts, podRequests } from './podRequests.js';
import type { HostPort, PodRequests } from './podRequests.js';

interface PodRecord {
  readonly nodeName: string;
  readonly requests: PodRequests;
  readonly ports: readonly HostPort[];
  readonly priority: number;
  readonly labelSet: { id: string; namespace: string; labels: Record<string, string> };
  /** Spread counts skip terminating pods; inter-pod affinity counts them (upstream `nodeInfo.Pods`). */
  readonly terminating: boolean;
  readonly assumed: boolean;
}

function podKeyOf(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}

/**
 * Each cache's services epoch ({@link servicesEpochOf}), beside the class so that it stays off
 * the public surface.
 */
const servicesEpochs = new WeakMap<object, object>();

/**
 * An object renewed whenever the cache sees a Service added, deleted or given another selector,
 * and shared with a fork until either side renews it: values derived from the view's Services
 * (which Services select a set of labels) stay valid while it is the same object. Undefined for
 * a cache view of another make (then nothing may be kept).
 */
export function servicesEpochOf(cache: SchedulerCacheView): object | undefined {
  let epoch = servicesEpochs.get(cache);
  if (epoch === undefined && cache instanceof SchedulerCache) {
    epoch = {};
    servicesEpochs.set(cache, epoch);
  }
  return epoch;
}

/** True when a Service event can change which Services select some labels. */
function changesServiceSelection(ev: StoreEvent): boolean {
  if (ev.type !== 'MODIFIED') return true;
  const before = ev.oldObject as Service | undefined;
  return before?.spec.selector !== (ev.object as Service).spec.selector;
}

/** How many node-derived values {@link SchedulerCache.nodeDerived} keeps at most. */
const MAX_DERIVED_ENTRIES = 256;

function sameLabels(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  if (a === b) return true;
  const ak = Object.keys(a ?? {});
  if (ak.length !== Object.keys(b ?? {}).length) return false;
  return ak.every((k) => a?.[k] === b?.[k]);
}

function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/** A bound pod with inter-pod affinity terms (upstream `NodeInfo.PodsWithAffinity`). */
export interface PodWithAffinity {
  readonly nodeName: string;
  readonly namespace: string;
  readonly terms: PodAffinityTerms;
}

/**
 * What the scheduler reads of its cache: it is handed a view and never changes it; whoever owns
 * the cache keeps it current from store events ({@link SchedulerCache.observe}).
 */
export type SchedulerCacheView = Pick<
  SchedulerCache,
  | 'isAssumed'
  | 'nodeOfPod'
  | 'nodeInfo'
  | 'nodeNames'
  | 'nodeInfos'
  | 'nodeLabelGeneration'
  | 'nodeDerived'
  | 'countMatching'
  | 'countAffinityMatching'
  | 'podsWithAffinity'
>;

/**
 * Per-node requested cpu, memory, pod count, host ports and priorities of the non-terminal pods
 * bound to each node, plus per-label-set pod counts for topology spreading and inter-pod affinity,
 * and the pods carrying inter-pod affinity terms. Every update is
 * O(size of one pod); no decision scans all pods.
 *
 * Pods the scheduler has decided on are *assumed* (counted on their node at once) until the
 * store event that shows them bound arrives, as upstream's `AssumePod`; a late event showing the
 * pod still unbound does not undo the assumption.
 * @example
 * const cache = new SchedulerCache();
 * store.watch((ev) => cache.observe(ev));
 * cache.nodeInfo('n1')?.requestedMilliCpu;
 */
export class SchedulerCache {
  // Shared with forks, copied on write: the maps by shard, each NodeInfo on its first change
  // after a fork (in whichever cache changes it), the sorted arrays whole.
  #nodes = new ShardedCowMap<MutableNodeInfo>();
  #pods = new ShardedCowMap<PodRecord>();
  /** The NodeInfos this cache made since it was last forked or made: the only ones it changes. */
  #own = new WeakSet<MutableNodeInfo>();
  #labelSets = new LabelSetIndex();
  /** Like `#labelSets` but terminating pods included: inter-pod affinity counts them. */
  #affinityLabelSets = new LabelSetIndex();
  #withAffinity = new Map<string, PodWithAffinity>();
  #sortedNames: string[] = [];
  /** The NodeInfo of each name in `#sortedNames`, at the same index. */
  #sortedInfos: MutableNodeInfo[] = [];
  /** The sorted arrays are shared with a fork (copied before they change). */
  #sortedShared = false;
  /** Bumped when a Node is added or removed or its labels change. */
  #nodeLabelGeneration = 0;
  #derived = new Map<string, unknown>();
  #derivedGeneration = 0;

  /**
   * An independent cache in the same state, for a fork of the simulation. Nothing is copied now:
   * both caches share the maps (by shard), the node infos, the label indexes (by label set) and
   * the sorted arrays, and whichever changes one first copies it (same iteration orders).
   * Frozen objects and pod records are always shared.
   */
  fork(): SchedulerCache {
    const out = new SchedulerCache();
    out.#nodes = this.#nodes.fork();
    out.#pods = this.#pods.fork();
    // Every NodeInfo is shared now, on both sides.
    this.#own = new WeakSet();
    out.#labelSets = this.#labelSets.fork();
    out.#affinityLabelSets = this.#affinityLabelSets.fork();
    out.#withAffinity = new Map(this.#withAffinity);
    out.#sortedNames = this.#sortedNames;
    out.#sortedInfos = this.#sortedInfos;
    out.#sortedShared = true;
    this.#sortedShared = true;
    out.#nodeLabelGeneration = this.#nodeLabelGeneration;
    out.#derived = new Map(this.#derived);
    out.#derivedGeneration = this.#derivedGeneration;
    const epoch = servicesEpochOf(this);
    if (epoch !== undefined) servicesEpochs.set(out, epoch);
    return out;
  }

  /**
   * Applies one store event: Node and Pod kinds, and Service changes of selection (which renew
   * {@link servicesEpochOf}); other kinds are ignored.
   */
  observe(ev: StoreEvent): void {
    if (ev.kind === 'Node') {
      const node = ev.object as Node;
      if (ev.type === 'DELETED') this.#removeNode(node.metadata.name);
      else this.#setNode(node);
    } else if (ev.kind === 'Pod') {
      const pod = ev.object as Pod;
      const key = ev.key;
      if (ev.type === 'DELETED') {
        this.#removePod(key);
        return;
      }
      const nodeName = pod.spec.nodeName;
      if (nodeName === undefined || nodeName === '') return; // unassigned: not the cache's business
      if (ev.type === 'MODIFIED' && this.#keeps(key, ev.oldObject as Pod | undefined, pod)) return;
      this.#removePod(key);
      if (!isTerminal(pod)) this.#addPod(key, pod, nodeName, false);
    } else if (ev.kind === 'Service' && changesServiceSelection(ev)) {
      servicesEpochs.set(this, {});
    }
  }

  /**
   * True when the record of `key` (built from `old`, the previous version) is already what
   * re-adding `pod` would build: a status write of a running pod shares the frozen spec and
   * labels, so nothing the cache counts (node, requests, ports, priority, labels, affinity terms,
   * terminating) changed. An assumed record is not kept: the event confirms it.
   */
  #keeps(key: string, old: Pod | undefined, pod: Pod): boolean {
    if (old === undefined || old.spec !== pod.spec || isTerminal(pod)) return false;
    const record = this.#pods.get(key);
    return (
      record !== undefined &&
      !record.assumed &&
      record.nodeName === pod.spec.nodeName &&
      old.metadata.labels === pod.metadata.labels &&
      old.metadata.namespace === pod.metadata.namespace &&
      old.metadata.deletionTimestamp === pod.metadata.deletionTimestamp
    );
  }

  /** Counts `pod` on `nodeName` before its binding is seen (upstream `AssumePod`). */
  assume(pod: Pod, nodeName: string): void {
    const key = podKeyOf(pod);
    this.#removePod(key);
    this.#addPod(key, pod, nodeName, true);
  }

  /** Drops an assumed pod whose binding did not happen (upstream `ForgetPod`). No-op otherwise. */
  forget(podKey: string): void {
    if (this.#pods.get(podKey)?.assumed === true) this.#removePod(podKey);
  }

  /** True when the pod is assumed and its binding not yet observed. */
  isAssumed(podKey: string): boolean {
    return this.#pods.get(podKey)?.assumed === true;
  }

  /** The node the cache counts the pod on, if any. */
  nodeOfPod(podKey: string): string | undefined {
    return this.#pods.get(podKey)?.nodeName;
  }

  /** The aggregate of one node (also for a node only known from its pods). */
  nodeInfo(name: string): NodeInfo | undefined {
    return this.#nodes.get(name);
  }

  /** Names of the nodes whose Node object is known, sorted: the scheduler's stable iteration order. */
  nodeNames(): readonly string[] {
    return this.#sortedNames;
  }

  /** The NodeInfo of each of {@link nodeNames}, in the same order (no lookup by name needed). */
  nodeInfos(): readonly NodeInfo[] {
    return this.#sortedInfos;
  }

  /**
   * A counter that changes whenever a Node is added or removed or its labels change, and only
   * then: values computed from the node set and node labels alone stay valid while it holds.
   */
  nodeLabelGeneration(): number {
    return this.#nodeLabelGeneration;
  }

  /**
   * The value `compute` gives for `key`, computed once per {@link nodeLabelGeneration}. Only for
   * values that depend on nothing but the known nodes and their labels (e.g. how many topology
   * domains the nodes a pod may use span).
   */
  nodeDerived<T>(key: string, compute: () => T): T {
    if (this.#derivedGeneration !== this.#nodeLabelGeneration) {
      this.#derived = new Map();
      this.#derivedGeneration = this.#nodeLabelGeneration;
    }
    if (this.#derived.has(key)) return this.#derived.get(key) as T;
    const value = compute();
    // A bound on distinct keys (pods with many different node selectors): start over.
    if (this.#derived.size >= MAX_DERIVED_ENTRIES) this.#derived = new Map();
    this.#derived.set(key, value);
    return value;
  }

  /**
   * Non-terminating bound pods per node in `namespace` matching every selector in `selectors`
   * (possibly the cache's own counts: read it before the cache next changes).
   */
  countMatching(namespace: string, selectors: readonly Selector[]): ReadonlyMap<string, number> {
    return this.#labelSets.countMatching(namespace, selectors);
  }

  /**
   * Bound pods per node (terminating ones included) in `namespaces` (all when undefined) whose
   * namespace and labels satisfy `match`; `hint` narrows the label sets visited.
   */
  countAffinityMatching(
    namespaces: Iterable<string> | undefined,
    hint: Selector,
    match: (namespace: string, labels: Readonly<Record<string, string>>) => boolean,
  ): ReadonlyMap<string, number> {
    return this.#affinityLabelSets.countWhere(namespaces, hint, match);
  }

  /** The bound pods that have inter-pod affinity or anti-affinity terms, by pod key. */
  podsWithAffinity(): ReadonlyMap<string, PodWithAffinity> {
    return this.#withAffinity;
  }

  /** The node's info, this cache's own (made, or copied when shared with a fork). */
  #info(name: string): MutableNodeInfo {
    const info = this.#nodes.get(name);
    if (info === undefined) {
      const made = emptyNodeInfo(name, undefined);
      this.#own.add(made);
      this.#nodes.set(name, made);
      return made;
    }
    if (this.#own.has(info)) return info;
    const copy: MutableNodeInfo = {
      ...info,
      usedPorts: new Map(info.usedPorts),
      priorities: new Map(info.priorities),
    };
    this.#own.add(copy);
    this.#nodes.set(name, copy);
    // A known Node's info is in the sorted arrays too.
    if (info.node !== undefined) this.#writableSorted()[1][this.#search(name)] = copy;
    return copy;
  }

  /** The sorted arrays, copied first if shared with a fork. */
  #writableSorted(): [string[], MutableNodeInfo[]] {
    if (this.#sortedShared) {
      this.#sortedNames = this.#sortedNames.slice();
      this.#sortedInfos = this.#sortedInfos.slice();
      this.#sortedShared = false;
    }
    return [this.#sortedNames, this.#sortedInfos];
  }

  #setNode(node: Node): void {
    const name = node.metadata.name;
    const info = this.#info(name);
    if (info.node === undefined) {
      this.#insertName(name, info);
      this.#nodeLabelGeneration += 1;
    } else if (!sameLabels(info.node.metadata.labels, node.metadata.labels)) {
      this.#nodeLabelGeneration += 1;
    }
    setNodeOf(info, node);
  }

  #removeNode(name: string): void {
    if (this.#nodes.get(name)?.node === undefined) return;
    const info = this.#info(name);
    setNodeOf(info, undefined);
    const i = this.#search(name);
    const [names, infos] = this.#writableSorted();
    names.splice(i, 1);
    infos.splice(i, 1);
    this.#nodeLabelGeneration += 1;
    if (info.podCount === 0) this.#nodes.delete(name);
  }

  #addPod(key: string, pod: Pod, nodeName: string, assumed: boolean): void {
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const labels = pod.metadata.labels ?? {};
    const ns = pod.metadata.namespace;
    const record: PodRecord = {
      nodeName,
      requests: podRequests(pod),
      ports: podHostPorts(pod),
      priority: pod.spec.priority ?? 0,
      labelSet: { id: labelSetId(ns, labels), namespace: ns, labels },
      terminating,
      assumed,
    };
    this.#pods.set(key, record);
    const terms = podAffinityTermsOf(pod);
    if (terms !== undefined) this.#withAffinity.set(key, { nodeName, namespace: ns, terms });
    this.#account(record, 1);
  }

  #removePod(key: string): void {
    const record = this.#pods.get(key);
    if (record === undefined) return;
    this.#pods.delete(key);
    this.#withAffinity.delete(key);
    this.#account(record, -1);
    const info = this.#nodes.get(record.nodeName);
    if (info !== undefined && info.node === undefined && info.podCount === 0) {
      this.#nodes.delete(record.nodeName);
    }
  }

  #account(r: PodRecord, sign: 1 | -1): void {
    const info = this.#info(r.nodeName);
    info.requestedMilliCpu += sign * r.requests.milliCpu;
    info.requestedMemory += sign * r.requests.memory;
    info.nonZeroMilliCpu += sign * r.requests.nonZeroMilliCpu;
    info.nonZeroMemory += sign * r.requests.nonZeroMemory;
    info.podCount += sign;
    touch(info);
    for (const p of r.ports) bump(info.usedPorts, hostPortKey(p), sign);
    bump(info.priorities, r.priority, sign);
    const ls = r.labelSet;
    if (!r.terminating) this.#labelSets.add(ls.id, ls.namespace, ls.labels, r.nodeName, sign);
    this.#affinityLabelSets.add(ls.id, ls.namespace, ls.labels, r.nodeName, sign);
  }

  #search(name: string): number {
    let lo = 0;
    let hi = this.#sortedNames.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#sortedNames[mid] ?? '') < name) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #insertName(name: string, info: MutableNodeInfo): void {
    const i = this.#search(name);
    const [names, infos] = this.#writableSorted();
    names.splice(i, 0, name);
    infos.splice(i, 0, info);
  }
}
