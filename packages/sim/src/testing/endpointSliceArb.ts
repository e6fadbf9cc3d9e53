/**
 * EndpointSlices written by a user (or a third-party controller) for a Service without selector.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { KubeObjectInput } from '@kubesim/core';
import { SERVICE_PORT_NAME } from './serviceArb.js';

/** Options of {@link endpointSliceArb}. */
export interface EndpointSliceConstraints {
  /** The Service the slice belongs to (label `kubernetes.io/service-name`). @defaultValue `'web'` */
  readonly service?: string;
  /** The slice's name. @defaultValue `'<service>-manual'` */
  readonly name?: string;
  /**
   * Addresses to draw from; give each slice of a Service its own so no IP is in two slices.
   * @defaultValue `['192.0.2.10', '192.0.2.11', '192.0.2.12']`
   */
  readonly addresses?: readonly string[];
  /** Most endpoints. @defaultValue `3` */
  readonly maxEndpoints?: number;
  /** The port number of the slice's port (named like the Service's port). @defaultValue `8080` */
  readonly port?: number;
}

/** One endpoint's conditions as drawn: each absent (undefined), true or false. */
export interface DrawnConditions {
  readonly ready?: boolean | undefined;
  readonly serving?: boolean | undefined;
  readonly terminating?: boolean | undefined;
}

/**
 * Each of ready, serving and terminating absent, true or false: absent, partial and explicit
 * conditions. Shrinks toward all absent (which means ready and serving).
 */
export function conditionsArb(): fc.Arbitrary<DrawnConditions> {
  const cond = fc.option(fc.boolean(), { nil: undefined });
  return fc.record({ ready: cond, serving: cond, terminating: cond });
}

/**
 * Valid user-written EndpointSlices (no `endpointslice.kubernetes.io/managed-by` label, so the
 * EndpointSlice controller leaves them alone and kube-proxy uses them): IPv4, one port named like
 * the Service's, 0..maxEndpoints endpoints with distinct addresses and conditions absent, partial
 * or explicit. Shrinks toward fewer endpoints with absent conditions.
 * @example fc.sample(endpointSliceArb({ service: 'ext' }), 1)[0].metadata.labels['kubernetes.io/service-name'] === 'ext'
 */
export function endpointSliceArb(
  constraints: EndpointSliceConstraints = {},
): fc.Arbitrary<KubeObjectInput> {
  const service = constraints.service ?? 'web';
  const addresses = constraints.addresses ?? ['192.0.2.10', '192.0.2.11', '192.0.2.12'];
  return fc
    .uniqueArray(fc.record({ ip: fc.constantFrom(...addresses), conditions: conditionsArb() }), {
      selector: (e) => e.ip,
      maxLength: Math.min(constraints.maxEndpoints ?? 3, addresses.length),
    })
    .map((endpoints) =>
      sliceManifest(
        constraints.name ?? `${service}-manual`,
        service,
        constraints.port ?? 8080,
        endpoints,
      ),
    );
}

/** The slice manifest {@link endpointSliceArb} builds (endpoints sorted by address). */
export function sliceManifest(
  name: string,
  service: string,
  port: number,
  endpoints: readonly { readonly ip: string; readonly conditions: DrawnConditions }[],
): KubeObjectInput {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    ports: [{ name: SERVICE_PORT_NAME, port, protocol: 'TCP' }],
    endpoints: [...endpoints]
      .sort((a, b) => (a.ip < b.ip ? -1 : 1))
      .map((e) => ({ addresses: [e.ip], conditions: definedOnly(e.conditions) })),
  };
}

function definedOnly(c: DrawnConditions): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  if (c.ready !== undefined) out['ready'] = c.ready;
  if (c.serving !== undefined) out['serving'] = c.serving;
  if (c.terminating !== undefined) out['terminating'] = c.terminating;
  return out;
}
