/**
 * The node objects the node lifecycle controller writes: conditions to Unknown, back to Ready, and
 * the Ready-derived taints (pkg/controller/nodelifecycle/node_lifecycle_controller.go).
 * @packageDocumentation
 */
import type { Condition } from '../../objects/meta.js';
import type { Node, Taint } from '../../objects/node.js';
import {
  MONITORED_NODE_CONDITIONS,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_UNREACHABLE,
  nodeReadyStatus,
  withTaints,
} from './taintKeys.js';

/**
 * The node with Ready, MemoryPressure, DiskPressure and PIDPressure set to Unknown, as
 * `tryUpdateNodeHealth` writes them: an existing condition keeps its heartbeat and gets reason
 * NodeStatusUnknown; a missing one is added with reason NodeStatusNeverUpdated. Conditions
 * already Unknown are left as they are. Undefined when nothing changes.
 */
export function nodeMarkedUnknown(node: Node, stamp: string): Node | undefined {
  const conditions: Condition[] = [...(node.status.conditions ?? [])];
  let changed = false;
  for (const type of MONITORED_NODE_CONDITIONS) {
    const i = conditions.findIndex((c) => c.type === type);
    const current = i < 0 ? undefined : conditions[i];
    if (current === undefined) {
      const added: Condition = {
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastTransitionTime: stamp,
      };
      added.lastHeartbeatTime = node.metadata.creationTimestamp;
      conditions.push(added);
      changed = true;
    } else if (current.status !== 'Unknown') {
      conditions[i] = {
        ...current,
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastTransitionTime: stamp,
      };
      changed = true;
    }
  }
  return changed ? { ...node, status: { ...node.status, conditions } } : undefined;
}

const KUBELET_CONDITIONS: Readonly<Record<string, Omit<Condition, 'type'>>> = {
  Ready: { status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  MemoryPressure: {
    status: 'False',
    reason: 'KubeletHasSufficientMemory',
    message: 'kubelet has sufficient memory available',
  },
  DiskPressure: {
    status: 'False',
    reason: 'KubeletHasNoDiskPressure',
    message: 'kubelet has no disk pressure',
  },
  PIDPressure: {
    status: 'False',
    reason: 'KubeletHasSufficientPID',
    message: 'kubelet has sufficient PID available',
  },
};

/**
 * The node as its kubelet posts it after reconnecting: Ready=True, and each monitored condition
 * that is Unknown (or missing) back to its healthy value, heartbeat and transition at `stamp`.
 * Undefined when nothing changes.
 */
export function nodeMarkedReady(node: Node, stamp: string): Node | undefined {
  const conditions: Condition[] = [...(node.status.conditions ?? [])];
  let changed = false;
  for (const type of MONITORED_NODE_CONDITIONS) {
    const healthy = KUBELET_CONDITIONS[type];
    if (healthy === undefined) continue;
    const i = conditions.findIndex((c) => c.type === type);
    const current = i < 0 ? undefined : conditions[i];
    // Ready goes back to True; a pressure condition is only rewritten when Unknown or missing.
    const stale =
      type === 'Ready' ? current?.status !== 'True' : (current?.status ?? 'Unknown') === 'Unknown';
    if (!stale) continue;
    const next: Condition = {
      type,
      ...healthy,
      lastHeartbeatTime: stamp,
      lastTransitionTime: stamp,
    };
    if (i < 0) conditions.push(next);
    else conditions[i] = next;
    changed = true;
  }
  return changed ? { ...node, status: { ...node.status, conditions } } : undefined;
}

/**
 * The node with its Ready-derived NoSchedule taint in line with its Ready condition (upstream
 * `doNoScheduleTaintingPass`, restricted to the Ready keys): False → not-ready, Unknown →
 * unreachable, True → neither. Applied at once, not rate-limited.
 */
export function withReadyNoScheduleTaint(node: Node): Node {
  const status = nodeReadyStatus(node);
  const wanted =
    status === 'False' ? TAINT_NODE_NOT_READY : status === 'Unknown' ? TAINT_NODE_UNREACHABLE : '';
  const add: Taint[] = wanted === '' ? [] : [{ key: wanted, effect: 'NoSchedule' }];
  return withTaints(
    node,
    (t) =>
      t.effect === 'NoSchedule' &&
      (t.key === TAINT_NODE_NOT_READY || t.key === TAINT_NODE_UNREACHABLE) &&
      t.key !== wanted,
    add,
  );
}

/**
 * The node without its not-ready and unreachable NoExecute taints (upstream
 * `markNodeAsReachable`).
 */
export function withoutNoExecuteReadyTaints(node: Node): Node {
  return withTaints(
    node,
    (t) =>
      t.effect === 'NoExecute' &&
      (t.key === TAINT_NODE_NOT_READY || t.key === TAINT_NODE_UNREACHABLE),
  );
}

/**
 * The node with the NoExecute taint for its Ready condition (`node.kubernetes.io/unreachable` for
 * Unknown, `node.kubernetes.io/not-ready` for False) stamped `timeAdded`, swapping out the
 * opposite one (upstream `SwapNodeControllerTaint`). Returns `node` for a Ready node.
 */
export function withNoExecuteReadyTaint(node: Node, stamp: string): Node {
  const status = nodeReadyStatus(node);
  if (status === 'True') return node;
  const key = status === 'False' ? TAINT_NODE_NOT_READY : TAINT_NODE_UNREACHABLE;
  const opposite = key === TAINT_NODE_NOT_READY ? TAINT_NODE_UNREACHABLE : TAINT_NODE_NOT_READY;
  return withTaints(node, (t) => t.effect === 'NoExecute' && t.key === opposite, [
    { key, effect: 'NoExecute', timeAdded: stamp },
  ]);
}
