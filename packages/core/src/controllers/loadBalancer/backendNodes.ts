/**
 * Which nodes a cloud load balancer sends to: the service controller's node predicates
 * (kubernetes/kubernetes staging/src/k8s.io/cloud-provider/controllers/service/controller.go,
 * `stableNodeSetPredicates`, KEP-3458).
 * @packageDocumentation
 */
import type { Node } from '../../objects/node.js';

/** Node label that keeps a node out of every cloud load balancer (`v1.LabelNodeExcludeBalancers`). */
export const EXCLUDE_FROM_LB_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';
/** The cluster autoscaler's taint on a node it is about to delete. */
export const TO_BE_DELETED_TAINT = 'ToBeDeletedByClusterAutoscaler';

/** Go's `strconv.ParseBool`: the spellings it accepts. */
function parseGoBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/**
 * `nodeIncludedPredicate`: a node without the exclude label is included; with it, only when its
 * value parses as false (`"false"`, `"0"`, …); any other value, or one Go cannot parse, excludes.
 */
export function isIncludedInLoadBalancers(node: Node): boolean {
  const v = node.metadata.labels?.[EXCLUDE_FROM_LB_LABEL];
  if (v === undefined) return true;
  return parseGoBool(v) === false;
}

/** `nodeUnTaintedPredicate`: no `ToBeDeletedByClusterAutoscaler` taint (any effect). */
export function isUntaintedForDeletion(node: Node): boolean {
  return !(node.spec.taints ?? []).some((t) => t.key === TO_BE_DELETED_TAINT);
}

/**
 * Whether the service controller registers `node` as a backend of every load balancer
 * (`stableNodeSetPredicates`): not being deleted, not excluded by label, not tainted
 * `ToBeDeletedByClusterAutoscaler`. Readiness is deliberately not a predicate since KEP-3458
 * (1.27+): a NotReady node stays registered and the load balancer's health checks decide.
 * The same set serves `externalTrafficPolicy: Local` and `Cluster`: upstream no longer narrows it
 * for Local; the healthCheckNodePort's answers take nodes without local endpoints out.
 */
export function isLoadBalancerBackend(node: Node): boolean {
  return (
    node.metadata.deletionTimestamp === undefined &&
    isIncludedInLoadBalancers(node) &&
    isUntaintedForDeletion(node)
  );
}

/**
 * `shouldSyncUpdatedNode`: an update changes the load balancers' host lists only when the
 * exclude label's verdict or `spec.providerID` changed. A new ToBeDeletedByClusterAutoscaler
 * taint is deliberately not a trigger upstream ("We won't update the LBs just because the taint
 * was added"): it takes effect at the next sync another change causes.
 */
export function nodeUpdateResyncsLoadBalancers(oldNode: Node, newNode: Node): boolean {
  return (
    isIncludedInLoadBalancers(oldNode) !== isIncludedInLoadBalancers(newNode) ||
    oldNode.spec.providerID !== newNode.spec.providerID
  );
}

/** The backend set for `nodes`, by name (stable order). */
export function loadBalancerBackendNodes(nodes: Iterable<Node>): string[] {
  const out: string[] = [];
  for (const n of nodes) if (isLoadBalancerBackend(n)) out.push(n.metadata.name);
  return out.sort();
}
