/**
 * kube-proxy semantics as data and pure functions: one {@link ProxyState} per node (fed with
 * that node's delayed watch), endpoint categorisation, the iptables probability chain, ClientIP
 * affinity, and connection routing.
 * @packageDocumentation
 */
export { AffinityTable, DEFAULT_AFFINITY_TIMEOUT_SECONDS } from './affinityTable.js';
export type { AffinityEntry } from './affinityTable.js';
export {
  categorizeEndpoints,
  isUsableEndpoint,
  topologyModeFromHints,
} from './categorizeEndpoints.js';
export type {
  CategorizedEndpoints,
  CategorizeService,
  ProxyNode,
  TopologyMode,
} from './categorizeEndpoints.js';
export { chooseEndpoint } from './chooseEndpoint.js';
export { mergeSliceEndpoints } from './mergeSliceEndpoints.js';
export { proxyEndpointId, resolveEndpointConditions, toProxyEndpoint } from './proxyEndpoint.js';
export type { ProxyEndpoint } from './proxyEndpoint.js';
export { ProxyState } from './proxyState.js';
export type { Frontend, FrontendKind, ProxyEventType } from './proxyState.js';
export { routeConnection } from './routeConnection.js';
export type {
  NodeAddressInfo,
  NodeLookup,
  RouteRequest,
  RouteResult,
  RouteSource,
} from './routeConnection.js';
export { RouteRequestError } from './routeRequestError.js';
