/**
 * What a node answers to a load balancer's health probe, as kube-proxy answers it
 * (kubernetes/kubernetes pkg/proxy/healthcheck/proxier_health.go and service_health.go).
 * @packageDocumentation
 */
import type { Node } from '../../objects/node.js';
import { TO_BE_DELETED_TAINT } from './backendNodes.js';
import type { ProbeTarget } from './healthCheckPresets.js';

/** A probe's result: success, a failing answer (503, TCP reset), or no answer at all (timeout). */
export type ProbeAnswer = 'ok' | 'fail' | 'noAnswer';

/** What decides a node's answer. */
export interface NodeProbeFacts {
  /** The machine is on and reachable by the load balancer (a powered-off node never answers). */
  readonly powered: boolean;
  /**
   * kube-proxy has had an update queued for longer than its health timeout without applying it
   * (`QueuedUpdate` without `Updated` within `healthTimeout`).
   * @defaultValue false
   */
  readonly proxyUpdateStale?: boolean;
  /** The Node object, for kube-proxy's node eligibility (`SyncNode`). */
  readonly node: Node | undefined;
  /** Ready endpoints of the Service on this node, counted by IP, in this node's kube-proxy view. */
  readonly localReadyEndpoints?: number;
  /** This node's kube-proxy has at least one usable endpoint for the Service (Cluster policy). */
  readonly hasUsableEndpoints?: boolean;
}

/**
 * kube-proxy's health timeout: twice its sync period (cmd/kube-proxy/app/server.go passes
 * `2*config.SyncPeriod.Duration`; the sync period defaults to 30 s).
 */
export const KUBE_PROXY_HEALTH_TIMEOUT_MS = 2 * 30_000;

/**
 * kube-proxy's node eligibility (`proxierHealthServer.SyncNode`): not eligible while the Node has
 * a deletionTimestamp or the `ToBeDeletedByClusterAutoscaler` taint. Nothing else about the node
 * (Ready condition, cordon, taints from the node lifecycle controller) matters.
 */
export function proxyNodeEligible(node: Node | undefined): boolean {
  if (node === undefined) return true; // not seen yet: eligible while starting up
  if (node.metadata.deletionTimestamp !== undefined) return false;
  return !(node.spec.taints ?? []).some((t) => t.key === TO_BE_DELETED_TAINT);
}

/**
 * The answer a probe of `target` gets from a node:
 *
 * - powered off: no answer (the probe times out), whatever the target.
 * - `kubeProxyHealthz`: 503 only when an update is stale or the node is not eligible
 *   ({@link proxyNodeEligible}); a NotReady, unreachable, cordoned or partitioned node answers
 *   200 (its kube-proxy runs and has nothing queued it failed to apply).
 * - `healthCheckNodePort`: 200 only with at least one local ready endpoint and a healthy
 *   kube-proxy (`IsHealthy`, which ignores node eligibility); else 503.
 * - `nodePortTcp`: the connect is routed by the node's kube-proxy: it succeeds when that view has
 *   a usable endpoint; with none the rule REJECTs (a TCP reset, a failure). kubesim does not
 *   follow the probe to the chosen backend: a probe routed to a dead pod counts as a success.
 *
 * @example
 * ```ts
 * probeAnswer('kubeProxyHealthz', { powered: true, node }); // 'ok'
 * ```
 */
export function probeAnswer(target: ProbeTarget, facts: NodeProbeFacts): ProbeAnswer {
  if (!facts.powered) return 'noAnswer';
  const proxyHealthy = facts.proxyUpdateStale !== true;
  switch (target) {
    case 'kubeProxyHealthz':
      return proxyHealthy && proxyNodeEligible(facts.node) ? 'ok' : 'fail';
    case 'healthCheckNodePort':
      return proxyHealthy && (facts.localReadyEndpoints ?? 0) > 0 ? 'ok' : 'fail';
    case 'nodePortTcp':
      return facts.hasUsableEndpoints === true ? 'ok' : 'fail';
  }
}
