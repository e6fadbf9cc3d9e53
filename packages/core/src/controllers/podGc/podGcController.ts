/**
 * The pod garbage collector (§6.11–6.12, pkg/controller/podgc/gc_controller.go), lazily: its
 * passes are at k × podGCPeriod, but it is only woken when something it would act on appears.
 * @packageDocumentation
 */
import { emptyPlan } from '../plan.js';
import { formatTimestamp } from '../../time.js';
import type { Action, Controller, Plan } from '../plan.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import type { Condition } from '../../objects/meta.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import { nextPhase } from '../../timing/periodicPhase.js';
import { defaultPodGcConfig } from './podGcConfig.js';
import type { PodGcConfig } from './podGcConfig.js';
import { isPodTerminal, podKey, podMarkedFailed } from '../nodeLifecycle/podConditions.js';
import { TAINT_NODE_OUT_OF_SERVICE, isNodeReady } from '../nodeLifecycle/taintKeys.js';

/** The controller's name in traces and errors. */
export const POD_GC_CONTROLLER = 'pod-garbage-collector';
/** The single key the pod GC queues: each reconcile at a pass instant is one GC pass. */
export const POD_GC_KEY = 'podgc';

const ORPHAN_CONDITION: Condition = {
  type: 'DisruptionTarget',
  status: 'True',
  reason: 'DeletionByPodGC',
  message: 'PodGC: node no longer exists',
};

/** Evicted pods first, then oldest, then by name (upstream `byEvictionAndCreationTimestamp`). */
function byEvictionThenAge(a: Pod, b: Pod): number {
  const ae = a.status.phase === 'Failed' && a.status.reason === 'Evicted';
  const be = b.status.phase === 'Failed' && b.status.reason === 'Evicted';
  if (ae !== be) return ae ? -1 : 1;
  const at = a.metadata.creationTimestamp;
  const bt = b.metadata.creationTimestamp;
  if (at !== bt) return at < bt ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

const isTerminating = (pod: Pod): boolean => pod.metadata.deletionTimestamp !== undefined;
const boundTo = (pod: Pod): string => pod.spec.nodeName ?? '';

/** A NotReady node tainted out-of-service (upstream `gcTerminating`). */
function isOutOfService(node: Node | undefined): boolean {
  return (
    node !== undefined &&
    !isNodeReady(node) &&
    (node.spec.taints ?? []).some((t) => t.key === TAINT_NODE_OUT_OF_SERVICE)
  );
}

/**
 * The pod GC as a core {@link Controller}. Its one piece of state is the orphan quarantine: node
 * name → the pass that first saw pods bound to it while it did not exist (upstream's delaying
 * `nodeQueue`). That is why it is a class, one per simulation.
 *
 * A reconcile at an instant that is not a pass (k × podGCPeriod) only requeues to the next pass.
 * A pass, in upstream order:
 * (a) terminated pods (Succeeded/Failed) above `terminatedPodGCThreshold` (when > 0): the excess is
 *     force-deleted, evicted first, then oldest;
 * (b) terminating pods on NotReady nodes tainted `node.kubernetes.io/out-of-service`: marked Failed
 *     and force-deleted;
 * (c) orphans: pods bound to a missing node put it in quarantine; at the first pass at or after
 *     first-seen + `podGCQuarantine` (40 s) the node, if still missing, has its pods marked Failed
 *     with DisruptionTarget (DeletionByPodGC) and force-deleted — 40–60 s after the Node deletion
 *     with the defaults;
 * (d) terminating pods not bound to a node: marked Failed and force-deleted.
 * It requeues (not periodic: a deletion is pending) while a quarantine runs, and otherwise not at all.
 */
export class PodGcController implements Controller {
  /** {@inheritDoc Controller.name} */
  readonly name = POD_GC_CONTROLLER;
  readonly #config: PodGcConfig;
  readonly #quarantine = new Map<string, number>();

  /** @param config - the timings; defaults to the 1.32+ defaults. */
  constructor(config: Partial<PodGcConfig> = {}) {
    this.#config = {
      podGCPeriod: config.podGCPeriod ?? defaultPodGcConfig.podGCPeriod,
      podGCQuarantine: config.podGCQuarantine ?? defaultPodGcConfig.podGCQuarantine,
      terminatedPodGCThreshold:
        config.terminatedPodGCThreshold ?? defaultPodGcConfig.terminatedPodGCThreshold,
    };
  }

  /** {@inheritDoc Controller.fork} The copy keeps its own quarantine, from the same entries. */
  fork(): PodGcController {
    const out = new PodGcController(this.#config);
    for (const [k, v] of this.#quarantine) out.#quarantine.set(k, v);
    return out;
  }

  /** Nodes in quarantine and the pass that first saw them missing (for tests and metrics). */
  quarantined(): ReadonlyMap<string, number> {
    return new Map(this.#quarantine);
  }

  /** {@inheritDoc Controller.kinds} */
  readonly kinds = ['Node', 'Pod'] as const;

  /** {@inheritDoc Controller.keysFor} */
  keysFor(event: StoreEvent, view: ClusterView): readonly string[] {
    if (event.kind === 'Node') {
      const node = event.object as Node;
      const name = node.metadata.name;
      if (event.type === 'DELETED') return view.podsOnNode(name).length > 0 ? [POD_GC_KEY] : [];
      if (!isOutOfService(node)) return [];
      return view.podsOnNode(name).some(isTerminating) ? [POD_GC_KEY] : [];
    }
    if (event.kind !== 'Pod' || event.type === 'DELETED') return [];
    const pod = event.object as Pod;
    const node = boundTo(pod);
    if (isTerminating(pod) && node === '') return [POD_GC_KEY];
    if (node !== '' && view.get('Node', node) === undefined) return [POD_GC_KEY];
    if (isTerminating(pod) && isOutOfService(view.get('Node', node))) return [POD_GC_KEY];
    const old = event.oldObject as Pod | undefined;
    const newlyTerminal = isPodTerminal(pod) && (old === undefined || !isPodTerminal(old));
    return newlyTerminal && this.#config.terminatedPodGCThreshold > 0 ? [POD_GC_KEY] : [];
  }

  /** {@inheritDoc Controller.reconcile} */
  reconcile(view: ClusterView, key: string, now: number): Plan {
    if (key !== POD_GC_KEY) return emptyPlan;
    const pass = nextPhase(now, this.#config.podGCPeriod);
    if (pass !== now) return { actions: [], requeueAfter: pass - now };
    const actions = this.#gcPass(view, now);
    const expiries = [...this.#quarantine.values()].map((seen) =>
      nextPhase(seen + this.#config.podGCQuarantine, this.#config.podGCPeriod),
    );
    if (expiries.length === 0) return { actions };
    return { actions, requeueAfter: Math.min(...expiries) - now };
  }

  #gcPass(view: ClusterView, now: number): Action[] {
    const stamp = formatTimestamp(view.config.startTime + now);
    const pods = view.list('Pod');
    const done = new Set<string>();
    const actions: Action[] = [];
    const forceDelete = (pod: Pod, condition?: Condition): void => {
      const key = podKey(pod);
      if (done.has(key)) return;
      done.add(key);
      const failed = podMarkedFailed(pod, stamp, condition);
      if (failed !== undefined) actions.push({ verb: 'updateStatus', object: failed });
      actions.push({
        verb: 'delete',
        kind: 'Pod',
        key,
        gracePeriodSeconds: 0,
        uid: pod.metadata.uid,
      });
    };
    // (a) gcTerminated
    const threshold = this.#config.terminatedPodGCThreshold;
    if (threshold > 0) {
      const terminated = pods.filter(isPodTerminal);
      const excess = terminated.length - threshold;
      if (excess > 0)
        [...terminated]
          .sort(byEvictionThenAge)
          .slice(0, excess)
          .forEach((p) => {
            forceDelete(p);
          });
    }
    // (b) gcTerminating (out-of-service)
    const outOfService = pods.filter(
      (p) => isTerminating(p) && boundTo(p) !== '' && isOutOfService(view.get('Node', boundTo(p))),
    );
    [...outOfService].sort(byEvictionThenAge).forEach((p) => {
      forceDelete(p);
    });
    // (c) gcOrphaned: quarantine newly missing nodes, then act on the expired ones.
    const missing = new Set<string>();
    for (const pod of pods) {
      const node = boundTo(pod);
      if (node !== '' && view.get('Node', node) === undefined) missing.add(node);
    }
    for (const node of missing) if (!this.#quarantine.has(node)) this.#quarantine.set(node, now);
    const deletedNodes = new Set<string>();
    for (const [node, seen] of [...this.#quarantine]) {
      if (seen + this.#config.podGCQuarantine > now) continue;
      this.#quarantine.delete(node);
      // The live GET: a node that came back is not deleted.
      if (view.get('Node', node) === undefined) deletedNodes.add(node);
    }
    for (const pod of pods) {
      if (deletedNodes.has(boundTo(pod))) forceDelete(pod, ORPHAN_CONDITION);
    }
    // (d) gcUnscheduledTerminating
    for (const pod of pods) if (isTerminating(pod) && boundTo(pod) === '') forceDelete(pod);
    return actions;
  }
}

/**
 * A fresh pod GC for one simulation (its quarantine is per instance).
 * @example const podGc = createPodGcController({ podGCQuarantine: 40_000 });
 */
export function createPodGcController(config: Partial<PodGcConfig> = {}): PodGcController {
  return new PodGcController(config);
}
