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
  /**
   * Also produce Services without a selector, whose endpoints someone else writes
   * (EndpointSlices or legacy Endpoints, see {@link endpointSliceArb} and {@link endpointsArb}).
   * @defaultValue `false`
   */
  readonly withoutSelector?: boolean;
  /** Also produce headless Services (`clusterIP: None`). @defaultValue `true` */
  readonly headless?: boolean;
  /** Target ports to draw from (first: the shrink target). @defaultValue `['http', 8080, 9090]` */
  readonly targetPorts?: readonly (string | number)[];
}

/** The name of the one port of every generated Service. */
export const SERVICE_PORT_NAME = 'web';

/**
 * Valid Services: selector `app=<app>` (sometimes `app=nobody`, which matches no pod, and with
 * `withoutSelector` sometimes none), type ClusterIP, headless (`clusterIP: None`) or NodePort,
 * one port `web` 80 whose targetPort is the named `http`, the number 8080, or a number no pod
 * listens on (9090). Shrinks toward a ClusterIP Service with a named targetPort on the first app.
 * @example fc.sample(serviceArb({ name: 'web' }), 1)[0].spec.ports[0].port === 80
 */
export function serviceArb(constraints: ServiceConstraints = {}): fc.Arbitrary<KubeObjectInput> {
  const apps: (string | null)[] = [
    ...(constraints.apps ?? APP_NAMES),
    ...(constraints.withUnmatched === false ? [] : ['nobody']),
    ...(constraints.withoutSelector === true ? [null] : []),
  ];
  const types = ['ClusterIP', ...(constraints.headless === false ? [] : ['Headless']), 'NodePort'];
  return fc
    .record({
      app: fc.constantFrom(...apps),
      type: fc.constantFrom(...types),
      targetPort: fc.constantFrom(...(constraints.targetPorts ?? ['http', 8080, 9090])),
      publishNotReady: fc.boolean(),
    })
    .map(({ app, type, targetPort, publishNotReady }) =>
      serviceManifest(constraints.name ?? 'web', { app, type, targetPort, publishNotReady }),
    );
}

/** The Service manifest {@link serviceArb} builds from its draws. */
export function serviceManifest(
  name: string,
  d: {
    readonly app: string | null;
    readonly type: string;
    readonly targetPort: string | number;
    readonly publishNotReady: boolean;
  },
): KubeObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: {
      ...(d.app === null ? {} : { selector: { app: d.app } }),
      ports: [
        {
          name: SERVICE_PORT_NAME,
          port: 80,
          // A Service without selector has no pods to name a port on: its endpoints carry numbers.
          targetPort: d.app === null && typeof d.targetPort === 'string' ? 8080 : d.targetPort,
          protocol: 'TCP',
        },
      ],
      ...(d.type === 'Headless' ? { clusterIP: 'None' } : { type: d.type }),
      ...(d.publishNotReady ? { publishNotReadyAddresses: true } : {}),
    },
  };
}
