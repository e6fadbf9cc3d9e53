/**
 * Taints, conditions and tolerations the node lifecycle, taint eviction and pod GC controllers
 * read and write (§6.5, §6.11).
 * @packageDocumentation
 */
import type { Condition } from '../../objects/meta.js';
import type { Node, Taint } from '../../objects/node.js';

/** Taint of a node whose Ready condition is False. */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
/** Taint of a node whose Ready condition is Unknown. */
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';

/** Taint that lets PodGC force-delete terminating pods of a NotReady node (§6.11 (b)). */
export const TAINT_NODE_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

/** The node conditions the controller sets to Unknown (NetworkUnavailable is left alone). */
export const MONITORED_NODE_CONDITIONS: readonly string[] = [
  'Ready',
  'MemoryPressure',
  'DiskPressure',
  'PIDPressure',
];

/** The node's condition of `type`, if any. */
export function nodeCondition(node: Node, type: string): Condition | undefined {
  return node.status.conditions?.find((c) => c.type === type);
}

/** `True`, `False`, `Unknown`, or undefined when the node never posted a Ready condition. */
export function nodeReadyStatus(node: Node): Condition['status'] | undefined {
  return nodeCondition(node, 'Ready')?.status;
}

/** Upstream `IsNodeReady`: the Ready condition exists and is True. */
export function isNodeReady(node: Node): boolean {
  return nodeReadyStatus(node) === 'True';
}

/** Whether the node has a taint with this key and effect. */
export function hasTaint(node: Node, key: string, effect: Taint['effect']): boolean {
  return (node.spec.taints ?? []).some((t) => t.key === key && t.effect === effect);
}

/** The node's NoExecute taints, in their order. */
export function noExecuteTaints(node: Node): readonly Taint[] {
  return (node.spec.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * The node with its taints replaced: `drop` decides which existing taints go, `add` is appended
 * (skipping taints already present by key and effect). Returns `node` itself when nothing changes.
 */
export function withTaints(
  node: Node,
  drop: (t: Taint) => boolean,
  add: readonly Taint[] = [],
): Node {
  const current = node.spec.taints ?? [];
  const kept = current.filter((t) => !drop(t));
  const added = add.filter((a) => !kept.some((t) => t.key === a.key && t.effect === a.effect));
  if (kept.length === current.length && added.length === 0) return node;
  const taints = [...kept, ...added];
  const { taints: _old, ...spec } = node.spec;
  return { ...node, spec: taints.length === 0 ? spec : { ...spec, taints } };
}
