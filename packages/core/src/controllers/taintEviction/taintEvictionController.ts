/**
 * The taint eviction controller ("taint manager", §6.8): deletes pods that do not tolerate their
 * node's NoExecute taints, at once or when their tolerationSeconds run out
 * (pkg/controller/tainteviction/taint_eviction.go).
 * @packageDocumentation
 */
import { emptyPlan } from '../plan.js';
import { formatTimestamp, parseTimestamp } from '../../time.js';
import type { Action, Controller, Plan } from '../plan.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import type { Node, Taint } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import { podKey, withPodCondition } from '../nodeLifecycle/podConditions.js';
import { noExecuteTaints } from '../nodeLifecycle/taintKeys.js';
import { matchTolerations, minTolerationMs } from './tolerations.js';

/** The controller's name in traces and errors. */
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Virtual ms of an RFC 3339 stamp, or undefined. */
function virtualMs(view: ClusterView, stamp: string | undefined): number | undefined {
  const epoch = stamp === undefined ? undefined : parseTimestamp(stamp);
  return epoch === undefined ? undefined : epoch - view.config.startTime;
}

/**
 * When the pod's toleration clock started: the earliest `timeAdded` of the node's NoExecute taints,
 * or the pod's binding (PodScheduled transition, else creation) when that is later — upstream
 * starts the clock when the taint manager first sees the pod on the tainted node. Undefined when no
 * taint carries `timeAdded` (a hand-written taint: see {@link taintEvictionController}).
 */
function evictionClockStart(
  view: ClusterView,
  pod: Pod,
  taints: readonly Taint[],
): number | undefined {
  const added = taints
    .map((t) => virtualMs(view, t.timeAdded))
    .filter((t): t is number => t !== undefined);
  if (added.length === 0) return undefined;
  const scheduled = pod.status.conditions?.find((c) => c.type === 'PodScheduled');
  const bound =
    virtualMs(view, scheduled?.lastTransitionTime) ??
    virtualMs(view, pod.metadata.creationTimestamp) ??
    Number.NEGATIVE_INFINITY;
  return Math.max(Math.min(...added), bound);
}

/** Event, DisruptionTarget condition, graceful delete (upstream `addConditionAndDeletePod`). */
function evict(view: ClusterView, pod: Pod, now: number): Plan {
  const key = podKey(pod);
  const uid = pod.metadata.uid;
  const stamp = formatTimestamp(view.config.startTime + now);
  const actions: Action[] = [
    {
      verb: 'event',
      regarding: { kind: 'Pod', key, uid },
      type: 'Normal',
      reason: 'TaintManagerEviction',
      message: `Marking for deletion Pod ${key}`,
    },
  ];
  const conditions = withPodCondition(
    pod.status.conditions,
    {
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    },
    stamp,
  );
  if (conditions !== undefined) {
    actions.push({
      verb: 'updateStatus',
      object: { ...pod, status: { ...pod.status, conditions } },
    });
  }
  actions.push({ verb: 'delete', kind: 'Pod', key, uid });
  return { actions };
}

function nodeOf(view: ClusterView, pod: Pod): Node | undefined {
  const name = pod.spec.nodeName;
  return name === undefined || name === '' ? undefined : view.get('Node', name);
}

/**
 * The taint eviction controller, pure: keys are pod keys.
 *
 * - keysFor: a Node whose NoExecute taints changed → the pods on it; a Pod added, or whose node or
 *   tolerations changed (upstream `PodUpdated`), bound to a node with NoExecute taints → itself.
 * - reconcile: a pod not tolerating every NoExecute taint is deleted at once; otherwise at
 *   start + the MINIMUM tolerationSeconds of the tolerations used (≤ 0 → at once; none with
 *   seconds → never), with `requeueAfter` until then. The start is the earliest taint `timeAdded`
 *   (the lifecycle controller stamps it), or the pod's binding if later. When the taints go away
 *   the reconcile finds nothing to do, which cancels the eviction (no "Cancelling" Event is
 *   recorded). A deletion writes Event TaintManagerEviction "Marking for deletion Pod ns/name",
 *   condition DisruptionTarget=True (DeletionByTaintManager), then a graceful delete.
 * - Pods already terminating are left alone. A tolerated pod on a node whose NoExecute taints all
 *   lack `timeAdded` is never evicted by time (kubesim cannot know when such a taint was added).
 *
 * @example
 * ```ts
 * const driver = createSyncDriver(store, [taintEvictionController]);
 * driver.run(now);
 * ```
 */
export const taintEvictionController: Controller = {
  name: TAINT_EVICTION_CONTROLLER,

  kinds: ['Node', 'Pod'],

  keysFor(event: StoreEvent, view: ClusterView): readonly string[] {
    if (event.kind === 'Node') {
      if (event.type === 'DELETED') return [];
      const node = event.object as Node;
      // A write that kept the taints (a status or heartbeat write shares the frozen spec) changes
      // nothing here.
      if ((event.oldObject as Node | undefined)?.spec.taints === node.spec.taints) return [];
      const before = event.oldObject === undefined ? [] : noExecuteTaints(event.oldObject as Node);
      const after = noExecuteTaints(node);
      if (sameJson(before, after) || after.length === 0) return [];
      return view.podsOnNode(node.metadata.name).map(podKey);
    }
    if (event.kind !== 'Pod' || event.type === 'DELETED') return [];
    const pod = event.object as Pod;
    const old = event.oldObject as Pod | undefined;
    if (
      old !== undefined &&
      old.spec.nodeName === pod.spec.nodeName &&
      (old.spec.tolerations === pod.spec.tolerations ||
        sameJson(old.spec.tolerations, pod.spec.tolerations))
    ) {
      return [];
    }
    const node = nodeOf(view, pod);
    return node !== undefined && noExecuteTaints(node).length > 0 ? [event.key] : [];
  },

  reconcile(view: ClusterView, key: string, now: number): Plan {
    const pod = view.get('Pod', key);
    if (pod === undefined || pod.metadata.deletionTimestamp !== undefined) return emptyPlan;
    const node = nodeOf(view, pod);
    if (node === undefined) return emptyPlan;
    const taints = noExecuteTaints(node);
    if (taints.length === 0) return emptyPlan;
    const match = matchTolerations(taints, pod.spec.tolerations);
    if (!match.allTolerated) return evict(view, pod, now);
    const allowed = minTolerationMs(match.used);
    if (allowed === undefined) return emptyPlan;
    if (allowed === 0) return evict(view, pod, now);
    const start = evictionClockStart(view, pod, taints);
    if (start === undefined) return emptyPlan;
    const due = start + allowed;
    return due <= now ? evict(view, pod, now) : { actions: [], requeueAfter: due - now };
  },
};
