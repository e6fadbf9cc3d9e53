/**
 * Deployment manifests.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { KubeObjectInput } from '@kubesim/core';
import { behaviorArb, containerArb } from './_internals/containerArb.js';

/** Options of {@link deploymentArb}. */
export interface DeploymentConstraints {
  /** Name, also its `app` label. @defaultValue `'web'` */
  readonly name?: string;
  /** Most replicas. @defaultValue `5` */
  readonly maxReplicas?: number;
  /** Allow a `kubesim.io/behavior` annotation on the template. @defaultValue `true` */
  readonly withBehavior?: boolean;
  /** Let the behaviour make the container crash (crashAfter 1–5 min). @defaultValue `true` */
  readonly withCrash?: boolean;
}

const intOrPercent = fc.oneof(
  fc.integer({ min: 0, max: 2 }),
  fc.constantFrom('0%', '25%', '50%', '100%'),
);

/**
 * Valid Deployments: 0..maxReplicas replicas, selector and template label `app=<name>`, a
 * RollingUpdate strategy with maxSurge / maxUnavailable as ints or percents (never both zero, which
 * the API refuses) or Recreate, maybe a `kubesim.io/behavior` annotation (readyAfter, rarely
 * crashAfter). Shrinks toward 0 replicas and the default strategy.
 * @example fc.sample(deploymentArb({ name: 'api' }), 1)[0].metadata.name === 'api'
 */
export function deploymentArb(
  constraints: DeploymentConstraints = {},
): fc.Arbitrary<KubeObjectInput> {
  const name = constraints.name ?? 'web';
  const strategy = fc.option(
    fc.oneof(
      fc
        .tuple(intOrPercent, intOrPercent)
        .filter(([s, u]) => !(isZero(s) && isZero(u)))
        .map(([maxSurge, maxUnavailable]) => ({
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge, maxUnavailable },
        })),
      fc.constant({ type: 'Recreate' }),
    ),
    { nil: undefined },
  );
  const behavior =
    constraints.withBehavior === false
      ? fc.constant(undefined)
      : behaviorArb(constraints.withCrash ?? true);
  return fc
    .record({
      replicas: fc.integer({ min: 0, max: constraints.maxReplicas ?? 5 }),
      strategy,
      container: containerArb(),
      behavior,
    })
    .map(({ replicas, strategy: st, container, behavior: b }) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        ...(st === undefined ? {} : { strategy: st }),
        template: {
          metadata: {
            labels: { app: name },
            ...(b === undefined ? {} : { annotations: { 'kubesim.io/behavior': b } }),
          },
          spec: { containers: [container] },
        },
      },
    }));
}

function isZero(v: number | string): boolean {
  return v === 0 || v === '0%';
}
