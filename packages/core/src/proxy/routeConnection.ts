/**
 * Routing one NEW connection through one node's kube-proxy view.
 * @packageDocumentation
 */
import type { Protocol } from '../objects/meta.js';
import type { RandomSource } from '../sources.js';
import { DEFAULT_AFFINITY_TIMEOUT_SECONDS } from './affinityTable.js';
import type { AffinityTable } from './affinityTable.js';
import type { ProxyNode } from './categorizeEndpoints.js';
import { chooseEndpoint } from './chooseEndpoint.js';
import { proxyEndpointId } from './proxyEndpoint.js';
import type { ProxyEndpoint } from './proxyEndpoint.js';
import type { Frontend, ProxyState } from './proxyState.js';
import { RouteRequestError } from './routeRequestError.js';

/** A node as seen by a NodePort client: its name, zone and addresses. */
export interface NodeAddressInfo extends ProxyNode {
  /** Node IPs (InternalIP, ExternalIP) a client may dial. */
  readonly addresses?: readonly string[];
}

/** Resolves a node name or node IP to the node, or undefined when it is no node. */
export type NodeLookup = (host: string) => ProxyNode | undefined;

/** Where a connection comes from. */
export type RouteSource =
  | { readonly kind: 'pod' | 'node'; readonly ip: string; readonly node: ProxyNode }
  | { readonly kind: 'external'; readonly ip: string };

/** A new connection to route. */
export interface RouteRequest {
  readonly from: RouteSource;
  /** A ClusterIP, external IP or LB IP, or a node name or node IP (with a nodePort). */
  readonly to: { readonly host: string; readonly port: number; readonly protocol?: Protocol };
  /**
   * The node whose kube-proxy handles the connection when the destination is not a node port.
   * @defaultValue the source's node (`from.node`); required for outside traffic to an external
   * or LB IP (the node the load balancer delivered it to).
   */
  readonly via?: ProxyNode;
  /** Node names/IPs for NodePort destinations: a lookup or a list. */
  readonly nodes?: NodeLookup | readonly NodeAddressInfo[];
}

/** Outcome of {@link routeConnection}. */
export type RouteResult =
  | {
      readonly outcome: 'ok';
      readonly endpoint: ProxyEndpoint;
      readonly ip: string;
      readonly port: number;
      readonly frontend: Frontend;
    }
  /** No usable endpoint anywhere: iptables REJECT, the client sees "connection refused". */
  | { readonly outcome: 'refused'; readonly frontend: Frontend }
  /** Local policy, usable endpoints exist but none on this node: DROP, the client times out. */
  | { readonly outcome: 'dropped'; readonly frontend: Frontend }
  /** Nothing answers at that address and port. */
  | { readonly outcome: 'no-rule' };

/**
 * Routes a NEW connection as the iptables proxier of the handling node would.
 *
 * `state` must be the view of the handling node's kube-proxy: the source's node for a ClusterIP,
 * external IP or LB IP dialled from inside; the node dialled for a node port; `via` for outside
 * traffic to an external/LB IP.
 *
 * Policy (§2.16–2.17, upstream proxier.go):
 * - ClusterIP → `internalTrafficPolicy` (from any source).
 * - external IP / LB IP → `externalTrafficPolicy` from outside; Cluster from inside (§2.16).
 * - node port → `externalTrafficPolicy` from outside and from other nodes; Cluster from a pod
 *   (kube-proxy short-circuits pod-sourced traffic) and from the node itself.
 *
 * Outcomes: no usable endpoint anywhere → `refused` (REJECT); Local with none on the handling
 * node → `dropped` (DROP); else `ok` with an endpoint from {@link chooseEndpoint}, or from the
 * ClientIP affinity table when the Service has `sessionAffinity: ClientIP` and `affinity` is
 * given: a remembered endpoint used less than `timeoutSeconds` (default 10800) before `now` and
 * still in the usable set is reused; otherwise a fresh draw is made; either way the choice is
 * recorded at `now` (sliding window, §4.7).
 *
 * @throws {@link RouteRequestError} when affinity is given without `now`, or `via` is needed and missing.
 * @example
 * ```ts
 * routeConnection(state, { from: { kind: 'pod', ip: '10.128.0.9', node }, to: { host: '10.96.0.15', port: 80 } }, random);
 * ```
 */
export function routeConnection(
  state: ProxyState,
  req: RouteRequest,
  random: RandomSource,
  affinity?: AffinityTable,
  now?: number,
): RouteResult {
  const protocol = req.to.protocol ?? 'TCP';
  const from = req.from;
  let frontend = state.frontendAt(req.to.host, req.to.port, protocol);
  let handler: ProxyNode;
  let useLocal: boolean;
  if (frontend !== undefined) {
    const via = req.via ?? (from.kind === 'external' ? undefined : from.node);
    if (via === undefined) {
      throw new RouteRequestError(
        `a connection from outside to ${req.to.host}:${req.to.port} needs 'via': the node that receives it`,
      );
    }
    handler = via;
    const spec = frontend.service.spec;
    useLocal =
      frontend.kind === 'ClusterIP'
        ? spec.internalTrafficPolicy === 'Local'
        : from.kind === 'external' && spec.externalTrafficPolicy === 'Local';
  } else {
    const node = lookupNode(req.nodes, req.to.host);
    frontend = node === undefined ? undefined : state.frontendAtNodePort(req.to.port, protocol);
    if (node === undefined || frontend === undefined) return { outcome: 'no-rule' };
    handler = node;
    const shortCircuit =
      from.kind === 'pod' || (from.kind === 'node' && from.node.name === node.name);
    useLocal = !shortCircuit && frontend.service.spec.externalTrafficPolicy === 'Local';
  }

  const sets = state.categorize(frontend, handler);
  const usable = useLocal ? sets.local : sets.cluster;
  if (usable.length === 0) {
    return sets.hasAnyEndpoints
      ? { outcome: 'dropped', frontend }
      : { outcome: 'refused', frontend };
  }
  const endpoint = pick(frontend, usable, from.ip, random, affinity, now);
  return { outcome: 'ok', endpoint, ip: endpoint.ip, port: endpoint.port, frontend };
}

function pick(
  frontend: Frontend,
  usable: readonly ProxyEndpoint[],
  clientIP: string,
  random: RandomSource,
  affinity: AffinityTable | undefined,
  now: number | undefined,
): ProxyEndpoint {
  const spec = frontend.service.spec;
  if (spec.sessionAffinity !== 'ClientIP' || affinity === undefined) {
    return chooseEndpoint(usable, random) ?? failEmpty();
  }
  if (now === undefined) {
    throw new RouteRequestError(
      `ClientIP affinity of ${frontend.serviceKey} needs 'now' (virtual ms) to apply its timeout`,
    );
  }
  const timeoutMs =
    (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT_SECONDS) *
    1000;
  const remembered = affinity.lookup(frontend.servicePortId, clientIP, now, timeoutMs);
  const sticky =
    remembered === undefined
      ? undefined
      : usable.find((ep) => proxyEndpointId(ep) === remembered.endpoint);
  const endpoint = sticky ?? chooseEndpoint(usable, random) ?? failEmpty();
  // The endpoint chain's `recent --set` refreshes the timestamp on every new connection.
  affinity.record(frontend.servicePortId, clientIP, proxyEndpointId(endpoint), now);
  return endpoint;
}

function failEmpty(): never {
  throw new RouteRequestError('internal: no endpoint to choose from');
}

function lookupNode(
  nodes: NodeLookup | readonly NodeAddressInfo[] | undefined,
  host: string,
): ProxyNode | undefined {
  if (nodes === undefined) return undefined;
  if (typeof nodes === 'function') return nodes(host);
  return nodes.find((n) => n.name === host || (n.addresses ?? []).includes(host));
}
