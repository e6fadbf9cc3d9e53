/**
 * Rolling-update fenceposts (§7.8; kubernetes/kubernetes pkg/controller/deployment/util/
 * deployment_util.go `ResolveFenceposts`, `MaxSurge`, `MaxUnavailable`; apimachinery intstr
 * `GetScaledValueFromIntOrPercent`).
 * @packageDocumentation
 */
import { KubesimError } from '../../errors.js';
import type { Deployment } from '../../objects/apps.js';
import type { IntOrString } from '../../objects/meta.js';
import { scaledIntOrPercent } from '../shared/intOrPercent.js';

/**
 * An int-or-percent scaled against `total` ({@link scaledIntOrPercent}), throwing on a value that
 * is not an integer or `'<int>%'`.
 * @throws KubesimError code `InvalidIntOrPercent` with upstream's message (admission refuses such
 *   values, so only hand-built objects reach it).
 * @example scaledValue('25%', 10, true) === 3; scaledValue('25%', 10, false) === 2
 */
export function scaledValue(value: IntOrString, total: number, roundUp: boolean): number {
  const scaled = scaledIntOrPercent(value, total, roundUp);
  if (!scaled.ok) throw new KubesimError('InvalidIntOrPercent', scaled.error);
  return scaled.value;
}

/**
 * `[maxSurge, maxUnavailable]` for `replicas`: surge rounded up, unavailable rounded down, and
 * when both come out 0, unavailable becomes 1 (a rollout must be able to move).
 * @example resolveFenceposts('25%', '25%', 3) // [1, 0]
 * @example resolveFenceposts(0, '10%', 5) // [0, 1]
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  replicas: number,
): [number, number] {
  const surge = scaledValue(maxSurge ?? 0, replicas, true);
  const unavailable = scaledValue(maxUnavailable ?? 0, replicas, false);
  return surge === 0 && unavailable === 0 ? [0, 1] : [surge, unavailable];
}

/** The resolved maxSurge of a RollingUpdate Deployment; 0 for Recreate. */
export function maxSurgeOf(d: Deployment): number {
  if (d.spec.strategy.type !== 'RollingUpdate') return 0;
  const { maxSurge, maxUnavailable } = d.spec.strategy.rollingUpdate;
  return resolveFenceposts(maxSurge, maxUnavailable, d.spec.replicas)[0];
}

/**
 * The resolved maxUnavailable of a RollingUpdate Deployment, at most `replicas`; 0 for Recreate
 * or 0 replicas.
 */
export function maxUnavailableOf(d: Deployment): number {
  if (d.spec.strategy.type !== 'RollingUpdate' || d.spec.replicas === 0) return 0;
  const { maxSurge, maxUnavailable } = d.spec.strategy.rollingUpdate;
  const unavailable = resolveFenceposts(maxSurge, maxUnavailable, d.spec.replicas)[1];
  return Math.min(unavailable, d.spec.replicas);
}
