/**
 * The disruption controller: keeps every PodDisruptionBudget's status (currentHealthy,
 * desiredHealthy, expectedPods, disruptionsAllowed, disruptedPods, DisruptionAllowed condition)
 * in line with its pods (kubernetes pkg/controller/disruption/disruption.go `trySync`,
 * `failSafe`, `updatePdbStatus`).
 * @packageDocumentation
 */
import { emptyPlan } from '../plan.js';
import { formatTimestamp } from '../../time.js';
import type { Action, Controller, Plan } from '../plan.js';
import type { ClusterView } from '../../store/view.js';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from '../../objects/apps.js';
import { disruptionKeysFor } from './disruptionKeys.js';
import { expectedPodCount } from './expectedPods.js';
import {
  DISRUPTION_ALLOWED_CONDITION,
  PDB_DELETION_TIMEOUT_MS,
  buildDisruptedPodMap,
  conditionsAreUpToDate,
  countHealthyPods,
  disruptionsAllowed,
  sameDisruptedPods,
  setStatusCondition,
  withDisruptionAllowedCondition,
} from './pdbStatus.js';
import { keyOf, pdbSelector, podsOfPdb } from './pdbSelection.js';

/** Options of {@link createDisruptionController}. */
export interface DisruptionControllerConstraints {
  /**
   * How long an evicted pod stays in `status.disruptedPods` (uncounted) before the controller
   * counts it again.
   * @defaultValue `120_000` (2 min, disruption.go `DeletionTimeout`)
   */
  deletionTimeoutMs?: number;
}

/** The controller's name in traces and errors. */
export const DISRUPTION_CONTROLLER_NAME = 'disruption-controller';

function pdbEvent(
  pdb: PodDisruptionBudget,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): Action {
  return {
    verb: 'event',
    regarding: { kind: 'PodDisruptionBudget', key: keyOf(pdb), uid: pdb.metadata.uid },
    type,
    reason,
    message,
  };
}

/** failSafe: disruptionsAllowed 0 and DisruptionAllowed False / SyncFailed with the error. */
function failSafe(pdb: PodDisruptionBudget, error: string, nowStamp: string): Action | undefined {
  const status: PodDisruptionBudgetStatus = {
    ...pdb.status,
    disruptionsAllowed: 0,
    conditions: setStatusCondition(
      pdb.status.conditions,
      {
        type: DISRUPTION_ALLOWED_CONDITION,
        status: 'False',
        reason: 'SyncFailed',
        message: error,
        ...(pdb.status.observedGeneration !== undefined
          ? { observedGeneration: pdb.status.observedGeneration }
          : {}),
      },
      nowStamp,
    ),
  };
  if (JSON.stringify(status) === JSON.stringify(pdb.status)) return undefined;
  return { verb: 'updateStatus', object: { ...pdb, status } };
}

function reconcilePdb(view: ClusterView, key: string, now: number, timeoutMs: number): Plan {
  const pdb = view.get('PodDisruptionBudget', key);
  if (pdb === undefined) return emptyPlan;
  const nowMs = view.config.startTime + now;
  const nowStamp = formatTimestamp(nowMs);
  const actions: Action[] = [];
  const pods = podsOfPdb(view, pdb);
  if (pods.length === 0) actions.push(pdbEvent(pdb, 'Normal', 'NoPods', 'No matching pods found'));

  const expected = expectedPodCount(view, pdb, pods);
  if (!expected.ok) {
    actions.push(
      pdbEvent(
        pdb,
        'Warning',
        'CalculateExpectedPodCountFailed',
        `Failed to calculate the number of expected pods: ${expected.error}`,
      ),
    );
    const write = failSafe(pdb, expected.error, nowStamp);
    return { actions: write === undefined ? actions : [...actions, write] };
  }
  if (expected.unmanagedPods.length > 0) {
    // Upstream prints the *LabelSelector with %v; the canonical selector string reads better.
    actions.push(
      pdbEvent(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${pdbSelector(pdb).toString()}) were found ` +
          'to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which ' +
          'may result in undefined behavior. To account for these pods please set ".spec.minAvailable" ' +
          'field of the PDB to an integer value.',
      ),
    );
  }

  const disrupted = buildDisruptedPodMap(pods, pdb, nowMs, timeoutMs);
  for (const pod of disrupted.expired) {
    // Upstream formats the budget as "%s/%s" with the namespace twice; we name it properly.
    actions.push({
      verb: 'event',
      regarding: { kind: 'Pod', key: keyOf(pod), uid: pod.metadata.uid },
      type: 'Warning',
      reason: 'NotDeleted',
      message: `Pod was expected by PDB ${keyOf(pdb)} to be deleted but it wasn't`,
    });
  }
  const currentHealthy = countHealthyPods(pods, disrupted.kept);
  const allowed = disruptionsAllowed(
    currentHealthy,
    expected.desiredHealthy,
    expected.expectedCount,
  );
  const generation = pdb.metadata.generation ?? 0;
  const s = pdb.status;
  const upToDate =
    s.currentHealthy === currentHealthy &&
    s.desiredHealthy === expected.desiredHealthy &&
    s.expectedPods === expected.expectedCount &&
    s.disruptionsAllowed === allowed &&
    sameDisruptedPods(s.disruptedPods, disrupted.kept) &&
    (s.observedGeneration ?? 0) === generation &&
    conditionsAreUpToDate(pdb);
  if (!upToDate) {
    const base: PodDisruptionBudgetStatus = {
      currentHealthy,
      desiredHealthy: expected.desiredHealthy,
      expectedPods: expected.expectedCount,
      disruptionsAllowed: allowed,
      ...(Object.keys(disrupted.kept).length > 0 ? { disruptedPods: { ...disrupted.kept } } : {}),
      observedGeneration: generation,
      ...(s.conditions !== undefined ? { conditions: s.conditions } : {}),
    };
    const status = withDisruptionAllowedCondition(base, nowStamp);
    actions.push({ verb: 'updateStatus', object: { ...pdb, status } });
  }
  // Re-sync when the earliest kept entry expires, so the pod is counted again (recheckQueue).
  return disrupted.recheckAtMs === undefined
    ? { actions }
    : { actions, requeueAfter: disrupted.recheckAtMs - nowMs };
}

/**
 * Creates the disruption controller (`disruption-controller`). Keys are budget keys
 * (`namespace/name`); see {@link disruptionKeysFor} for what enqueues them. Each reconcile
 * recomputes the budget's status per §8.2 and writes it only when it changed; it asks to be
 * requeued when the oldest `disruptedPods` entry expires.
 * @example
 * const driver = createSyncDriver(store, [createDisruptionController({ deletionTimeoutMs: 60_000 })]);
 */
export function createDisruptionController(opts: DisruptionControllerConstraints = {}): Controller {
  const timeoutMs = opts.deletionTimeoutMs ?? PDB_DELETION_TIMEOUT_MS;
  return {
    name: DISRUPTION_CONTROLLER_NAME,
    kinds: ['PodDisruptionBudget', 'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    keysFor: disruptionKeysFor,
    reconcile: (view, key, now) => reconcilePdb(view, key, now, timeoutMs),
  };
}

/** The disruption controller with upstream's 2-minute DeletionTimeout. */
export const disruptionController: Controller = createDisruptionController();
