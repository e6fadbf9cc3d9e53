/**
 * PodDisruptionBudgets, the Eviction API and `kubectl drain` (k8s-semantics §8).
 * @packageDocumentation
 */
export {
  DISRUPTION_CONTROLLER_NAME,
  createDisruptionController,
  disruptionController,
} from './disruptionController.js';
export type { DisruptionControllerConstraints } from './disruptionController.js';
export { disruptionKeysFor } from './disruptionKeys.js';
export { expectedPodCount, scaledValueRoundUp } from './expectedPods.js';
export type { ExpectedPodCount } from './expectedPods.js';
export {
  DISRUPTION_ALLOWED_CONDITION,
  MAX_DISRUPTED_POD_SIZE,
  PDB_DELETION_TIMEOUT_MS,
  countHealthyPods,
  disruptionsAllowed,
} from './pdbStatus.js';
export { pdbSelector, pdbsForPod, podsOfPdb } from './pdbSelection.js';
// The Eviction API is the store's (Store.evict); its functions stay reachable from here.
export { canIgnorePdb, evictPod, unhealthyPodMayGo } from '../../store/eviction.js';
export type { EvictPodOptions } from '../../store/eviction.js';
export {
  DisruptionBudgetRefusedError,
  EVICTION_BUDGET_MESSAGE,
  MULTIPLE_PDBS_MESSAGE,
} from './evictionErrors.js';
export type { EvictionCause } from './evictionErrors.js';
export { EVICTION_DISRUPTION_CONDITION } from './podDisruptionCondition.js';
export { DRAIN_RETRY_INTERVAL_MS, MIRROR_POD_ANNOTATION, podsToEvict } from './drainPlan.js';
export type { DrainConstraints, DrainPlan } from './drainPlan.js';
