/**
 * Bare pod manifests.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { KubeObjectInput } from '@kubesim/core';
import { APP_NAMES } from './_internals/pools.js';
import { behaviorArb, containerArb, withFastProbe } from './_internals/containerArb.js';

/** Options of {@link podArb}. */
export interface PodConstraints {
  /** The pod's name. @defaultValue `'pod-0'` */
  readonly name?: string;
  /** App labels to draw from (`app=<one of them>`). @defaultValue `['web', 'api', 'db']` */
  readonly apps?: readonly string[];
  /** Allow a `kubesim.io/behavior` annotation (readyAfter, rarely crashAfter). @defaultValue `true` */
  readonly withBehavior?: boolean;
  /** Let the behaviour make the container crash (crashAfter 1–5 min). @defaultValue `true` */
  readonly withCrash?: boolean;
  /** Slow shutdowns (terminationDelay, preStop hook). @defaultValue `false` */
  readonly slowShutdown?: boolean;
  /** Readiness failure windows probed every second. @defaultValue `false` */
  readonly readinessFlapping?: boolean;
}

/**
 * Valid bare Pod manifests (namespace `default`): label `app`, one container exposing
 * port `http` 8080 with small requests and maybe a readiness probe, maybe a behaviour annotation.
 * @example fc.sample(podArb({ name: 'p' }), 1)[0].kind === 'Pod'
 */
export function podArb(constraints: PodConstraints = {}): fc.Arbitrary<KubeObjectInput> {
  const apps = constraints.apps ?? APP_NAMES;
  const behavior =
    constraints.withBehavior === false
      ? fc.constant({ text: undefined, flaps: false })
      : behaviorArb({
          crash: constraints.withCrash ?? true,
          slowShutdown: constraints.slowShutdown === true,
          flapping: constraints.readinessFlapping === true,
        });
  return fc
    .record({
      app: fc.constantFrom(...apps),
      container: containerArb({ slowShutdown: constraints.slowShutdown === true }),
      behavior,
    })
    .map(({ app, container, behavior: b }) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: constraints.name ?? 'pod-0',
        labels: { app },
        ...(b.text === undefined ? {} : { annotations: { 'kubesim.io/behavior': b.text } }),
      },
      spec: { containers: [withFastProbe(container, b)] },
    }));
}
