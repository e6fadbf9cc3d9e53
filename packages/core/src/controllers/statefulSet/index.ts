/**
 * The StatefulSet controller and the pure pieces it is built from.
 * @packageDocumentation
 */
export { statefulSetController } from './statefulSetController.js';
export { reconcileStatefulSet } from './reconcileStatefulSet.js';
export { statefulSetKeysFor } from './statefulSetKeys.js';
export { claimStatefulSetPods } from './claimPods.js';
export type { ClaimedPods } from './claimPods.js';
export { planStatefulSetSync } from './planStatefulSetPods.js';
export type { StatefulSetSyncInput, StatefulSetSyncResult } from './planStatefulSetPods.js';
export { newStatefulSetPod, templateFromPod } from './newStatefulSetPod.js';
export { revisionName, templateHash } from './revisionName.js';
export { countReplicas, nextStatus } from './statefulSetStatus.js';
export type { ReplicaCounts, Revisions } from './statefulSetStatus.js';
export {
  CONTROLLER_REVISION_HASH_LABEL,
  POD_INDEX_LABEL,
  STATEFULSET_POD_NAME_LABEL,
  parsePodOrdinal,
  statefulPodName,
} from './statefulSetLabels.js';
