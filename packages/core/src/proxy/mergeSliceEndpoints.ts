/**
 * Merging every EndpointSlice of one Service into per-port endpoint lists, as kube-proxy's
 * EndpointSliceCache does.
 * @packageDocumentation
 */
import type { EndpointSlice } from '../objects/discovery.js';
import type { Protocol } from '../objects/meta.js';
import { proxyEndpointId, toProxyEndpoint } from './proxyEndpoint.js';
import type { ProxyEndpoint } from './proxyEndpoint.js';

/**
 * Key of a Service port inside one Service: `<name>/<protocol>`, the name `''` for an unnamed
 * port. Slice ports and Service ports meet on this key (upstream `ServicePortName`).
 *
 * @example `portKey('http', 'TCP') === 'http/TCP'`
 */
export function portKey(name: string | undefined, protocol: Protocol | undefined): string {
  return `${name ?? ''}/${protocol ?? 'TCP'}`;
}

/**
 * Merges the slices of one Service into endpoint lists keyed by {@link portKey}.
 *
 * - Each slice port pairs the slice's endpoints with that port's number; ports without a number
 *   (or 0) are skipped, and a missing port name or protocol reads as `''` / `TCP` (the API's
 *   defaults).
 * - Endpoints are de-duplicated by `ip:port` across slices; the first one in slice-name order
 *   wins unless a later duplicate is on `localNode` (upstream prefers the local copy).
 * - Each list is sorted by `ip:port` as a string, the order in which kube-proxy writes its rules
 *   (upstream pkg/proxy/endpointslicecache.go sorts `byEndpoint` on `Endpoint.String()`).
 * - FQDN slices are ignored (kube-proxy only handles IP address types).
 *
 * Pure: the slices are not modified. Cost is linear in the endpoints of this Service only.
 */
export function mergeSliceEndpoints(
  slices: Iterable<EndpointSlice>,
  localNode?: string,
): Map<string, ProxyEndpoint[]> {
  const sorted = [...slices].sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
  );
  const byPort = new Map<string, Map<string, ProxyEndpoint>>();
  for (const slice of sorted) {
    // kubesim's kube-proxy is the IPv4 proxier of a single-stack cluster: like upstream's
    // endpointslicecache.go (endpoints of the other IP family are ignored), it skips IPv6 and
    // FQDN slices.
    if (slice.addressType !== 'IPv4') continue;
    for (const port of slice.ports) {
      if (port.port === undefined || port.port === 0) continue;
      const key = portKey(port.name, port.protocol);
      let set = byPort.get(key);
      if (set === undefined) {
        set = new Map();
        byPort.set(key, set);
      }
      for (const raw of slice.endpoints) {
        const ep = toProxyEndpoint(raw, port.port);
        if (ep === undefined) continue;
        const id = proxyEndpointId(ep);
        const isLocal = localNode !== undefined && ep.nodeName === localNode;
        if (!set.has(id) || isLocal) set.set(id, ep);
      }
    }
  }
  const out = new Map<string, ProxyEndpoint[]>();
  for (const [key, set] of byPort) {
    const list = [...set.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, ep]) => ep);
    if (list.length > 0) out.set(key, list);
  }
  return out;
}
