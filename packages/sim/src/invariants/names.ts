/**
 * Names of the built-in invariants, as scenarios list them (`Scenario.invariants`).
 * @packageDocumentation
 */

/** Safety: kube-proxy routes only to ready endpoints, or serving+terminating ones when none is ready. */
export const PROXY_ROUTES_ONLY_USABLE_ENDPOINTS = 'proxy-routes-only-usable-endpoints';
/** Safety: a gone or terminal pod leaves every controller slice within the controller's watch delay. */
export const ENDPOINT_OUTLIVES_POD_BY_AT_MOST_WATCH_DELAY =
  'endpoint-outlives-pod-by-at-most-watch-delay';
/** Safety: every admitted eviction was allowed by its budget or exempt from it. */
export const EVICTION_RESPECTED_BUDGET = 'eviction-respected-budget';
/** Safety: controller slices respect the size cap, carry their labels and never share an endpoint. */
export const SLICES_WELL_FORMED = 'slices-well-formed';
/** Liveness: at quiescence every selector Service's slices equal a from-scratch computation. */
export const SLICES_AGREE_WITH_PODS = 'slices-agree-with-pods';
/** Liveness: at quiescence every connected node's kube-proxy view equals the store. */
export const PROXY_VIEWS_CONVERGE = 'proxy-views-converge';
/** Liveness: at quiescence every Deployment that fits has all its replicas available. */
export const DEPLOYMENTS_REACH_REPLICAS = 'deployments-reach-replicas';
/**
 * Liveness: the run quiesces (settle returns). Reported by `runScenario` itself, not by an
 * `Invariant` object.
 */
export const SETTLES = 'settles';
/** Liveness: the run never exceeds an engine budget. Reported by `runScenario` itself. */
export const TERMINATES = 'terminates';
