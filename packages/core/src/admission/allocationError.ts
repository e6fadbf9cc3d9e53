/**
 * The typed error of the ClusterIP and NodePort allocators.
 * @packageDocumentation
 */
import { KubesimError } from '../errors.js';

/**
 * Why an allocation failed:
 * - `RangeFull`: no free value is left (upstream `ErrFull`);
 * - `AlreadyAllocated`: the requested value is taken (`ErrAllocated`);
 * - `NotInRange`: the requested value lies outside the range (`ErrNotInRange`);
 * - `NoTransaction`: `commit()` or `rollback()` without a matching `begin()`.
 */
export type AllocationErrorCode = 'RangeFull' | 'AlreadyAllocated' | 'NotInRange' | 'NoTransaction';

/**
 * An allocation was refused. The message is upstream's, e.g. `provided IP is already allocated`
 * or `provided port is not in the valid range. The range of valid ports is 30000-32767`
 * (pkg/registry/core/service/ipallocator/interfaces.go, portallocator/allocator.go).
 */
export class AllocationError extends KubesimError {
  declare readonly code: AllocationErrorCode;
}

/** Returns `err` when it is an {@link AllocationError}; rethrows anything else. */
export function asAllocationError(err: unknown): AllocationError {
  if (err instanceof AllocationError) return err;
  throw err;
}
