/**
 * One new connection through the cluster: DNS, the source node's delayed kube-proxy view, the
 * backend's state. The outcomes of docs/API.md `connect`.
 * @packageDocumentation
 */
import {
  AffinityTable,
  NotFoundError,
  normalizeKey,
  RouteRequestError,
  parseTarget,
  resolveDns,
  routeConnection,
  type Node,
  type ProxyNode,
  type RouteSource,
} from '@kubesim/core';
import type { TrafficHost } from '../world/index.js';
import { EXTERNAL_CLIENT_IP, type ExternalOutcome } from '../external/externalOutcome.js';

/** Where a connection comes from: a pod key, a node, or outside the cluster (the default). */
export type ConnectSource = string | { pod: string } | { node: string } | { external: true };

/** A cloud load balancer as a target: the one of a LoadBalancer Service. */
export interface LoadBalancerTarget {
  /** The Service, `namespace/name` (or `name` in `default`). */
  loadBalancer: string;
  /** The listener port. @defaultValue the Service's first port */
  port?: number;
}

/** A connection request. */
export interface ConnectRequest {
  from?: ConnectSource;
  /**
   * `web`, `web.default`, `web.default.svc.cluster.local:80`, `10.96.0.15:80`, a pod IP
   * `10.128.3.7:8080`, or a NodePort `node-1:30080`. From outside also: a load balancer
   * (`{ loadBalancer: 'default/web' }` or its address `198.51.100.1:80`) or a URL through the
   * ingress controller (`http://shop.example.com/cart`). A Service name from outside keeps its
   * meaning: the connection enters through the first live node, as before load balancers existed.
   */
  to: string | LoadBalancerTarget;
}

/** What the client sees. */
export interface ConnectResult {
  /**
   * `ok`, `refused`, `timeout`, `nxdomain`; through an Ingress also the controller's `http_404`
   * (no rule), `http_503` (no endpoint), `http_502` / `http_504` (every upstream try refused /
   * the last one timed out).
   */
  readonly outcome: ExternalOutcome;
  /** How the connection entered the cluster. @defaultValue `cluster` when absent */
  readonly via?: 'cluster' | 'loadBalancer' | 'ingress';
  /** The node a cloud load balancer sent the connection to. */
  readonly lbNode?: string;
  /** The client address the backend saw (outside traffic through a load balancer). */
  readonly sourceIP?: string;
  /** The backend pod, when the connection was routed to one. */
  readonly podKey?: string;
  readonly nodeName?: string;
  readonly ip?: string;
  readonly port?: number;
  /** The Service the connection went through, `namespace/name`. */
  readonly service?: string;
  /** Why, in a few words (e.g. `no endpoints: REJECT`, `backend node is down`). */
  readonly reason: string;
}

const ZONE = 'topology.kubernetes.io/zone';

function proxyNode(node: Node): ProxyNode {
  const zone = node.metadata.labels?.[ZONE];
  return { name: node.metadata.name, ...(zone !== undefined && zone !== '' ? { zone } : {}) };
}

function nodeIP(node: Node): string {
  return node.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? node.metadata.name;
}

/** Per-node ClientIP affinity tables (kube-proxy state on each node). */
export class AffinityTables {
  readonly #tables = new Map<string, AffinityTable>();
  /** Independent tables with the same entries (for a fork). */
  fork(): AffinityTables {
    const out = new AffinityTables();
    for (const [node, t] of this.#tables) out.#tables.set(node, t.fork());
    return out;
  }
  for(node: string): AffinityTable {
    let t = this.#tables.get(node);
    if (t === undefined) {
      t = new AffinityTable();
      this.#tables.set(node, t);
    }
    return t;
  }
}

interface Source {
  readonly route: RouteSource;
  readonly node: Node | undefined;
  readonly namespace: string;
}

function resolveSource(world: TrafficHost, from: ConnectSource | undefined): Source {
  const store = world.store;
  if (from === undefined || (typeof from === 'object' && 'external' in from)) {
    return {
      route: { kind: 'external', ip: EXTERNAL_CLIENT_IP },
      node: undefined,
      namespace: 'default',
    };
  }
  if (typeof from === 'string' || 'pod' in from) {
    const key = normalizeKey('Pod', typeof from === 'string' ? from : from.pod);
    const pod = store.get('Pod', key.key);
    if (pod === undefined)
      throw new NotFoundError(`pods "${key.name}" not found: connect needs an existing source pod`);
    const node = pod.spec.nodeName === undefined ? undefined : store.get('Node', pod.spec.nodeName);
    if (node === undefined || pod.status.podIP === undefined) {
      throw new NotFoundError(`pod ${key.key} has no node or IP yet: it cannot open connections`);
    }
    return {
      route: { kind: 'pod', ip: pod.status.podIP, node: proxyNode(node) },
      node,
      namespace: pod.metadata.namespace,
    };
  }
  const node = store.get('Node', from.node);
  if (node === undefined) throw new NotFoundError(`nodes "${from.node}" not found`);
  return {
    route: { kind: 'node', ip: nodeIP(node), node: proxyNode(node) },
    node,
    namespace: 'default',
  };
}

/**
 * Opens one NEW connection at the current instant. Load balancing is per connection (§4.13).
 * Outside clients enter through the first live node (by name) for ClusterIP targets, which is
 * what an ingress or a load balancer in front of the nodes would do.
 */
export function connect(
  world: TrafficHost,
  req: ConnectRequest,
  affinity: AffinityTables,
): ConnectResult {
  const store = world.store;
  const outside =
    req.from === undefined || (typeof req.from === 'object' && 'external' in req.from);
  const to = req.to;
  if (typeof to === 'object') {
    if (!outside) {
      throw new RouteRequestError(
        'a load balancer target is reached from outside: use from: { external: true }',
      );
    }
    const key = normalizeKey('Service', to.loadBalancer).key;
    return connectExternalLb(world, key, to.port, affinity);
  }
  if (outside && /^https?:\/\//i.test(to)) {
    if (world.external === undefined) {
      return {
        outcome: 'nxdomain',
        via: 'ingress',
        reason: 'no ingress controller (sim.addIngressController())',
      };
    }
    return world.external.request(to, (n) => affinity.for(n));
  }
  if (outside && world.external !== undefined) {
    const t = parseTarget(to);
    const lbService = t.isIP ? world.external.serviceAtAddress(t.host) : undefined;
    if (lbService !== undefined) return connectExternalLb(world, lbService, t.port, affinity);
  }
  const source = resolveSource(world, req.from);
  if (source.node !== undefined && world.nodesDown.has(source.node.metadata.name)) {
    return { outcome: 'timeout', reason: 'the source node is down' };
  }
  const target = parseTarget(to);
  let host = target.host;
  let service: string | undefined;

  // A node name with a port is a NodePort; any other name goes through cluster DNS.
  const nodeByName = target.isIP ? undefined : store.get('Node', host);
  if (!target.isIP && nodeByName === undefined) {
    const answer = resolveDns(store, host, { fromNamespace: source.namespace, type: 'A' });
    const a = answer.records.filter((r) => r.type === 'A');
    if (answer.rcode === 'NXDOMAIN' || a.length === 0) {
      return {
        outcome: 'nxdomain',
        reason: `${host}: ${answer.rcode === 'NXDOMAIN' ? 'NXDOMAIN' : 'no A record'}`,
      };
    }
    const pick = a.length === 1 ? a[0] : world.random('traffic/dns').pick(a);
    host = String(pick?.data);
  }

  // A pod IP is reached directly, without kube-proxy.
  const directPod = world.podsByIP.get(host);
  if (directPod !== undefined) {
    const port = target.port ?? firstContainerPort(world, directPod);
    return backend(world, directPod, host, port, undefined);
  }

  const nodeAt = (h: string): Node | undefined => {
    const name = world.nodesByAddress.get(h);
    return name === undefined ? undefined : store.get('Node', name);
  };
  const lookup = (h: string): ProxyNode | undefined => {
    const n = nodeAt(h);
    return n === undefined ? undefined : proxyNode(n);
  };
  const dialledNode = nodeByName ?? nodeAt(host);
  let handler: Node | undefined;
  if (dialledNode !== undefined) {
    handler = dialledNode;
    if (world.nodesDown.has(dialledNode.metadata.name)) {
      return { outcome: 'timeout', reason: `node ${dialledNode.metadata.name} is down` };
    }
  } else {
    handler = source.node ?? store.list('Node').find((n) => !world.nodesDown.has(n.metadata.name));
  }
  if (handler === undefined) return { outcome: 'timeout', reason: 'no node to route through' };
  const state = world.proxies.stateFor(handler.metadata.name);
  const port = target.port ?? defaultServicePort(world, host);
  if (port === undefined) return { outcome: 'timeout', reason: `nothing listens at ${host}` };
  const result = routeConnection(
    state,
    {
      from: source.route,
      to: { host, port },
      via: proxyNode(handler),
      nodes: lookup,
    },
    world.random(`traffic/lb/${handler.metadata.name}`),
    affinity.for(handler.metadata.name),
    world.now,
  );
  switch (result.outcome) {
    case 'no-rule':
      return { outcome: 'timeout', reason: `no Service answers at ${host}:${port}` };
    case 'refused':
      service = keyOf(result.frontend.service.metadata);
      return { outcome: 'refused', service, reason: 'no usable endpoints: REJECT' };
    case 'dropped':
      service = keyOf(result.frontend.service.metadata);
      return {
        outcome: 'timeout',
        service,
        reason: 'Local traffic policy and no local endpoint: DROP',
      };
    case 'ok': {
      service = keyOf(result.frontend.service.metadata);
      const podKey = world.podsByIP.get(result.ip);
      if (podKey === undefined) {
        return {
          outcome: 'timeout',
          service,
          ip: result.ip,
          port: result.port,
          reason: 'the backend pod is gone',
        };
      }
      return backend(world, podKey, result.ip, result.port, service);
    }
  }
}

function connectExternalLb(
  world: TrafficHost,
  serviceKey: string,
  port: number | undefined,
  affinity: AffinityTables,
): ConnectResult {
  if (world.external === undefined) {
    return {
      outcome: 'timeout',
      via: 'loadBalancer',
      service: serviceKey,
      reason: 'no cloud load balancers in this simulation (sim.addCloudLoadBalancers())',
    };
  }
  return world.external.connectLoadBalancer(serviceKey, port, (n) => affinity.for(n));
}

function keyOf(meta: { namespace?: string; name: string }): string {
  return `${meta.namespace ?? 'default'}/${meta.name}`;
}

function backend(
  world: TrafficHost,
  podKey: string,
  ip: string,
  port: number | undefined,
  service: string | undefined,
): ConnectResult {
  const pod = world.store.get('Pod', podKey);
  const nodeName = pod?.spec.nodeName;
  const base = {
    podKey,
    ip,
    ...(port !== undefined ? { port } : {}),
    ...(nodeName !== undefined ? { nodeName } : {}),
    ...(service !== undefined ? { service } : {}),
  };
  if (pod === undefined || nodeName === undefined) {
    return { outcome: 'timeout', ...base, reason: 'the backend pod is gone' };
  }
  if (world.nodesDown.has(nodeName)) {
    return { outcome: 'timeout', ...base, reason: `backend node ${nodeName} is down` };
  }
  const kubelet = world.kubelets.get(nodeName);
  const running = kubelet?.isContainerRunning?.(podKey) ?? pod.status.phase === 'Running';
  if (!running)
    return { outcome: 'refused', ...base, reason: 'the backend container is not running' };
  return { outcome: 'ok', ...base, reason: 'connected' };
}

function firstContainerPort(world: TrafficHost, podKey: string): number | undefined {
  return world.store.get('Pod', podKey)?.spec.containers[0]?.ports?.[0]?.containerPort;
}

function defaultServicePort(world: TrafficHost, ip: string): number | undefined {
  return world.firstPortByClusterIP.get(ip);
}
