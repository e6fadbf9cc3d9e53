/**
 * Liveness: at quiescence every connected kube-proxy sees what the API server holds (§4.11).
 * @packageDocumentation
 */
import { LABEL_SERVICE_NAME } from '@kubesim/core';
import { TraceMirror } from './_internals/traceMirror.js';
import { liveNodes, worldOf } from './_internals/worldOf.js';
import { PROXY_VIEWS_CONVERGE } from './names.js';
import type { Invariant, Violation } from './types.js';

function versions(
  objects: readonly { metadata: { name: string; resourceVersion: string } }[],
): string {
  return objects
    .map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`)
    .sort()
    .join(',');
}

/**
 * Liveness invariant `proxy-views-converge`: at quiescence, on every node with power and a
 * control-plane connection, kube-proxy's view holds exactly the store's version of every Service
 * and of every EndpointSlice labelled with a Service name (deleted ones included: gone from both).
 * @example sim.settle(); proxyViewsConverge().check(sim, 'end')
 */
export function proxyViewsConverge(): Invariant {
  const mirror = new TraceMirror(['Service', 'EndpointSlice']);
  const serviceKeys = new Set<string>();
  return {
    name: PROXY_VIEWS_CONVERGE,
    kind: 'liveness',
    description:
      'At quiescence every live, connected node’s kube-proxy view equals the store’s Services and EndpointSlices.',
    check(sim) {
      const world = worldOf(sim);
      mirror.advance(sim, (c) => {
        if (c.kind === 'Service') {
          serviceKeys.add(c.key);
          return;
        }
        for (const obj of [c.before, c.after]) {
          const o = obj as
            { metadata?: { namespace?: string; labels?: Record<string, string> } } | undefined;
          const svc = o?.metadata?.labels?.[LABEL_SERVICE_NAME];
          if (svc !== undefined && svc !== '')
            serviceKeys.add(`${o?.metadata?.namespace ?? ''}/${svc}`);
        }
      });
      const out: Violation[] = [];
      const keys = [...serviceKeys].sort();
      for (const node of liveNodes(world)) {
        if (world.nodesPartitioned.has(node)) continue;
        const view = world.proxies.stateFor(node);
        for (const key of keys) {
          const [ns = '', name = ''] = key.split('/');
          const stored = world.store.get('Service', key);
          const seen = view.getService(key);
          const problems: string[] = [];
          if (stored?.metadata.resourceVersion !== seen?.metadata.resourceVersion)
            problems.push(
              `Service at rv ${seen?.metadata.resourceVersion ?? 'none'}, store ${stored?.metadata.resourceVersion ?? 'none'}`,
            );
          const want = versions(world.store.slicesOfService(ns, name));
          const got = versions(view.slicesOf(key));
          if (want !== got) problems.push(`slices [${got}], store [${want}]`);
          if (problems.length === 0) continue;
          out.push({
            invariant: PROXY_VIEWS_CONVERGE,
            t: sim.now,
            message: `kube-proxy on ${node} has not converged for ${key}: ${problems.join('; ')}`,
            subjects: [key, node],
          });
        }
      }
      return out;
    },
  };
}
