// Six service-discovery clients for the kit's own tests: one correct and five with bugs found in
// real clients. Each watches every EndpointSlice, groups them by the kubernetes.io/service-name
// label, and answers which IPs it would send a Service's traffic to.
import type { EndpointSlice } from '@kubesim/core';
import type { Simulation, WatchEvent } from '../simulation/types.js';

/** A client under test: the backends it would use for a Service (`namespace/name`). */
export interface DiscoveryClient {
  backends(serviceKey: string): string[];
}

/** How a client reads slices; the variants below each change one thing. */
interface Flavour {
  /** Keep only the last slice heard of per Service (kuberesolver-style). */
  readonly oneSlice?: boolean;
  /** A missing ready condition reads as false (the CoreDNS bug). */
  readonly nilReadyFalse?: boolean;
  /** Never fall back to serving+terminating endpoints. */
  readonly noFallback?: boolean;
  /** Ignore DELETED slice events. */
  readonly ignoreDeleted?: boolean;
  /** Answer each Service with its first answer forever. */
  readonly cacheForever?: boolean;
}

function serviceOf(slice: EndpointSlice): string | undefined {
  const name = slice.metadata.labels?.['kubernetes.io/service-name'];
  return name === undefined ? undefined : `${slice.metadata.namespace}/${name}`;
}

function makeClient(sim: Simulation, f: Flavour, delay?: string): DiscoveryClient {
  /** Service key → slice name → slice. */
  const slices = new Map<string, Map<string, EndpointSlice>>();
  sim.watch(
    'EndpointSlice',
    (ev: WatchEvent) => {
      const slice = ev.object as EndpointSlice;
      const svc = serviceOf(slice);
      if (svc === undefined) return;
      let mine = slices.get(svc);
      if (mine === undefined) {
        mine = new Map();
        slices.set(svc, mine);
      }
      if (ev.type === 'DELETED') {
        if (!f.ignoreDeleted) mine.delete(slice.metadata.name);
        return;
      }
      if (f.oneSlice) mine.clear();
      mine.set(slice.metadata.name, slice);
    },
    delay === undefined ? {} : { delay },
  );
  const compute = (serviceKey: string): string[] => {
    const mine = [...(slices.get(serviceKey)?.values() ?? [])].sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : 1,
    );
    // kube-proxy's merge: IPv4 slices with a numbered port, first address, first slice wins.
    const seen = new Map<string, { ready: boolean; fallback: boolean }>();
    for (const slice of mine) {
      if (slice.addressType !== 'IPv4') continue;
      if (!slice.ports.some((p) => (p.port ?? 0) > 0)) continue;
      for (const e of slice.endpoints) {
        const ip = e.addresses[0];
        if (ip === undefined || seen.has(ip)) continue;
        const ready = f.nilReadyFalse ? e.conditions.ready === true : (e.conditions.ready ?? true);
        const serving = e.conditions.serving ?? true;
        const terminating = e.conditions.terminating ?? false;
        seen.set(ip, { ready, fallback: serving && terminating });
      }
    }
    const ready = [...seen].filter(([, c]) => c.ready).map(([ip]) => ip);
    if (ready.length > 0 || f.noFallback) return ready.sort();
    return [...seen]
      .filter(([, c]) => c.fallback)
      .map(([ip]) => ip)
      .sort();
  };
  const cache = new Map<string, string[]>();
  return {
    backends(serviceKey) {
      if (!f.cacheForever) return compute(serviceKey);
      let first = cache.get(serviceKey);
      if (first === undefined) {
        first = compute(serviceKey);
        cache.set(serviceKey, first);
      }
      return first;
    },
  };
}

/** The six clients by name; `correct` does what kube-proxy does. */
export const CLIENTS: Readonly<Record<string, (sim: Simulation) => DiscoveryClient>> = {
  correct: (sim) => makeClient(sim, {}),
  'reads one slice': (sim) => makeClient(sim, { oneSlice: true }),
  'nil ready is false': (sim) => makeClient(sim, { nilReadyFalse: true }),
  'no terminating fallback': (sim) => makeClient(sim, { noFallback: true }),
  'ignores slice DELETED': (sim) => makeClient(sim, { ignoreDeleted: true }),
  'caches the first answer forever': (sim) => makeClient(sim, { cacheForever: true }),
};

/** The correct client, watching `delay` behind the cluster. */
export function lateClient(delay: string): (sim: Simulation) => DiscoveryClient {
  return (sim) => makeClient(sim, {}, delay);
}
