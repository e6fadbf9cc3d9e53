/**
 * Safety: what each kube-proxy would route to is usable in its own view (§4.2–4.3, §12.3).
 * @packageDocumentation
 */
import {
  categorizeEndpoints,
  type Node,
  type ProxyEndpoint,
  type ProxyState,
  type Service,
} from '@kubesim/core';
import { TraceMirror } from './_internals/traceMirror.js';
import { liveNodes, worldOf } from './_internals/worldOf.js';
import { PROXY_ROUTES_ONLY_USABLE_ENDPOINTS } from './names.js';
import type { Invariant, Violation } from './types.js';

const ZONE = 'topology.kubernetes.io/zone';

function hasClusterIP(svc: Service): boolean {
  const ip = svc.spec.clusterIP;
  return svc.spec.type !== 'ExternalName' && ip !== undefined && ip !== '' && ip !== 'None';
}

/** Why `ep` must not be in a routed set, or undefined when it may be. */
function unusable(
  ep: ProxyEndpoint,
  anyReady: boolean,
  policy: 'Cluster' | 'Local',
  node: string,
): string | undefined {
  if (policy === 'Local' && ep.nodeName !== node) return `is on ${ep.nodeName ?? 'no node'}`;
  if (ep.ready) return undefined;
  if (!ep.serving || !ep.terminating) return 'is neither ready nor serving+terminating';
  // kube-proxy falls back to serving+terminating endpoints only when none is ready (KEP-1669).
  if (anyReady)
    return `is terminating while a ready endpoint exists${policy === 'Local' ? ' on this node' : ''}`;
  return undefined;
}

function checkView(
  state: ProxyState,
  serviceKey: string,
  node: Node | undefined,
  nodeName: string,
  now: number,
): Violation[] {
  const svc = state.getService(serviceKey);
  // Headless and ExternalName Services get no rules (§4.10); publishNotReadyAddresses makes every
  // endpoint ready on purpose (§12.4).
  if (svc === undefined || !hasClusterIP(svc) || svc.spec.publishNotReadyAddresses === true)
    return [];
  const zone = node?.metadata.labels?.[ZONE];
  const proxyNode = { name: nodeName, ...(zone !== undefined && zone !== '' ? { zone } : {}) };
  const out: Violation[] = [];
  for (const port of svc.spec.ports) {
    const eps = state.endpointsOf(serviceKey, port.name, port.protocol);
    const frontend = state.frontendAt(svc.spec.clusterIP ?? '', port.port, port.protocol);
    // The set connections actually use (cached in the view), else a fresh categorisation.
    const sets =
      frontend?.serviceKey === serviceKey
        ? state.categorize(frontend, proxyNode)
        : categorizeEndpoints(eps, svc, proxyNode);
    const anyReady = eps.some((e) => e.ready);
    const anyLocalReady = eps.some((e) => e.ready && e.nodeName === nodeName);
    const check = (set: readonly ProxyEndpoint[], policy: 'Cluster' | 'Local'): void => {
      for (const ep of set) {
        const why = unusable(ep, policy === 'Local' ? anyLocalReady : anyReady, policy, nodeName);
        if (why === undefined) continue;
        out.push({
          invariant: PROXY_ROUTES_ONLY_USABLE_ENDPOINTS,
          t: now,
          message: `kube-proxy on ${nodeName} routes ${serviceKey}:${port.port} (${policy}) to ${ep.ip}:${ep.port}, which ${why} in its view`,
          subjects: [serviceKey, nodeName],
        });
      }
    };
    check(sets.cluster, 'Cluster');
    check(sets.local, 'Local');
  }
  return out;
}

/**
 * Safety invariant `proxy-routes-only-usable-endpoints`: for every live node's kube-proxy view
 * and every Service with a ClusterIP in that view, the endpoints it routes to (per port, for the
 * Cluster and Local policies) are ready in that view, or serving and terminating when none is
 * ready (anywhere for Cluster, on that node for Local). Services with publishNotReadyAddresses
 * are exempt. The view is the proxy's own delayed one, so a lagging proxy is never flagged for
 * routing to an endpoint the store already marked unready.
 * @example createSimulation().apply(manifests); proxyRoutesOnlyUsableEndpoints().check(sim, 'step')
 */
export function proxyRoutesOnlyUsableEndpoints(): Invariant {
  const mirror = new TraceMirror(['Service']);
  const serviceKeys = new Set<string>();
  return {
    name: PROXY_ROUTES_ONLY_USABLE_ENDPOINTS,
    kind: 'safety',
    description:
      'Every live kube-proxy routes a Service only to endpoints ready in its own view, or serving+terminating ones when none is ready (per node for Local policies).',
    check(sim) {
      const world = worldOf(sim);
      // Every Service ever seen: a frozen view may still hold one the store has deleted.
      mirror.advance(sim, (c) => serviceKeys.add(c.key));
      const out: Violation[] = [];
      for (const nodeName of liveNodes(world)) {
        const state = world.proxies.stateFor(nodeName);
        const node = world.store.get('Node', nodeName);
        for (const key of serviceKeys) out.push(...checkView(state, key, node, nodeName, sim.now));
      }
      return out;
    },
  };
}
