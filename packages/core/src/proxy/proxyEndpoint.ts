/**
 * The endpoint as one kube-proxy sees it: one address of one slice endpoint, paired with the port
 * number of one Service port.
 * @packageDocumentation
 */
import type { Endpoint, EndpointConditions } from '../objects/discovery.js';
import type { ObjectReference } from '../objects/meta.js';

/**
 * One backend of one Service port, as kube-proxy keeps it (upstream `BaseEndpointInfo`).
 *
 * Conditions are already resolved: a missing `ready` or `serving` reads as true and a missing
 * `terminating` as false (§3.8). Hints are sets of zone and node names (empty when absent).
 *
 * @example
 * ```ts
 * { ip: '10.128.0.5', port: 8080, nodeName: 'node-1', ready: true, serving: true,
 *   terminating: false, zoneHints: new Set(), nodeHints: new Set() }
 * ```
 */
export interface ProxyEndpoint {
  /** The first address of the slice endpoint (kube-proxy uses only that one). */
  readonly ip: string;
  /** The slice port number for the Service port this endpoint serves. */
  readonly port: number;
  readonly nodeName?: string;
  readonly zone?: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  /** Zones named in `hints.forZones`. */
  readonly zoneHints: ReadonlySet<string>;
  /** Nodes named in `hints.forNodes` (PreferSameNode). */
  readonly nodeHints: ReadonlySet<string>;
  /** The pod behind the endpoint, when the slice names it. */
  readonly targetRef?: ObjectReference;
}

const NO_HINTS: ReadonlySet<string> = new Set<string>();

/**
 * The endpoint's identity in kube-proxy: `ip:port` (upstream `Endpoint.String()`), used to
 * de-duplicate across slices and to order rules.
 */
export function proxyEndpointId(ep: Pick<ProxyEndpoint, 'ip' | 'port'>): string {
  return `${ep.ip}:${ep.port}`;
}

/**
 * A slice endpoint's conditions with nil resolved as the API contract says (§3.8): `ready` and
 * `serving` default to true, `terminating` to false (upstream pkg/proxy/endpointslicecache.go
 * `newEndpointSliceInfo`).
 *
 * @example resolveEndpointConditions({ ready: false }) // { ready: false, serving: true, terminating: false }
 */
export function resolveEndpointConditions(
  c: EndpointConditions,
): Pick<ProxyEndpoint, 'ready' | 'serving' | 'terminating'> {
  return {
    ready: c.ready ?? true,
    serving: c.serving ?? true,
    terminating: c.terminating ?? false,
  };
}

/**
 * Converts a slice endpoint for one port, or returns undefined when it has no address.
 * Nil conditions are resolved by {@link resolveEndpointConditions}.
 */
export function toProxyEndpoint(ep: Endpoint, port: number): ProxyEndpoint | undefined {
  const ip = ep.addresses[0];
  if (ip === undefined) return undefined;
  const zoneHints = ep.hints?.forZones;
  const nodeHints = ep.hints?.forNodes;
  return {
    ip,
    port,
    ...(ep.nodeName !== undefined ? { nodeName: ep.nodeName } : {}),
    ...(ep.zone !== undefined ? { zone: ep.zone } : {}),
    ...resolveEndpointConditions(ep.conditions),
    zoneHints:
      zoneHints !== undefined && zoneHints.length > 0
        ? new Set(zoneHints.map((z) => z.name))
        : NO_HINTS,
    nodeHints:
      nodeHints !== undefined && nodeHints.length > 0
        ? new Set(nodeHints.map((n) => n.name))
        : NO_HINTS,
    ...(ep.targetRef !== undefined ? { targetRef: ep.targetRef } : {}),
  };
}
