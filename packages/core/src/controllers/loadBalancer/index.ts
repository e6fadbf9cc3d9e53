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
