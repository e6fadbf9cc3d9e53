/**
 * A small client-side load balancer of the kind service-discovery libraries contain: it watches
 * the EndpointSlices of one Service and keeps the list of backend IPs to spread requests over.
 *
 * Two versions, both plausible at first sight:
 *
 * - {@link naiveLoadBalancer} treats "the slice of the Service" as one object: it keeps the slice
 *   it heard about last. That works as long as the Service has one slice, which is every Service a
 *   developer tries by hand: a slice holds at most `--max-endpoints-per-slice` endpoints (100 by
 *   default), so the bug appears only past 100 pods.
 * - {@link fixedLoadBalancer} does what kube-proxy does (k8s-semantics §4.1–4.2): it merges every
 *   slice labelled `kubernetes.io/service-name=<svc>`, reads a missing `ready` as true (§3.8), and
 *   when no endpoint is ready falls back to those that are serving and terminating (KEP-1669).
 *
 * `client-lb-property.test.ts` lets fast-check find the naive version's bug and shrink it.
 * @packageDocumentation
 */
import type { EndpointSlice } from '@kubesim/core';
import type { Simulation, WatchEvent } from '@kubesim/sim';

/** What a load balancer offers its client. */
export interface ClientLoadBalancer {
  /** Backend IPs requests are spread over, sorted. */
  backends(): string[];
  /** Stops watching. */
  close(): void;
}

/** Watches the EndpointSlices of `serviceKey` (`namespace/name`), like an informer would. */
function watchSlices(
  sim: Simulation,
  serviceKey: string,
  onEvent: (type: WatchEvent['type'], slice: EndpointSlice) => void,
): () => void {
  const [namespace = 'default', name = serviceKey] = serviceKey.includes('/')
    ? serviceKey.split('/')
    : ['default', serviceKey];
  const handler = (ev: WatchEvent): void => {
    onEvent(ev.type, ev.object as EndpointSlice);
  };
  return sim.watch('EndpointSlice', handler, {
    namespace,
    // Every slice of a Service carries this label, whoever wrote it (§3.1, §3.26).
    labelSelector: `kubernetes.io/service-name=${name}`,
  });
}

/**
 * The naive version: one Service, one slice — the last one it heard about.
 * @example const lb = naiveLoadBalancer(sim, 'default/web'); sim.settle(); lb.backends()
 */
export function naiveLoadBalancer(sim: Simulation, serviceKey: string): ClientLoadBalancer {
  let current: EndpointSlice | undefined;
  const stop = watchSlices(sim, serviceKey, (type, slice) => {
    if (type !== 'DELETED') current = slice;
    else if (current?.metadata.name === slice.metadata.name) current = undefined;
  });
  return {
    backends: () =>
      (current?.endpoints ?? [])
        .filter((e) => e.conditions.ready === true)
        .flatMap((e) => e.addresses)
        .sort(),
    close: stop,
  };
}

/**
 * The fixed version: every slice of the Service, merged, with kube-proxy's endpoint choice.
 * @example const lb = fixedLoadBalancer(sim, 'default/web'); sim.settle(); lb.backends()
 */
export function fixedLoadBalancer(sim: Simulation, serviceKey: string): ClientLoadBalancer {
  const slices = new Map<string, EndpointSlice>();
  const stop = watchSlices(sim, serviceKey, (type, slice) => {
    if (type === 'DELETED') slices.delete(slice.metadata.name);
    else slices.set(slice.metadata.name, slice);
  });
  return {
    backends: () => {
      const ready = new Set<string>();
      const servingTerminating = new Set<string>();
      for (const slice of slices.values()) {
        for (const e of slice.endpoints) {
          // Nil conditions: ready and serving default to true, terminating to false (§3.8).
          const isReady = e.conditions.ready ?? true;
          const serving = e.conditions.serving ?? true;
          const terminating = e.conditions.terminating ?? false;
          // An endpoint moving between slices can briefly be in two of them: a Set dedupes it.
          for (const ip of e.addresses) {
            if (isReady) ready.add(ip);
            else if (serving && terminating) servingTerminating.add(ip);
          }
        }
      }
      // Fall back to serving+terminating endpoints only when nothing is ready (KEP-1669).
      return [...(ready.size > 0 ? ready : servingTerminating)].sort();
    },
    close: () => {
      stop();
      slices.clear();
    },
  };
}
