/**
 * Invariants: named checks over a running simulation (safety after every instant, liveness at
 * quiescence), the built-ins and their names.
 * @packageDocumentation
 */
export type { Invariant, InvariantFactory, Violation } from './types.js';
export {
  BUILTIN_INVARIANT_FACTORIES,
  BUILTIN_INVARIANT_NAMES,
  builtinInvariants,
  invariantsByName,
} from './builtinInvariants.js';
export {
  DEPLOYMENTS_REACH_REPLICAS,
  ENDPOINT_OUTLIVES_POD_BY_AT_MOST_WATCH_DELAY,
  EVICTION_RESPECTED_BUDGET,
  PROXY_ROUTES_ONLY_USABLE_ENDPOINTS,
  PROXY_VIEWS_CONVERGE,
  SETTLES,
  SLICES_AGREE_WITH_PODS,
  SLICES_WELL_FORMED,
  TERMINATES,
} from './names.js';
export { deploymentsReachReplicas } from './deploymentsReachReplicas.js';
export { endpointOutlivesPodByAtMostWatchDelay } from './endpointOutlivesPodByAtMostWatchDelay.js';
export { evictionRespectedBudget } from './evictionRespectedBudget.js';
export { proxyRoutesOnlyUsableEndpoints } from './proxyRoutesOnlyUsableEndpoints.js';
export { proxyViewsConverge } from './proxyViewsConverge.js';
export { slicesAgreeWithPods } from './slicesAgreeWithPods.js';
export { slicesWellFormed } from './slicesWellFormed.js';
export { InvariantSetupError } from './_internals/worldOf.js';
