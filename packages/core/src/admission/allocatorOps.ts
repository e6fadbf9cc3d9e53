/**
 * The journaled allocator operations the Service admission steps use (internal to admission).
 * @packageDocumentation
 */
import type { ClusterIPAllocator } from './clusterIPAllocator.js';
import type { NodePortAllocator } from './nodePortAllocator.js';

/** Allocations are journaled as they happen; releases are deferred until every step succeeded. */
export interface AllocatorOps {
  readonly clusterIPs: ClusterIPAllocator;
  readonly nodePorts: NodePortAllocator;
  allocateIP(ip: string): void;
  allocateNextIP(): string;
  allocatePort(port: number): void;
  allocateNextPort(): number;
  /** Released only after every allocation succeeded, as upstream's deferred releases. */
  deferReleaseIP(ip: string): void;
  deferReleasePort(port: number): void;
}
