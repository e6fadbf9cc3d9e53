/**
 * The StatefulSet controller (pkg/controller/statefulset), as a pure kubesim controller.
 * @packageDocumentation
 */
import type { Controller } from '../plan.js';
import { reconcileStatefulSet } from './reconcileStatefulSet.js';
import { statefulSetKeysFor } from './statefulSetKeys.js';

/**
 * The `statefulset-controller`: keeps pods `<sts>-<start>` … `<sts>-<start+replicas−1>` with
 * stable hostnames under the headless Service `spec.serviceName` (§7.14).
 *
 * - OrderedReady (default): creates in ascending ordinal order, each after its predecessor is
 *   Running, Ready and available for `minReadySeconds`; scales down from the highest ordinal, one
 *   pod at a time, waiting for each to be gone; stops while any pod is unhealthy.
 *   Parallel: creates and deletes all at once.
 * - A lost pod is replaced, under the same name, only after the old object is removed from the
 *   store: a Terminating pod on a dead node blocks its replacement (§12.10). Failed and Succeeded
 *   pods are deleted, then recreated.
 * - RollingUpdate replaces pods from the highest ordinal down to `partition`, one at a time;
 *   OnDelete only recreates pods the user deletes. Revisions are `<sts>-<hash of the template>`.
 * - Orphan pods matching the selector and named `<sts>-<n>` are adopted.
 * - `volumeClaimTemplates` are kept on the object but not simulated: no PersistentVolumeClaims
 *   are created and PVC-backed pods start like any other.
 *
 * @example
 * const driver = createSyncDriver(store, [statefulSetController]);
 * store.create(cassandraStatefulSet); driver.run(); // creates cassandra-0 only
 */
export const statefulSetController: Controller = {
  name: 'statefulset-controller',
  kinds: ['StatefulSet', 'Pod'],
  keysFor: statefulSetKeysFor,
  reconcile: reconcileStatefulSet,
};
