/**
 * Deployment manifests.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { KubeObjectInput } from '@kubesim/core';
import { behaviorArb, containerArb, withFastProbe } from './_internals/containerArb.js';

/** Options of {@link deploymentArb}. */
export interface DeploymentConstraints {
  /** Name, also its `app` label unless `apps` says otherwise. @defaultValue `'web'` */
  readonly name?: string;
  /**
   * Values the pods' `app` label may take (first: the shrink target), so several Deployments can
   * stand behind one Service. The Deployment selects its own pods by `app` and `deploy=<name>`.
   * @defaultValue `[name]`
   */
  readonly apps?: readonly string[];
  /** Most replicas. @defaultValue `5` */
  readonly maxReplicas?: number;
  /** Allow a `kubesim.io/behavior` annotation on the template. @defaultValue `true` */
  readonly withBehavior?: boolean;
  /** Let the behaviour make the container crash (crashAfter 1–5 min). @defaultValue `true` */
  readonly withCrash?: boolean;
  /**
   * Numbers the container port named `http` may get; with several, pods of two Deployments behind
   * one Service with `targetPort: http` listen on different ports (separate slices).
   * @defaultValue `[8080]`
   */
  readonly portNumbers?: readonly number[];
  /**
   * Slow shutdowns: a terminationDelay in the behaviour, a preStop sleep hook, a short
   * terminationGracePeriodSeconds, so terminating endpoints stay serving for a while.
   * @defaultValue `false`
   */
  readonly slowShutdown?: boolean;
  /** Readiness flapping: failure windows in the behaviour, probed every second. @defaultValue `false` */
  readonly readinessFlapping?: boolean;
  /**
   * Rolling updates at the edges: maxSurge 0 with maxUnavailable 1 or 100 %, maxSurge 100 % with
   * maxUnavailable 0, besides the ordinary ints and percents and Recreate.
   * @defaultValue `true`
   */
  readonly rolloutEdges?: boolean;
}

const intOrPercent = fc.oneof(
  fc.integer({ min: 0, max: 2 }),
  fc.constantFrom('0%', '25%', '50%', '100%'),
);

const EDGES = [
  { maxSurge: 0, maxUnavailable: 1 },
  { maxSurge: 0, maxUnavailable: '100%' },
  { maxSurge: '100%', maxUnavailable: 0 },
  { maxSurge: 1, maxUnavailable: 0 },
] as const;

/**
 * Valid Deployments: 0..maxReplicas replicas, selector `app`+`deploy`, a RollingUpdate strategy
 * with maxSurge / maxUnavailable as ints or percents (never both zero, which the API refuses), at
 * its edges, or Recreate, maybe a `kubesim.io/behavior` annotation (readyAfter, rarely crashAfter,
 * with the options slow shutdowns and readiness flapping). Shrinks toward 0 replicas and the
 * default strategy.
 * @example fc.sample(deploymentArb({ name: 'api' }), 1)[0].metadata.name === 'api'
 */
export function deploymentArb(
  constraints: DeploymentConstraints = {},
): fc.Arbitrary<KubeObjectInput> {
  const name = constraints.name ?? 'web';
  const apps = constraints.apps ?? [name];
  const rolling = fc
    .tuple(intOrPercent, intOrPercent)
    .filter(([s, u]) => !(isZero(s) && isZero(u)))
    .map(([maxSurge, maxUnavailable]) => ({ maxSurge, maxUnavailable }));
  const strategy = fc.option(
    fc.oneof(
      ((constraints.rolloutEdges ?? true)
        ? fc.oneof(rolling, fc.constantFrom(...EDGES))
        : rolling
      ).map((rollingUpdate) => ({ type: 'RollingUpdate', rollingUpdate })),
      fc.constant({ type: 'Recreate' }),
    ),
    { nil: undefined },
  );
  const slow = constraints.slowShutdown === true;
  const behavior =
    constraints.withBehavior === false
      ? fc.constant({ text: undefined, flaps: false })
      : behaviorArb({
          crash: constraints.withCrash ?? true,
          slowShutdown: slow,
          flapping: constraints.readinessFlapping === true,
        });
  return fc
    .record({
      replicas: fc.integer({ min: 0, max: constraints.maxReplicas ?? 5 }),
      app: fc.constantFrom(...apps),
      strategy,
      container: containerArb({
        ...(constraints.portNumbers !== undefined ? { portNumbers: constraints.portNumbers } : {}),
        slowShutdown: slow,
      }),
      behavior,
      grace: slow ? fc.option(fc.constantFrom(5, 15), { freq: 3 }) : fc.constant(null),
    })
    .map(({ replicas, app, strategy: st, container, behavior: b, grace }) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        replicas,
        selector: { matchLabels: labels(app, name, apps) },
        ...(st === undefined ? {} : { strategy: st }),
        template: {
          metadata: {
            labels: labels(app, name, apps),
            ...(b.text === undefined ? {} : { annotations: { 'kubesim.io/behavior': b.text } }),
          },
          spec: {
            ...(grace === null ? {} : { terminationGracePeriodSeconds: grace }),
            containers: [withFastProbe(container, b)],
          },
        },
      },
    }));
}

/** `app` alone when the Deployment is the only one with its app, else also `deploy=<name>`. */
function labels(app: string, name: string, apps: readonly string[]): Record<string, string> {
  return apps.length === 1 && app === name ? { app } : { app, deploy: name };
}

function isZero(v: number | string): boolean {
  return v === 0 || v === '0%';
}
