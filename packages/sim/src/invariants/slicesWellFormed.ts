/**
 * Safety: the EndpointSlice controller's slices are well formed (§3.A, §3.C).
 * @packageDocumentation
 */
import {
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  type EndpointSlice,
} from '@kubesim/core';
import { worldOf } from './_internals/worldOf.js';
import { SLICES_WELL_FORMED } from './names.js';
import type { Invariant, Violation } from './types.js';

/** What is wrong with one slice on its own. */
function sliceProblems(slice: EndpointSlice, max: number): string[] {
  const problems: string[] = [];
  if (slice.endpoints.length > max)
    problems.push(`has ${slice.endpoints.length} endpoints (max ${max})`);
  const svc = slice.metadata.labels?.[LABEL_SERVICE_NAME];
  if (svc === undefined || svc === '') problems.push(`lacks label ${LABEL_SERVICE_NAME}`);
  if (!Array.isArray(slice.ports)) problems.push('has no port list');
  const names = slice.ports.map((p) => `${p.name ?? ''}/${p.protocol ?? 'TCP'}`);
  if (new Set(names).size !== names.length) problems.push('repeats a port name in its port list');
  for (const ep of slice.endpoints) {
    // The controller writes exactly one address per endpoint: the pod IP of the slice's family.
    if (ep.addresses.length !== 1)
      problems.push(`has an endpoint with ${ep.addresses.length} addresses`);
  }
  return problems;
}

/**
 * Safety invariant `slices-well-formed`: every slice managed by the EndpointSlice controller has at
 * most `maxEndpointsPerSlice` endpoints, one port list without repeated names, exactly one address
 * per endpoint, the `kubernetes.io/service-name` and `managed-by` labels; and no address appears
 * in two controller slices of the same Service and address type. User-written slices are ignored.
 * @example slicesWellFormed().check(sim, 'step') // [] on any run
 */
export function slicesWellFormed(): Invariant {
  return {
    name: SLICES_WELL_FORMED,
    kind: 'safety',
    description:
      'Controller slices hold at most maxEndpointsPerSlice endpoints, one port list, their labels, and never share an endpoint within a Service and address type.',
    check(sim) {
      const world = worldOf(sim);
      const max = world.config.maxEndpointsPerSlice;
      const out: Violation[] = [];
      /** `ns/service/addressType` → address → slice name. */
      const seen = new Map<string, Map<string, string>>();
      for (const slice of world.store.list('EndpointSlice')) {
        if (slice.metadata.labels?.[LABEL_MANAGED_BY] !== ENDPOINTSLICE_CONTROLLER_NAME) continue;
        const key = `${slice.metadata.namespace}/${slice.metadata.name}`;
        for (const p of sliceProblems(slice, max)) {
          out.push({
            invariant: SLICES_WELL_FORMED,
            t: sim.now,
            message: `slice ${key} ${p}`,
            subjects: [key],
          });
        }
        const group = `${slice.metadata.namespace}/${slice.metadata.labels[LABEL_SERVICE_NAME] ?? ''}/${slice.addressType}`;
        let addrs = seen.get(group);
        if (addrs === undefined) {
          addrs = new Map();
          seen.set(group, addrs);
        }
        for (const ep of slice.endpoints) {
          for (const a of ep.addresses) {
            const other = addrs.get(a);
            if (other !== undefined && other !== slice.metadata.name) {
              out.push({
                invariant: SLICES_WELL_FORMED,
                t: sim.now,
                message: `endpoint ${a} is in slices ${other} and ${slice.metadata.name} of the same Service ${group}`,
                subjects: [key],
              });
            }
            addrs.set(a, slice.metadata.name);
          }
        }
      }
      return out;
    },
  };
}
