/**
 * The cloud load-balancer controller (a plan-returning service controller) and the node
 * predicates that decide a load balancer's backends.
 * @packageDocumentation
 */
export {
  EXCLUDE_FROM_LB_LABEL,
  TO_BE_DELETED_TAINT,
  isIncludedInLoadBalancers,
  isLoadBalancerBackend,
  isUntaintedForDeletion,
  loadBalancerBackendNodes,
  nodeUpdateResyncsLoadBalancers,
} from './backendNodes.js';
export { firstFreeAddress, parseAddressPool, poolContains } from './addressPool.js';
export type { AddressPool } from './addressPool.js';
export {
  DEFAULT_LB_ADDRESS_POOL,
  LB_CLEANUP_FINALIZER,
  LB_REQUESTED_AT_ANNOTATION,
  createLoadBalancerController,
} from './loadBalancerController.js';
export type { LoadBalancerControllerOptions } from './loadBalancerController.js';
export {
  AWS_NLB_PRESET,
  AZURE_PRESET,
  DEFAULT_PRESET,
  GCE_PRESET,
  HEALTH_CHECK_PRESETS,
  KUBE_PROXY_HEALTHZ_PORT,
} from './healthCheckPresets.js';
export type { HealthCheckPreset, HealthCheckTiming, ProbeTarget } from './healthCheckPresets.js';
export { KUBE_PROXY_HEALTH_TIMEOUT_MS, probeAnswer, proxyNodeEligible } from './probeAnswer.js';
export type { NodeProbeFacts, ProbeAnswer } from './probeAnswer.js';
export { nextProbeAt, viewFlip } from './probeSchedule.js';
export type { ViewFlip } from './probeSchedule.js';
