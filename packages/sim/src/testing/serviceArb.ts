/**
 * Service manifests.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { KubeObjectInput } from '@kubesim/core';
import { APP_NAMES } from './_internals/pools.js';

/** Options of {@link serviceArb}. */
export interface ServiceConstraints {
  /** The Service's name. @defaultValue `'web'` */
  readonly name?: string;
  /** Apps the selector may pick (`app=<one>`), matching generated pods. @defaultValue `['web', 'api', 'db']` */
  readonly apps?: readonly string[];
  /** Also produce selectors no generated pod carries. @defaultValue `true` */
  readonly withUnmatched?: boolean;
}

/**
 * Valid Services: selector `app=<app>` (sometimes `app=nobody`, which matches no pod), type
 * ClusterIP, headless (`clusterIP: None`) or NodePort, one port 80 whose targetPort is the named
 * `http`, the number 8080, or a number no pod listens on (9090). Shrinks toward a ClusterIP
 * Service with a named targetPort on the first app.
 * @example fc.sample(serviceArb({ name: 'web' }), 1)[0].spec.ports[0].port === 80
 */
export function serviceArb(constraints: ServiceConstraints = {}): fc.Arbitrary<KubeObjectInput> {
  const apps = [
    ...(constraints.apps ?? APP_NAMES),
    ...(constraints.withUnmatched === false ? [] : ['nobody']),
  ];
  return fc
    .record({
      app: fc.constantFrom(...apps),
      type: fc.constantFrom('ClusterIP', 'Headless', 'NodePort'),
      targetPort: fc.constantFrom<string | number>('http', 8080, 9090),
      publishNotReady: fc.boolean(),
    })
    .map(({ app, type, targetPort, publishNotReady }) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: constraints.name ?? 'web' },
      spec: {
        selector: { app },
        ports: [{ name: 'web', port: 80, targetPort, protocol: 'TCP' }],
        ...(type === 'Headless' ? { clusterIP: 'None' } : { type }),
        ...(publishNotReady ? { publishNotReadyAddresses: true } : {}),
      },
    }));
}
