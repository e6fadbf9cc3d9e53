/**
 * The labels and names that give a StatefulSet pod its stable identity.
 * @packageDocumentation
 */
import type { Pod } from '../../objects/pod.js';
import type { StatefulSet } from '../../objects/apps.js';

/** Label with the pod's own name, so a per-pod Service can select exactly one pod. */
export const STATEFULSET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';

/** Label with the pod's ordinal as a decimal string (PodIndexLabel, on by default since 1.28). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** Label naming the revision (`<sts>-<hash>`) the pod was created from. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/**
 * The first ordinal of the set: `spec.ordinals.start`, default 0 (KEP-3335).
 * @example startOrdinal(setWithOrdinals({ start: 5 })) === 5
 */
export function startOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

/**
 * The name of the set's pod with `ordinal`: `<sts>-<ordinal>`.
 * @example statefulPodName(cassandra, 0) === 'cassandra-0'
 */
export function statefulPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/**
 * The set name and ordinal a pod name encodes (`<parent>-<digits>`), or undefined when the name
 * does not end in a canonical non-negative decimal (upstream `getParentNameAndOrdinal` in
 * stateful_set_utils.go; we also refuse leading zeros, which no StatefulSet ever generates).
 * @example parsePodOrdinal('web-12') // { parent: 'web', ordinal: 12 }
 */
export function parsePodOrdinal(name: string): { parent: string; ordinal: number } | undefined {
  const m = /^(.*)-(0|[1-9][0-9]*)$/.exec(name);
  if (m === null) return undefined;
  const ordinal = Number(m[2]);
  if (!Number.isSafeInteger(ordinal)) return undefined;
  return { parent: m[1] ?? '', ordinal };
}

/** True when the pod's name says it belongs to `set` (upstream `isMemberOf`). */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parsePodOrdinal(pod.metadata.name)?.parent === set.metadata.name;
}

/** The revision a pod was created from (its `controller-revision-hash` label), or `''`. */
export function podRevision(pod: Pod): string {
  return pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
}
