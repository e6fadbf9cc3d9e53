/**
 * The Deployment controller and its building blocks.
 * @packageDocumentation
 */
export { deploymentController } from './deploymentController.js';
export {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
} from './annotations.js';
export { DeploymentReason } from './conditions.js';
export { maxSurgeOf, maxUnavailableOf, resolveFenceposts, scaledValue } from './fenceposts.js';
export { equalIgnoreHash, findNewReplicaSet, newRSNewReplicas } from './newReplicaSet.js';
export { calculateStatus, deploymentComplete } from './deploymentStatus.js';
export { deploymentKeysForPodEvent, deploymentKeysForReplicaSetEvent } from './deploymentKeys.js';
