/**
 * The pod side of an eviction: the `DisruptionTarget` condition, then the graceful delete
 * (kubernetes pkg/registry/core/pod/storage/eviction.go `addConditionAndDeletePod`).
 * @packageDocumentation
 */
import type { Condition } from '../../objects/meta.js';
import type { Pod } from '../../objects/pod.js';
import { keyOf } from './pdbSelection.js';

/** The condition the Eviction API puts on every pod it deletes. */
export const EVICTION_DISRUPTION_CONDITION: Readonly<Omit<Condition, 'lastTransitionTime'>> = {
  type: 'DisruptionTarget',
  status: 'True',
  reason: 'EvictionByEvictionAPI',
  message: 'Eviction API: evicting',
};

/**
 * `podutil.UpdatePodCondition`: replaces or appends the condition; lastTransitionTime keeps its
 * old value when the status does not change. Returns undefined when nothing would change.
 */
export function updatePodCondition(
  conditions: readonly Condition[] | undefined,
  next: Omit<Condition, 'lastTransitionTime'>,
  stamp: string,
): Condition[] | undefined {
  const list = [...(conditions ?? [])];
  const index = list.findIndex((c) => c.type === next.type);
  const old = index < 0 ? undefined : list[index];
  const merged: Condition = {
    ...next,
    lastTransitionTime: old?.status === next.status ? (old.lastTransitionTime ?? stamp) : stamp,
  };
  if (
    old !== undefined &&
    old.status === merged.status &&
    old.reason === merged.reason &&
    old.message === merged.message &&
    old.lastTransitionTime === merged.lastTransitionTime
  ) {
    return undefined;
  }
  if (index < 0) list.push(merged);
  else list[index] = merged;
  return list;
}

/**
 * Sets `DisruptionTarget=True` (reason `EvictionByEvictionAPI`) on the live pod through its status,
 * then deletes it with `gracePeriodSeconds` (default: the pod's own). Call inside a transaction.
 */
export function addConditionAndDeletePod(
  store: {
    updateStatus(obj: Pod): unknown;
    delete(kind: 'Pod', key: string, opts: { gracePeriodSeconds?: number }): void;
  },
  pod: Pod,
  stamp: string,
  gracePeriodSeconds: number | undefined,
): void {
  const conditions = updatePodCondition(
    pod.status.conditions,
    EVICTION_DISRUPTION_CONDITION,
    stamp,
  );
  if (conditions !== undefined) {
    store.updateStatus({ ...pod, status: { ...pod.status, conditions } });
  }
  store.delete('Pod', keyOf(pod), gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds });
}
