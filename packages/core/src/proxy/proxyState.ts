/**
 * What one kube-proxy has seen: Services and EndpointSlices applied from its (delayed) watch,
 * with per-Service merged endpoints maintained incrementally.
 * @packageDocumentation
 */
import type { EndpointSlice } from '../objects/discovery.js';
import type { Protocol } from '../objects/meta.js';
import type { Service, ServicePort } from '../objects/service.js';
import { categorizeEndpoints } from './categorizeEndpoints.js';
import type { CategorizedEndpoints, ProxyNode } from './categorizeEndpoints.js';
import { mergeSliceEndpoints, portKey } from './mergeSliceEndpoints.js';
import type { ProxyEndpoint } from './proxyEndpoint.js';

/** A watch event type, as in the Kubernetes watch API. */
export type ProxyEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** Label that ties an EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** How traffic reaches a Service port. */
export type FrontendKind = 'ClusterIP' | 'ExternalIP' | 'LoadBalancer' | 'NodePort';

/** A Service port reachable at some address: what an iptables `KUBE-SERVICES` rule matches. */
export interface Frontend {
  readonly kind: FrontendKind;
  /** `namespace/name` of the Service. */
  readonly serviceKey: string;
  readonly service: Service;
  readonly port: ServicePort;
  /** `namespace/name:<portName>/<protocol>`: identifies the Service port (affinity key). */
  readonly servicePortId: string;
}

const EMPTY: readonly ProxyEndpoint[] = [];

interface ServiceSlices {
  readonly slices: Map<string, EndpointSlice>;
  /** Merged endpoints by port key; undefined until first read after a change. */
  merged: Map<string, ProxyEndpoint[]> | undefined;
  /** Categorised sets by `portKey|node|zone`, cleared with `merged`. */
  readonly categorized: Map<string, CategorizedEndpoints>;
}

/**
 * One kube-proxy's view: a mutable object fed with watch events in the order this proxy sees
 * them (the simulation delays them per node). Mutation is explicit, through
 * {@link ProxyState.applyService} and {@link ProxyState.applySlice}; every read is derived.
 *
 * - Slices labelled `kubernetes.io/service-name` are grouped by Service; all of them are merged
 *   and de-duplicated by `ip:port` ({@link mergeSliceEndpoints}). A slice change only marks its
 *   own Service for re-merge, done lazily on the next read, so 10,000 Services and 150,000
 *   endpoints cost O(endpoints of the touched Service) per change.
 * - Headless and ExternalName Services get no rules (§4.10): no frontend is registered for them.
 * - Frontends: the ClusterIP, every `spec.externalIPs` entry and every
 *   `status.loadBalancer.ingress[].ip` for each port, and `nodePort` for NodePort/LoadBalancer.
 *
 * @example
 * ```ts
 * const state = new ProxyState({ nodeName: 'node-1' });
 * state.applyService('ADDED', svc);
 * state.applySlice('ADDED', slice);
 * state.frontendAt('10.96.0.15', 80, 'TCP'); // → the Service port
 * ```
 */
export class ProxyState {
  /** The node this kube-proxy runs on; a duplicate endpoint on it wins the merge. */
  readonly nodeName: string | undefined;
  private readonly services = new Map<string, Service>();
  private readonly byService = new Map<string, ServiceSlices>();
  /** slice key → Service key it was filed under (its label may change). */
  private readonly sliceOwner = new Map<string, string>();
  private readonly frontends = new Map<string, Frontend>();
  private readonly nodePorts = new Map<string, Frontend>();

  constructor(opts: { nodeName?: string } = {}) {
    this.nodeName = opts.nodeName;
  }

  /**
   * An independent copy of this view, as a kube-proxy that stops receiving updates would keep it
   * (a node cut off from the control plane). Objects are frozen values and are shared.
   */
  clone(opts: { nodeName?: string } = {}): ProxyState {
    const copy = new ProxyState(opts.nodeName === undefined ? {} : { nodeName: opts.nodeName });
    for (const svc of this.services.values()) copy.applyService('ADDED', svc);
    for (const group of this.byService.values()) {
      for (const slice of group.slices.values()) copy.applySlice('ADDED', slice);
    }
    return copy;
  }

  /** Number of Services seen. */
  get serviceCount(): number {
    return this.services.size;
  }

  /** Applies a Service watch event. */
  applyService(type: ProxyEventType, svc: Service): void {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const old = this.services.get(key);
    if (old !== undefined) this.unregisterFrontends(key, old);
    if (type === 'DELETED') {
      this.services.delete(key);
    } else {
      this.services.set(key, svc);
      this.registerFrontends(key, svc);
    }
    // Traffic policies live on the Service: drop its cached categorisations.
    this.byService.get(key)?.categorized.clear();
  }

  /** Applies an EndpointSlice watch event. Slices without the service-name label are ignored. */
  applySlice(type: ProxyEventType, slice: EndpointSlice): void {
    const sliceKey = `${slice.metadata.namespace}/${slice.metadata.name}`;
    const previousOwner = this.sliceOwner.get(sliceKey);
    const svcName = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    const owner =
      type === 'DELETED' || svcName === undefined || svcName === ''
        ? undefined
        : `${slice.metadata.namespace}/${svcName}`;
    if (previousOwner !== undefined && previousOwner !== owner) {
      const group = this.byService.get(previousOwner);
      if (group !== undefined) {
        group.slices.delete(slice.metadata.name);
        invalidate(group);
        if (group.slices.size === 0) this.byService.delete(previousOwner);
      }
      this.sliceOwner.delete(sliceKey);
    }
    if (owner === undefined) return;
    let group = this.byService.get(owner);
    if (group === undefined) {
      group = { slices: new Map(), merged: undefined, categorized: new Map() };
      this.byService.set(owner, group);
    }
    group.slices.set(slice.metadata.name, slice);
    invalidate(group);
    this.sliceOwner.set(sliceKey, owner);
  }

  /** The Service at `namespace/name`, as this proxy last saw it. */
  getService(serviceKey: string): Service | undefined {
    return this.services.get(serviceKey);
  }

  /** The EndpointSlices of a Service, as this proxy last saw them, sorted by name. */
  slicesOf(serviceKey: string): readonly EndpointSlice[] {
    const group = this.byService.get(serviceKey);
    if (group === undefined) return [];
    return [...group.slices.values()].sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
    );
  }

  /**
   * All slices of the Service merged for one Service port (name `''` for an unnamed port),
   * sorted by `ip:port`: kube-proxy's rule order. Includes unusable endpoints; see
   * {@link categorizeEndpoints}.
   */
  endpointsOf(
    serviceKey: string,
    portName: string | undefined,
    protocol: Protocol = 'TCP',
  ): readonly ProxyEndpoint[] {
    const group = this.byService.get(serviceKey);
    if (group === undefined) return EMPTY;
    group.merged ??= mergeSliceEndpoints(group.slices.values(), this.nodeName);
    return group.merged.get(portKey(portName, protocol)) ?? EMPTY;
  }

  /**
   * {@link categorizeEndpoints} for a frontend's Service port seen from `node`, cached until the
   * Service or one of its slices changes.
   */
  categorize(frontend: Frontend, node: ProxyNode): CategorizedEndpoints {
    const eps = this.endpointsOf(frontend.serviceKey, frontend.port.name, frontend.port.protocol);
    const group = this.byService.get(frontend.serviceKey);
    if (group === undefined) return categorizeEndpoints(eps, frontend.service, node);
    const cacheKey = `${portKey(frontend.port.name, frontend.port.protocol)}|${node.name}|${node.zone ?? ''}`;
    let result = group.categorized.get(cacheKey);
    if (result === undefined) {
      result = categorizeEndpoints(eps, frontend.service, node);
      group.categorized.set(cacheKey, result);
    }
    return result;
  }

  /** The Service port at a ClusterIP, external IP or load-balancer IP and port, if any. */
  frontendAt(ip: string, port: number, protocol: Protocol = 'TCP'): Frontend | undefined {
    return this.frontends.get(`${ip}:${port}/${protocol}`);
  }

  /** The Service port behind a node port (the same on every node), if any. */
  frontendAtNodePort(nodePort: number, protocol: Protocol = 'TCP'): Frontend | undefined {
    return this.nodePorts.get(`${nodePort}/${protocol}`);
  }

  private registerFrontends(key: string, svc: Service): void {
    for (const [addrKey, fe] of frontendsOf(key, svc)) {
      (fe.kind === 'NodePort' ? this.nodePorts : this.frontends).set(addrKey, fe);
    }
  }

  private unregisterFrontends(key: string, svc: Service): void {
    for (const [addrKey, fe] of frontendsOf(key, svc)) {
      const map = fe.kind === 'NodePort' ? this.nodePorts : this.frontends;
      // Only remove what still belongs to this Service (a clash may have replaced it).
      if (map.get(addrKey)?.serviceKey === key) map.delete(addrKey);
    }
  }
}

function invalidate(group: ServiceSlices): void {
  group.merged = undefined;
  group.categorized.clear();
}

/** Every address a Service port answers on; none for headless and ExternalName (§4.10). */
function frontendsOf(key: string, svc: Service): [string, Frontend][] {
  const spec = svc.spec;
  const out: [string, Frontend][] = [];
  if (spec.type === 'ExternalName') return out;
  const clusterIP = spec.clusterIP;
  if (clusterIP === undefined || clusterIP === '' || clusterIP === 'None') return out;
  const lbIPs = (svc.status.loadBalancer?.ingress ?? []).flatMap((i) =>
    i.ip !== undefined ? [i.ip] : [],
  );
  for (const port of spec.ports) {
    const servicePortId = `${key}:${portKey(port.name, port.protocol)}`;
    const base = { serviceKey: key, service: svc, port, servicePortId };
    const at = (ip: string): string => `${ip}:${port.port}/${port.protocol}`;
    out.push([at(clusterIP), { kind: 'ClusterIP', ...base }]);
    for (const ip of spec.externalIPs ?? []) out.push([at(ip), { kind: 'ExternalIP', ...base }]);
    if (spec.type === 'LoadBalancer') {
      for (const ip of lbIPs) out.push([at(ip), { kind: 'LoadBalancer', ...base }]);
    }
    if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && port.nodePort !== undefined) {
      out.push([`${port.nodePort}/${port.protocol}`, { kind: 'NodePort', ...base }]);
    }
  }
  return out;
}
