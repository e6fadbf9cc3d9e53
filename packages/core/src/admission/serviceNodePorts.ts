/**
 * The NodePort steps of Service admission: a node port per port, and the health-check node port.
 * @packageDocumentation
 */
import type { Draft } from 'immer';
import type { FieldIssue } from '../errors.js';
import type { Service, ServiceSpec } from '../objects/service.js';
import { invalid } from '../validation/fieldIssues.js';
import { asAllocationError } from './allocationError.js';
import type { AllocatorOps } from './allocatorOps.js';

/** Types whose ports are exposed on every node. */
function hasNodePorts(type: string | undefined): boolean {
  return type === 'NodePort' || type === 'LoadBalancer';
}

/** upstream `NeedsHealthCheck`: a LoadBalancer with `externalTrafficPolicy: Local`. */
function needsHealthCheck(spec: { type?: string; externalTrafficPolicy?: string }): boolean {
  return spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

function fullIssue(path: string, what: string, message: string): FieldIssue {
  return {
    path,
    type: 'FieldValueInvalid',
    message: `Internal error occurred: failed to allocate a ${what}: ${message}`,
  };
}

/**
 * Allocates, keeps or releases the node ports of `spec` (mutated in place), as alloc.go
 * `initNodePorts` (create) and `updateNodePorts` (update). A port without `nodePort` on update
 * keeps the old port of the same name (rest.go `patchAllocatedValues`). On create, ports sharing
 * a port number (TCP and UDP 53) share one node port.
 */
export function admitNodePorts(
  spec: Draft<ServiceSpec>,
  old: Service | undefined,
  ops: AllocatorOps,
): FieldIssue[] {
  const oldNodePorts =
    old !== undefined && hasNodePorts(old.spec.type)
      ? old.spec.ports.flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort]))
      : [];
  if (!hasNodePorts(spec.type)) {
    for (const port of spec.ports) delete port.nodePort;
    for (const np of oldNodePorts) ops.deferReleasePort(np);
    return [];
  }
  for (const port of spec.ports) if (port.nodePort === 0) delete port.nodePort;
  if (old !== undefined && oldNodePorts.length > 0) {
    const inUse = new Set(
      spec.ports.flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort])),
    );
    const byName = new Map(old.spec.ports.map((p) => [p.name ?? '', p.nodePort]));
    for (const port of spec.ports) {
      const kept = port.nodePort === undefined ? byName.get(port.name ?? '') : undefined;
      if (kept !== undefined && !inUse.has(kept)) port.nodePort = kept;
    }
  }
  // allocateLoadBalancerNodePorts: false still honours requested ports, but allocates none.
  const allocateNew = spec.type === 'NodePort' || spec.allocateLoadBalancerNodePorts !== false;
  const creating = old === undefined;
  const held = new Set(oldNodePorts);
  const taken = new Set<number>();
  for (const [i, port] of spec.ports.entries()) {
    if (port.nodePort === undefined && creating) {
      const sibling = spec.ports.find((p) => p.port === port.port && p.nodePort !== undefined);
      if (sibling?.nodePort !== undefined) port.nodePort = sibling.nodePort;
    }
    const requested = port.nodePort;
    if (requested !== undefined) {
      if (held.has(requested) || taken.has(requested)) continue;
      try {
        ops.allocatePort(requested);
      } catch (err) {
        return [invalid(`spec.ports[${i}].nodePort`, requested, asAllocationError(err).message)];
      }
      taken.add(requested);
      continue;
    }
    if (!allocateNew) continue;
    try {
      port.nodePort = ops.allocateNextPort();
    } catch (err) {
      return [fullIssue(`spec.ports[${i}].nodePort`, 'nodePort', asAllocationError(err).message)];
    }
    taken.add(port.nodePort);
  }
  const kept = new Set(spec.ports.flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort])));
  for (const np of oldNodePorts) if (!kept.has(np)) ops.deferReleasePort(np);
  return [];
}

/**
 * Allocates, keeps or releases `spec.healthCheckNodePort` (alloc.go `allocHealthCheckNodePort`,
 * `updateHealthCheckNodePort`): needed only by a LoadBalancer with `externalTrafficPolicy: Local`,
 * kept on update when omitted, immutable once allocated.
 */
export function admitHealthCheckNodePort(
  spec: Draft<ServiceSpec>,
  old: Service | undefined,
  ops: AllocatorOps,
): FieldIssue[] {
  const oldPort =
    old !== undefined && needsHealthCheck(old.spec) ? old.spec.healthCheckNodePort : undefined;
  if (spec.healthCheckNodePort === 0) delete spec.healthCheckNodePort;
  if (!needsHealthCheck(spec)) {
    delete spec.healthCheckNodePort;
    if (oldPort !== undefined) ops.deferReleasePort(oldPort);
    return [];
  }
  if (oldPort !== undefined) {
    if (spec.healthCheckNodePort !== undefined && spec.healthCheckNodePort !== oldPort) {
      return [invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, 'field is immutable')];
    }
    spec.healthCheckNodePort = oldPort;
    return [];
  }
  const requested = spec.healthCheckNodePort;
  if (requested !== undefined) {
    try {
      ops.allocatePort(requested);
    } catch (err) {
      const message = asAllocationError(err).message;
      return [
        invalid(
          'spec.healthCheckNodePort',
          requested,
          `failed to allocate requested HealthCheck NodePort ${requested}: ${message}`,
        ),
      ];
    }
    return [];
  }
  try {
    spec.healthCheckNodePort = ops.allocateNextPort();
  } catch (err) {
    return [
      fullIssue('spec.healthCheckNodePort', 'HealthCheck NodePort', asAllocationError(err).message),
    ];
  }
  return [];
}
