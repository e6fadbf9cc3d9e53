/**
 * The node lifecycle controller's writes as plans: what one monitor pass or one tainting step
 * wants done to a node and its pods (pkg/controller/nodelifecycle/node_lifecycle_controller.go).
 * The simulation decides when (its lazy monitor passes and zone queues) and applies the plans
 * like any controller's.
 * @packageDocumentation
 */
import type { Node } from '../../objects/node.js';
import type { ClusterView } from '../../store/view.js';
import { emptyPlan, type Action, type Plan } from '../plan.js';
import { podMarkedNotReady } from './podConditions.js';
import {
  nodeMarkedReady,
  nodeMarkedUnknown,
  withNoExecuteReadyTaint,
  withReadyNoScheduleTaint,
  withoutNoExecuteReadyTaints,
} from './nodeStatusChanges.js';
import { nodeReadyStatus } from './taintKeys.js';

/**
 * The taint write that follows a status write in the same plan. It cannot carry the
 * resourceVersion it was computed from (the status write moves it), so it is unconditional;
 * upstream patches the taints with the node it re-read after the status write. Nothing else writes
 * between the two inside one pass, so both give the same node.
 */
function taintUpdateAfterStatus(node: Node): Action {
  // An empty resourceVersion is no precondition (as in the API).
  return {
    verb: 'update',
    object: { ...node, metadata: { ...node.metadata, resourceVersion: '' } },
  };
}

/** The plan's status write (when `changed` is defined) and the taint write computed over it. */
function statusThenTaints(
  node: Node,
  changed: Node | undefined,
  taints: (n: Node) => Node,
): Action[] {
  const actions: Action[] = [];
  if (changed !== undefined) actions.push({ verb: 'updateStatus', object: changed });
  const base = changed ?? node;
  const tainted = taints(base);
  if (tainted !== base) {
    actions.push(
      changed === undefined ? { verb: 'update', object: tainted } : taintUpdateAfterStatus(tainted),
    );
  }
  return actions;
}

/**
 * The pass that marks `nodeName` Unknown (`tryUpdateNodeHealth` after the grace period): Ready,
 * MemoryPressure, DiskPressure and PIDPressure go Unknown, the Ready-derived NoSchedule taint
 * follows, and a node that was Ready gets a `NodeNotReady` event and every pod on it Ready=False
 * (`MarkPodsNotReady`, phase kept). Empty when the node is gone.
 * @param stamp - the pass's instant as an RFC 3339 timestamp.
 */
export function planNodeUnknown(view: ClusterView, nodeName: string, stamp: string): Plan {
  const node = view.get('Node', nodeName);
  if (node === undefined) return emptyPlan;
  const actions = statusThenTaints(node, nodeMarkedUnknown(node, stamp), withReadyNoScheduleTaint);
  if (nodeReadyStatus(node) === 'True') {
    actions.push({
      verb: 'event',
      regarding: { kind: 'Node', key: nodeName },
      type: 'Normal',
      reason: 'NodeNotReady',
      message: `Node ${nodeName} status is now: NodeNotReady`,
    });
    for (const pod of view.podsOnNode(nodeName)) {
      const notReady = podMarkedNotReady(pod, stamp);
      if (notReady !== undefined) actions.push({ verb: 'updateStatus', object: notReady });
    }
  }
  return { actions };
}

/**
 * The pass after `nodeName`'s heartbeats resumed: its conditions are written Ready (as its kubelet
 * would post them) and it loses its not-ready/unreachable taints. Empty when the node is gone.
 * @param stamp - the pass's instant as an RFC 3339 timestamp.
 */
export function planNodeRecovered(view: ClusterView, nodeName: string, stamp: string): Plan {
  const node = view.get('Node', nodeName);
  if (node === undefined) return emptyPlan;
  return {
    actions: statusThenTaints(node, nodeMarkedReady(node, stamp), (n) =>
      withoutNoExecuteReadyTaints(withReadyNoScheduleTaint(n)),
    ),
  };
}

/**
 * A zone queue's tainting step for `nodeName`: the NoExecute taint of its Ready status replaces
 * any other (upstream `SwapNodeControllerTaint`), with `timeAdded` = `stamp`. Empty when the node
 * is gone or already carries it.
 */
export function planNoExecuteTaint(view: ClusterView, nodeName: string, stamp: string): Plan {
  const node = view.get('Node', nodeName);
  if (node === undefined) return emptyPlan;
  const tainted = withNoExecuteReadyTaint(node, stamp);
  return tainted === node ? emptyPlan : { actions: [{ verb: 'update', object: tainted }] };
}

/**
 * Every zone fully disrupted: every node loses its not-ready/unreachable NoExecute taints
 * (upstream stops evicting and removes them, in node order).
 */
export function planLiftNoExecuteTaints(nodes: readonly Node[]): Plan {
  const actions: Action[] = [];
  for (const node of nodes) {
    const untainted = withoutNoExecuteReadyTaints(node);
    if (untainted !== node) actions.push({ verb: 'update', object: untainted });
  }
  return { actions };
}
