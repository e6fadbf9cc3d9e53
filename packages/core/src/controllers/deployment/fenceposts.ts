/**
 * Rolling-update fenceposts (§7.8; kubernetes/kubernetes pkg/controller/deployment/util/
 * deployment_util.go `ResolveFenceposts`, `MaxSurge`, `MaxUnavailable`; apimachinery intstr
 * `GetScaledValueFromIntOrPercent`).
 * @packageDocumentation
 */
import { KubesimError } from '../../errors.js';
import type { Deployment, DeploymentSpec } from '../../objects/apps.js';
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

// Stored specs are deeply frozen: their fenceposts are resolved once (every sync asks, often
// several times).
const fenceposts = new WeakMap<DeploymentSpec, readonly [number, number]>();

/** `resolveFenceposts` of a RollingUpdate spec's strategy and replicas. */
function fencepostsOf(
  spec: DeploymentSpec,
  rollingUpdate: { readonly maxSurge: IntOrString; readonly maxUnavailable: IntOrString },
): readonly [number, number] {
  const cached = fenceposts.get(spec);
  if (cached !== undefined) return cached;
  const { maxSurge, maxUnavailable } = rollingUpdate;
  const resolved = resolveFenceposts(maxSurge, maxUnavailable, spec.replicas);
  if (Object.isFrozen(spec)) fenceposts.set(spec, resolved);
  return resolved;
}

/** The resolved maxSurge of a RollingUpdate Deployment; 0 for Recreate. */
export function maxSurgeOf(d: Deployment): number {
  const { strategy } = d.spec;
  if (strategy.type !== 'RollingUpdate') return 0;
  return fencepostsOf(d.spec, strategy.rollingUpdate)[0];
}

/**
 * The resolved maxUnavailable of a RollingUpdate Deployment, at most `replicas`; 0 for Recreate
 * or 0 replicas.
 */
export function maxUnavailableOf(d: Deployment): number {
  const { strategy } = d.spec;
  if (strategy.type !== 'RollingUpdate' || d.spec.replicas === 0) return 0;
  return Math.min(fencepostsOf(d.spec, strategy.rollingUpdate)[1], d.spec.replicas);
}
