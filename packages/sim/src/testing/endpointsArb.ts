/**
 * Legacy Endpoints written by a user for a Service without selector; the EndpointSlice mirroring
 * controller copies them into slices.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { KubeObjectInput } from '@kubesim/core';
import { SERVICE_PORT_NAME } from './serviceArb.js';

/** Options of {@link endpointsArb}. */
export interface EndpointsConstraints {
  /** The Service (and Endpoints) name. @defaultValue `'web'` */
  readonly service?: string;
  /** Addresses to draw from. @defaultValue `['192.0.2.20', '192.0.2.21', '192.0.2.22', '192.0.2.23']` */
  readonly addresses?: readonly string[];
  /** Most addresses. @defaultValue `4` */
  readonly maxAddresses?: number;
  /** The port number. @defaultValue `8080` */
  readonly port?: number;
}

/**
 * Valid legacy Endpoints: one subset with distinct addresses, each ready (`addresses`) or not
 * (`notReadyAddresses`), and one port named like the Service's. Mirrored into EndpointSlices
 * (`mirroringMaxEndpointsPerSubset` per slice). Shrinks toward fewer, ready addresses.
 * @example fc.sample(endpointsArb({ service: 'legacy' }), 1)[0].kind === 'Endpoints'
 */
export function endpointsArb(
  constraints: EndpointsConstraints = {},
): fc.Arbitrary<KubeObjectInput> {
  const addresses = constraints.addresses ?? [
    '192.0.2.20',
    '192.0.2.21',
    '192.0.2.22',
    '192.0.2.23',
  ];
  return fc
    .uniqueArray(fc.record({ ip: fc.constantFrom(...addresses), notReady: fc.boolean() }), {
      selector: (a) => a.ip,
      maxLength: Math.min(constraints.maxAddresses ?? 4, addresses.length),
    })
    .map((list) => endpointsManifest(constraints.service ?? 'web', constraints.port ?? 8080, list));
}

/** The Endpoints manifest {@link endpointsArb} builds. */
export function endpointsManifest(
  service: string,
  port: number,
  list: readonly { readonly ip: string; readonly notReady: boolean }[],
): KubeObjectInput {
  const sorted = [...list].sort((a, b) => (a.ip < b.ip ? -1 : 1));
  const ready = sorted.filter((a) => !a.notReady).map((a) => ({ ip: a.ip }));
  const notReady = sorted.filter((a) => a.notReady).map((a) => ({ ip: a.ip }));
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: service },
    subsets:
      list.length === 0
        ? []
        : [
            {
              ...(ready.length > 0 ? { addresses: ready } : {}),
              ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}),
              ports: [{ name: SERVICE_PORT_NAME, port, protocol: 'TCP' }],
            },
          ],
  };
}
