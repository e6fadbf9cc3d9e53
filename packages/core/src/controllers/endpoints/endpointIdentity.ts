/**
 * Identity, equality and order of endpoints and port lists (k8s.io/endpointslice util/endpointset.go
 * `hashEndpoint`, util/controller_utils.go `EndpointsEqualBeyondHash`, `NewPortMapKey`).
 * @packageDocumentation
 */
import type { Endpoint, EndpointPort } from '../../objects/discovery.js';
import type { ObjectReference } from '../../objects/meta.js';
import type { Pod } from '../../objects/pod.js';
import type { Service } from '../../objects/service.js';

/**
 * The identity of an endpoint: targetRef namespace/name, sorted addresses and hostname. Not the
 * UID and not the conditions, so a readiness flip updates the endpoint in place and a pod recreated
 * with the same name and IP is the same endpoint (§3.12). The key also orders endpoints (see
 * {@link compareEndpoints}), so one key per endpoint serves both.
 */
export function endpointKey(ep: Endpoint): string {
  const hit = endpointKeys.get(ep);
  if (hit !== undefined) return hit;
  const key = buildEndpointKey(ep);
  if (isFrozenEndpoint(ep)) endpointKeys.set(ep, key);
  return key;
}

// The key is a pure function of an endpoint's addresses, hostname and targetRef: kept per
// endpoint object when those are frozen (stored endpoints, and the ones the reconciler builds,
// are), so a sync does not serialise again the endpoints it already saw.
const endpointKeys = new WeakMap<Endpoint, string>();

function isFrozenEndpoint(ep: Endpoint): boolean {
  return (
    Object.isFrozen(ep) &&
    Object.isFrozen(ep.addresses) &&
    (ep.targetRef === undefined || Object.isFrozen(ep.targetRef))
  );
}

// JSON text of a tuple is one-to-one, so equal keys mean equal identities in any field order;
// this order is the one endpoints are sorted in.
function buildEndpointKey(ep: Endpoint): string {
  return JSON.stringify([
    ep.targetRef?.namespace ?? '',
    ep.targetRef?.name ?? '',
    [...ep.addresses].sort(),
    ep.hostname ?? '',
  ]);
}

function sameRef(a: ObjectReference | undefined, b: ObjectReference | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  // resourceVersion is ignored, as upstream's semanticIgnoreResourceVersion does.
  return (
    a.kind === b.kind &&
    a.namespace === b.namespace &&
    a.name === b.name &&
    a.uid === b.uid &&
    a.apiVersion === b.apiVersion &&
    a.fieldPath === b.fieldPath
  );
}

/**
 * True when two endpoints of the same identity need no write: same nodeName, zone, ready, serving,
 * terminating and targetRef (ignoring its resourceVersion). Hints are not compared here; they are
 * reconciled separately (§3.D).
 */
export function endpointsEqualBeyondKey(a: Endpoint, b: Endpoint): boolean {
  if (a === b) return true;
  return (
    a.nodeName === b.nodeName &&
    a.zone === b.zone &&
    a.conditions.ready === b.conditions.ready &&
    a.conditions.serving === b.conditions.serving &&
    a.conditions.terminating === b.conditions.terminating &&
    sameRef(a.targetRef, b.targetRef)
  );
}

const sortKeyOf = endpointKey;

/**
 * The order kubesim writes endpoints in a slice: by targetRef namespace, then name, then addresses,
 * then hostname. Upstream's order comes from a Go map and is meaningless (§3.19); a fixed order
 * keeps runs byte-for-byte reproducible.
 */
export function compareEndpoints(a: Endpoint, b: Endpoint): number {
  const ka = sortKeyOf(a);
  const kb = sortKeyOf(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * A copy of `endpoints` in {@link compareEndpoints} order, building each endpoint's sort key once
 * (the same stable sort on the same comparisons, so the same order).
 */
export function sortEndpoints(endpoints: readonly Endpoint[]): Endpoint[] {
  if (endpoints.length < 2) return [...endpoints];
  // Most slices are written in order already (kept endpoints, then new ones in order): then the
  // stable sort would leave them as they are.
  let previous = sortKeyOf(endpoints[0] as Endpoint);
  let sorted = true;
  for (let i = 1; i < endpoints.length; i++) {
    const key = sortKeyOf(endpoints[i] as Endpoint);
    if (key < previous) {
      sorted = false;
      break;
    }
    previous = key;
  }
  if (sorted) return [...endpoints];
  const keyed = endpoints.map((ep) => ({ ep, key: sortKeyOf(ep) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.ep);
}

function portSortKey(p: EndpointPort): string {
  return JSON.stringify([p.name ?? '', p.protocol ?? '', p.port ?? 0, p.appProtocol ?? '']);
}

/** A copy of `ports` in kubesim's canonical order: by name, protocol, port, appProtocol. */
export function sortPorts(ports: readonly EndpointPort[]): EndpointPort[] {
  return [...ports].sort((a, b) => {
    const ka = portSortKey(a);
    const kb = portSortKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/** A key equal for two port lists exactly when they hold the same ports in any order (§3.14). */
export function portsKey(ports: readonly EndpointPort[]): string {
  return JSON.stringify(sortPorts(ports).map(portSortKey));
}

/**
 * True when `a` and `b` hold the very same objects in the same order: how the controllers' kept
 * results (keyed by frozen objects) know their inputs are unchanged.
 */
export function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Results kept per frozen Service for the very pod objects they were computed from (an echo of
 * a controller's own write sees the same pods): a pure function of those objects, so a cache
 * shared by forks is safe. Inputs that are not frozen are never kept.
 */
export class KeptPerService<V> {
  readonly #kept = new WeakMap<Service, { readonly pods: readonly Pod[]; readonly value: V }>();

  /** The value for `service` and `pods`: the kept one, or `compute()` (kept when all frozen). */
  get(service: Service, pods: readonly Pod[], compute: () => V): V {
    const hit = this.#kept.get(service);
    if (hit !== undefined && sameObjects(hit.pods, pods)) return hit.value;
    const value = compute();
    if (
      Object.isFrozen(service) &&
      pods.every((p) => Object.isFrozen(p) && Object.isFrozen(p.spec))
    ) {
      this.#kept.set(service, { pods: [...pods], value });
    }
    return value;
  }
}
