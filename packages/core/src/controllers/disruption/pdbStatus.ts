/**
 * The status arithmetic of the disruption controller, as pure functions (kubernetes
 * pkg/controller/disruption/disruption.go `buildDisruptedPodMap`, `countHealthyPods`,
 * `updatePdbStatus`; k8s.io/component-helpers apps/poddisruptionbudget helpers.go).
 * @packageDocumentation
 */
import { isPodReady } from '../endpoints/podEndpoint.js';
import { parseTimestamp } from '../../time.js';
import type { Condition } from '../../objects/meta.js';
import type { Pod } from '../../objects/pod.js';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from '../../objects/apps.js';

/**
 * How long a pod stays in a budget's `status.disruptedPods` before the controller assumes the
 * eviction did not delete it and counts it again (disruption.go `DeletionTimeout`).
 */
export const PDB_DELETION_TIMEOUT_MS = 120_000;

/** The most `disruptedPods` entries the Eviction API tolerates (eviction.go `MaxDisruptedPodSize`). */
export const MAX_DISRUPTED_POD_SIZE = 2000;

/** The condition type the controller and the Eviction API maintain on every budget. */
export const DISRUPTION_ALLOWED_CONDITION = 'DisruptionAllowed';

/** The disruptedPods a sync keeps, the pods whose entry expired, and when the next one expires. */
export interface DisruptedPodMap {
  readonly kept: Readonly<Record<string, string>>;
  readonly expired: readonly Pod[];
  /** Epoch ms at which the earliest kept entry expires, if any is kept. */
  readonly recheckAtMs: number | undefined;
}

/**
 * Rebuilds `disruptedPods` over the covered `pods` at epoch `nowMs`: entries of pods that are gone
 * or already terminating are dropped silently, entries older than `timeoutMs` are dropped and
 * reported (the controller records a `NotDeleted` event). An entry expires when
 * `time + timeout <= now`; upstream compares strictly (`Before`), which with real clocks never
 * matters but in virtual time would keep an entry alive at its own recheck instant forever.
 */
export function buildDisruptedPodMap(
  pods: readonly Pod[],
  pdb: PodDisruptionBudget,
  nowMs: number,
  timeoutMs: number,
): DisruptedPodMap {
  const previous = pdb.status.disruptedPods ?? {};
  const kept: Record<string, string> = {};
  const expired: Pod[] = [];
  let recheckAtMs: number | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp !== undefined) continue;
    const stamp = previous[pod.metadata.name];
    if (stamp === undefined) continue;
    const at = parseTimestamp(stamp);
    const expiresAt = at === undefined ? nowMs : at + timeoutMs;
    if (expiresAt <= nowMs) {
      expired.push(pod);
      continue;
    }
    kept[pod.metadata.name] = stamp;
    if (recheckAtMs === undefined || expiresAt < recheckAtMs) recheckAtMs = expiresAt;
  }
  return { kept, expired, recheckAtMs };
}

/**
 * currentHealthy: covered pods without a deletionTimestamp, not recently evicted (in `disrupted`)
 * and Ready.
 */
export function countHealthyPods(
  pods: readonly Pod[],
  disrupted: Readonly<Record<string, string>>,
): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp !== undefined) continue;
    if (disrupted[pod.metadata.name] !== undefined) continue;
    if (isPodReady(pod)) healthy += 1;
  }
  return healthy;
}

/**
 * max(0, currentHealthy − desiredHealthy), and 0 whenever expectedCount ≤ 0 so a budget that
 * matched no pod is safe when its first pods appear (disruption.go `updatePdbStatus`).
 * @example disruptionsAllowed(3, 2, 3) === 1
 */
export function disruptionsAllowed(
  currentHealthy: number,
  desiredHealthy: number,
  expectedCount: number,
): number {
  const allowed = currentHealthy - desiredHealthy;
  return expectedCount <= 0 || allowed <= 0 ? 0 : allowed;
}

/**
 * `meta.SetStatusCondition`: adds or updates the condition of `next.type`; lastTransitionTime
 * moves to `nowStamp` only when the status changes (or the condition is new).
 */
export function setStatusCondition(
  conditions: readonly Condition[] | undefined,
  next: Omit<Condition, 'lastTransitionTime'>,
  nowStamp: string,
): Condition[] {
  const list = [...(conditions ?? [])];
  const index = list.findIndex((c) => c.type === next.type);
  const old = index < 0 ? undefined : list[index];
  const lastTransitionTime =
    old?.status === next.status ? (old.lastTransitionTime ?? nowStamp) : nowStamp;
  const merged: Condition = { ...old, ...next, lastTransitionTime };
  if (index < 0) list.push(merged);
  else list[index] = merged;
  return list;
}

/**
 * The DisruptionAllowed condition for `status`: True / SufficientPods when disruptionsAllowed > 0,
 * else False / InsufficientPods (helpers.go `UpdateDisruptionAllowedCondition`).
 */
export function withDisruptionAllowedCondition(
  status: PodDisruptionBudgetStatus,
  nowStamp: string,
): PodDisruptionBudgetStatus {
  const allowed = status.disruptionsAllowed > 0;
  const conditions = setStatusCondition(
    status.conditions,
    {
      type: DISRUPTION_ALLOWED_CONDITION,
      status: allowed ? 'True' : 'False',
      reason: allowed ? 'SufficientPods' : 'InsufficientPods',
      message: '',
      ...(status.observedGeneration !== undefined
        ? { observedGeneration: status.observedGeneration }
        : {}),
    },
    nowStamp,
  );
  return { ...status, conditions };
}

/** helpers.go `ConditionsAreUpToDate`: the condition exists and agrees with disruptionsAllowed. */
export function conditionsAreUpToDate(pdb: PodDisruptionBudget): boolean {
  const cond = pdb.status.conditions?.find((c) => c.type === DISRUPTION_ALLOWED_CONDITION);
  if (cond === undefined) return false;
  if ((pdb.status.observedGeneration ?? 0) !== (pdb.metadata.generation ?? 0)) return false;
  return pdb.status.disruptionsAllowed > 0
    ? cond.status === 'True' && cond.reason === 'SufficientPods'
    : cond.status === 'False' && cond.reason === 'InsufficientPods';
}

/** Two disruptedPods maps are equal; absent and empty are the same (Semantic.DeepEqual). */
export function sameDisruptedPods(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => a?.[k] === b?.[k]);
}
