/**
 * The ReplicaSet controller and its building blocks.
 * @packageDocumentation
 */
export { BURST_REPLICAS, replicaSetController } from './replicaSetController.js';
export {
  POD_DELETION_COST_ANNOTATION,
  compareForDeletion,
  podsToDelete,
} from './rankPodsForDeletion.js';
export type { RankedPod } from './rankPodsForDeletion.js';
export { computeReplicaSetStatus } from './replicaSetStatus.js';
export type { ReplicaSetStatusResult } from './replicaSetStatus.js';
export { podFromTemplate } from './podFromTemplate.js';
export { podChangeMattersToReplicaSet, replicaSetKeysForPodEvent } from './replicaSetKeys.js';
