/**
 * Which endpoints one node's kube-proxy uses for a Service port (§4.2–4.4).
 * @packageDocumentation
 */
import type { ServiceSpec } from '../objects/service.js';
import type { ProxyEndpoint } from './proxyEndpoint.js';

/** The node a kube-proxy runs on: its name and its `topology.kubernetes.io/zone` label. */
export interface ProxyNode {
  readonly name: string;
  /** Absent when the node has no zone label: zone hints are then ignored (§4.4). */
  readonly zone?: string;
}

/** Topology mode chosen from the hints: `''` means every ready endpoint is used. */
export type TopologyMode = '' | 'PreferSameZone' | 'PreferSameNode';

/** The endpoint sets of one Service port from one node's point of view. */
export interface CategorizedEndpoints {
  /** Cluster-policy endpoints: ready ones filtered by topology, else serving+terminating ones. */
  readonly cluster: readonly ProxyEndpoint[];
  /** Local-policy endpoints: ready ones on this node, else serving+terminating ones on it. */
  readonly local: readonly ProxyEndpoint[];
  /** The set `internalTrafficPolicy` selects (`local` for Local, else `cluster`). */
  readonly internal: readonly ProxyEndpoint[];
  /** The set `externalTrafficPolicy` selects (`local` for Local, else `cluster`). */
  readonly external: readonly ProxyEndpoint[];
  /** Whether any endpoint anywhere is usable (ready, or serving and terminating). */
  readonly hasAnyEndpoints: boolean;
  /** The topology filter applied to `cluster`. */
  readonly topologyMode: TopologyMode;
}

/** The parts of a Service that categorisation reads. */
export interface CategorizeService {
  readonly spec: Pick<ServiceSpec, 'internalTrafficPolicy' | 'externalTrafficPolicy'>;
}

/**
 * kube-proxy's usable-endpoint rule: an endpoint can carry traffic when it is ready, or when it is
 * serving and terminating (the KEP-1669 fallback, used only when no ready endpoint is left).
 * Not-ready, non-terminating endpoints are never used (upstream pkg/proxy/topology.go
 * `CategorizeEndpoints`, its `hasAnyEndpoints`).
 *
 * @example isUsableEndpoint({ ready: false, serving: true, terminating: true }) // true
 */
export function isUsableEndpoint(
  ep: Pick<ProxyEndpoint, 'ready' | 'serving' | 'terminating'>,
): boolean {
  return ep.ready || (ep.serving && ep.terminating);
}

/**
 * Splits a Service port's endpoints into the Cluster-policy and Local-policy sets as kube-proxy
 * does (upstream pkg/proxy/topology.go `CategorizeEndpoints`).
 *
 * - Cluster: READY endpoints, filtered by topology hints ({@link topologyModeFromHints}); when
 *   none is left, endpoints that are serving AND terminating (KEP-1669). Not-ready,
 *   non-terminating endpoints are never used.
 * - Local: READY endpoints on `node`; when there is none, serving+terminating ones on `node`.
 *   Computed independently of the Cluster fallback; topology plays no part.
 *
 * Input order is kept (kube-proxy's rule order). Pure.
 *
 * @example
 * ```ts
 * const { cluster, local } = categorizeEndpoints(eps, svc, { name: 'node-1', zone: 'a' });
 * ```
 */
export function categorizeEndpoints(
  endpoints: readonly ProxyEndpoint[],
  svc: CategorizeService,
  node: ProxyNode,
): CategorizedEndpoints {
  const topologyMode = topologyModeFromHints(endpoints, node);
  let cluster = endpoints.filter((ep) => ep.ready && availableForTopology(ep, topologyMode, node));
  // No ready endpoint anywhere (topology was already ignored if none matched this node or
  // zone): fall back to endpoints that still serve while terminating (KEP-1669).
  if (cluster.length === 0) cluster = endpoints.filter((ep) => ep.serving && ep.terminating);

  let hasAnyEndpoints = false;
  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of endpoints) {
    if (!isUsableEndpoint(ep)) continue;
    hasAnyEndpoints = true;
    if (ep.nodeName !== node.name) continue;
    if (ep.ready) hasLocalReady = true;
    else hasLocalServingTerminating = true;
  }
  const local = hasLocalReady
    ? endpoints.filter((ep) => ep.nodeName === node.name && ep.ready)
    : hasLocalServingTerminating
      ? endpoints.filter((ep) => ep.nodeName === node.name && ep.serving && ep.terminating)
      : [];

  return {
    cluster,
    local,
    internal: svc.spec.internalTrafficPolicy === 'Local' ? local : cluster,
    external: svc.spec.externalTrafficPolicy === 'Local' ? local : cluster,
    hasAnyEndpoints,
    topologyMode,
  };
}

/**
 * The topology mode the hints allow on `node` (upstream `topologyModeFromHints`):
 * `PreferSameNode` when every ready endpoint has a node hint and one is hinted for this node;
 * else `PreferSameZone` when every ready endpoint has a zone hint and one is hinted for this
 * node's zone (a node without zone label never matches); else `''`.
 * Node hints are honoured as with the PreferSameTrafficDistribution gate on (beta 1.34, GA 1.35).
 */
export function topologyModeFromHints(
  endpoints: readonly ProxyEndpoint[],
  node: ProxyNode,
): TopologyMode {
  let hasReady = false;
  let allNodeHints = true;
  let forNode = false;
  let allZoneHints = true;
  let forZone = false;
  for (const ep of endpoints) {
    if (!ep.ready) continue;
    hasReady = true;
    if (ep.nodeHints.size === 0) allNodeHints = false;
    else if (ep.nodeHints.has(node.name)) forNode = true;
    if (ep.zoneHints.size === 0) allZoneHints = false;
    else if (node.zone !== undefined && ep.zoneHints.has(node.zone)) forZone = true;
  }
  if (!hasReady) return '';
  if (allNodeHints && forNode) return 'PreferSameNode';
  if (allZoneHints && forZone) return 'PreferSameZone';
  return '';
}

function availableForTopology(ep: ProxyEndpoint, mode: TopologyMode, node: ProxyNode): boolean {
  switch (mode) {
    case '':
      return true;
    case 'PreferSameNode':
      return ep.nodeHints.has(node.name);
    case 'PreferSameZone':
      return node.zone !== undefined && ep.zoneHints.has(node.zone);
  }
}
