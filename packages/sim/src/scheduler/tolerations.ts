/**
 * Taints and tolerations, as the scheduler and the taint eviction controller match them
 * (k8s.io/api core/v1 `Toleration.ToleratesTaint`).
 * @packageDocumentation
 */
import type { Taint, Toleration } from '@kubesim/core';

/**
 * True when `toleration` tolerates `taint`: the effects agree (an empty toleration effect matches
 * every effect), the keys agree (an empty key with operator `Exists` matches every key), and the
 * operator holds: `Exists` ignores the value, `Equal` (the default when unset) compares values.
 * @example
 * toleratesTaint({ key: 'gpu', operator: 'Exists' }, { key: 'gpu', value: 'a', effect: 'NoSchedule' }) === true
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  const effect = toleration.effect ?? '';
  if (effect !== '' && effect !== taint.effect) return false;
  const key = toleration.key ?? '';
  const operator = toleration.operator ?? 'Equal';
  if (key === '') return operator === 'Exists';
  if (key !== taint.key) return false;
  if (operator === 'Exists') return true;
  if (operator === 'Equal') return (toleration.value ?? '') === (taint.value ?? '');
  return false;
}

/** True when some toleration in `tolerations` tolerates `taint`. */
export function tolerationsTolerate(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}

/**
 * The first taint among `taints` whose effect is one of `effects` and that no toleration
 * tolerates, or undefined when all are tolerated (upstream `FindMatchingUntoleratedTaint`).
 */
export function firstUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  effects: readonly Taint['effect'][],
): Taint | undefined {
  return taints.find((t) => effects.includes(t.effect) && !tolerationsTolerate(tolerations, t));
}
