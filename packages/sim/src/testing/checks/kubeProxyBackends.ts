/**
 * The backends kube-proxy would use for a Service, as one list of IPs.
 * @packageDocumentation
 */
import { categorizeEndpoints, mergeSliceEndpoints, type Service } from '@kubesim/core';
import type { Simulation } from '../../simulation/types.js';

/**
 * The IPs kube-proxy would send a Service's traffic to, sorted: for each Service port, the
 * endpoints of every slice merged as kube-proxy merges them (first address of each endpoint,
 * de-duplicated by `ip:port`, IPv4 slices only, only slice ports named like a Service port), then
 * the ready ones, or when none is ready those serving and terminating (KEP-1669); a missing
 * `ready` or `serving` reads as true, a missing `terminating` as false. The union over the
 * Service's ports. Topology hints and Local traffic policies (which differ per node) play no part.
 * `[]` for a Service that does not exist.
 * @example kubeProxyBackends(sim, 'default/web') // ['10.128.0.4', '10.128.1.7']
 */
export function kubeProxyBackends(sim: Simulation, serviceKey: string): string[] {
  const svc = sim.get('Service', serviceKey);
  if (svc === undefined) return [];
  return backendsOf(sim, svc);
}

/** {@link kubeProxyBackends} for a Service object already read. */
export function backendsOf(sim: Simulation, svc: Service): string[] {
  const { namespace, name } = svc.metadata;
  const slices = sim.list('EndpointSlice', {
    namespace,
    labelSelector: `kubernetes.io/service-name=${name}`,
  });
  const byPort = mergeSliceEndpoints(slices);
  const ips = new Set<string>();
  for (const port of svc.spec.ports) {
    // kube-proxy pairs Service and slice ports by name and protocol (mergeSliceEndpoints' key).
    const endpoints = byPort.get(`${port.name ?? ''}/${port.protocol}`);
    if (endpoints === undefined) continue;
    for (const ep of categorizeEndpoints(endpoints, svc, { name: '' }).cluster) ips.add(ep.ip);
  }
  return [...ips].sort();
}
