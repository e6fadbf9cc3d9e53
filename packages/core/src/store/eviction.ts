/**
 * The Eviction API (POST pods/<name>/eviction), a subresource the API server serves (so the
 * store's: `Store.evict`), all-or-nothing (kubernetes
 * pkg/registry/core/pod/storage/eviction.go `Create`, `canIgnorePDB`, `checkAndDecrement`,
 * `addConditionAndDeletePod`).
 * @packageDocumentation
 */
import { NotFoundError } from '../errors.js';
import { formatTimestamp } from '../time.js';
import { isPodReady } from '../controllers/endpoints/podEndpoint.js';
import type { Pod } from '../objects/pod.js';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from '../objects/apps.js';
import type { ClusterView } from './view.js';

import {
  budgetExhausted,
  budgetForbidden,
  budgetNotProcessed,
  multipleBudgets,
} from '../controllers/disruption/evictionErrors.js';
import {
  MAX_DISRUPTED_POD_SIZE,
  withDisruptionAllowedCondition,
} from '../controllers/disruption/pdbStatus.js';
import { pdbsForPod, splitPodKey } from '../controllers/disruption/pdbSelection.js';
import { addConditionAndDeletePod } from '../controllers/disruption/podDisruptionCondition.js';

/**
 * What the Eviction API needs of a store (a {@link ClusterView} that writes in transactions):
 * the Store itself, named structurally so that this file and store.ts do not import each other.
 */
export interface EvictionStore extends ClusterView {
  transaction<T>(fn: () => T): T;
  updateStatus(obj: Pod | PodDisruptionBudget): unknown;
  delete(kind: 'Pod', key: string, opts: { gracePeriodSeconds?: number }): void;
}

/** Options of {@link evictPod}. */
export interface EvictPodOptions {
  /**
   * The budgets' DeletionTimeout. Accepted for symmetry with the disruption controller; the API
   * server does not age `disruptedPods` entries (only the controller does), so it is not read.
   * @defaultValue `120_000`
   */
  deletionTimeoutMs?: number;
  /** The eviction's DeleteOptions. `gracePeriodSeconds` defaults to the pod's own grace period. */
  deleteOptions?: { gracePeriodSeconds?: number };
}

/** Pods the API deletes without looking at budgets: terminal, Pending, or already terminating. */
export function canIgnorePdb(pod: Pod): boolean {
  const phase = pod.status.phase;
  return (
    phase === 'Succeeded' ||
    phase === 'Failed' ||
    phase === 'Pending' ||
    pod.metadata.deletionTimestamp !== undefined
  );
}

/** An unready pod the budget lets go without spending a disruption (§8.5). */
export function unhealthyPodMayGo(pod: Pod, pdb: PodDisruptionBudget): boolean {
  if (isPodReady(pod)) return false;
  if (pdb.spec.unhealthyPodEvictionPolicy === 'AlwaysAllow') return true;
  // Default (unset) and IfHealthyBudget: only while the application is not disrupted.
  const { currentHealthy, desiredHealthy } = pdb.status;
  return currentHealthy >= desiredHealthy && desiredHealthy > 0;
}

/** Verifies the budget and spends one disruption, recording the pod in `disruptedPods`. */
function checkAndDecrement(
  store: EvictionStore,
  pdb: PodDisruptionBudget,
  pod: Pod,
  stamp: string,
): void {
  const name = pdb.metadata.name;
  const s = pdb.status;
  if ((s.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw budgetNotProcessed(name);
  if (s.disruptionsAllowed < 0) throw budgetForbidden(name, 'pdb disruptions allowed is negative');
  if (Object.keys(s.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw budgetForbidden(
      name,
      'DisruptedPods map too big - too many evictions not confirmed by PDB controller',
    );
  }
  if (s.disruptionsAllowed === 0) throw budgetExhausted(name, s.desiredHealthy, s.currentHealthy);
  let status: PodDisruptionBudgetStatus = {
    ...s,
    disruptionsAllowed: s.disruptionsAllowed - 1,
    disruptedPods: { ...s.disruptedPods, [pod.metadata.name]: stamp },
  };
  // The condition flips to False / InsufficientPods when the last disruption is spent.
  if (status.disruptionsAllowed === 0) status = withDisruptionAllowedCondition(status, stamp);
  store.updateStatus({ ...pdb, status });
}

/**
 * Evicts the pod at `podKey` (`namespace/name`; a bare name means `default`) at virtual time
 * `now` (ms since the start), as the Eviction API does (§8.4–8.6):
 * - a Succeeded, Failed, Pending or terminating pod is deleted without any budget check;
 * - no covering budget: deleted; more than one: refused (500, `MultiplePodDisruptionBudgets`);
 * - an unready pod is deleted without spending budget under `unhealthyPodEvictionPolicy:
 *   AlwaysAllow`, or by default while currentHealthy ≥ desiredHealthy > 0;
 * - otherwise the budget must be observed (else 429), sane (else 403) and allow a disruption
 *   (else 429 `TooManyRequests`); one is spent and the pod recorded in `disruptedPods`.
 * Every deletion first sets the pod's `DisruptionTarget` condition (reason
 * `EvictionByEvictionAPI`) and then deletes it gracefully (its own grace period unless
 * `deleteOptions` say otherwise). All-or-nothing: a refusal changes nothing.
 * @throws NotFoundError when the pod does not exist; EvictionRefusedError (see above).
 * @example evictPod(store, 'default/web-0', sim.now)
 */
export function evictPod(
  store: EvictionStore,
  podKey: string,
  now: number,
  opts: EvictPodOptions = {},
): void {
  evictAt(store, podKey, formatTimestamp(store.config.startTime + now), opts);
}

/**
 * {@link evictPod} stamped `stamp` (the eviction's DisruptionTarget condition and the budget's
 * `disruptedPods` entry): what `Store.evict` runs at the store's own clock.
 * @internal
 */
export function evictAt(
  store: EvictionStore,
  podKey: string,
  stamp: string,
  opts: EvictPodOptions,
): void {
  const { namespace, name } = splitPodKey(podKey);
  const key = `${namespace}/${name}`;
  const grace = opts.deleteOptions?.gracePeriodSeconds;
  store.transaction(() => {
    const pod = store.get('Pod', key);
    if (pod === undefined) throw new NotFoundError(`pods "${name}" not found`);
    if (!canIgnorePdb(pod)) {
      const pdbs = pdbsForPod(store, pod);
      if (pdbs.length > 1) throw multipleBudgets();
      const pdb = pdbs[0];
      if (pdb !== undefined && !unhealthyPodMayGo(pod, pdb)) {
        checkAndDecrement(store, pdb, pod, stamp);
      }
    }
    addConditionAndDeletePod(store, pod, stamp, grace);
  });
}
