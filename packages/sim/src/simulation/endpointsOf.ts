/**
 * A Service's endpoints merged from every slice, with nil conditions resolved (§3.8).
 * @packageDocumentation
 */
import type { ClusterView } from '@kubesim/core';
import type { EndpointView } from './types.js';

/** Every endpoint of the Service at `ref`, sorted by IP then slice name. */
export function endpointsOf(
  view: ClusterView,
  ref: { namespace?: string; name: string },
): EndpointView[] {
  const namespace = ref.namespace ?? 'default';
  const out: EndpointView[] = [];
  for (const slice of view.slicesOfService(namespace, ref.name)) {
    const ports = slice.ports.map((p) => ({
      name: p.name ?? '',
      port: p.port ?? 0,
      protocol: p.protocol ?? 'TCP',
    }));
    for (const ep of slice.endpoints) {
      const target = ep.targetRef;
      for (const ip of ep.addresses) {
        out.push({
          ip,
          ...(target?.kind === 'Pod' && target.name !== undefined
            ? { podKey: `${target.namespace ?? namespace}/${target.name}` }
            : {}),
          ...(ep.nodeName !== undefined ? { nodeName: ep.nodeName } : {}),
          ...(ep.zone !== undefined ? { zone: ep.zone } : {}),
          ...(ep.hostname !== undefined ? { hostname: ep.hostname } : {}),
          // A nil ready or serving means true, a nil terminating false (discovery/v1 types.go).
          ready: ep.conditions.ready ?? true,
          serving: ep.conditions.serving ?? true,
          terminating: ep.conditions.terminating ?? false,
          ports,
          slice: slice.metadata.name,
        });
      }
    }
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.slice < b.slice ? -1 : 1));
}
