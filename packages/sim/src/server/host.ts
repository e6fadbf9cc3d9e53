/**
 * What the API server needs from a simulation: its store, its clock and a way to move time.
 * @packageDocumentation
 */
import type { Store } from '@kubesim/core';

/**
 * The narrow seam between a {@link Simulation} and the HTTP API server. The server reads and
 * writes only through the store (admission, resourceVersion and watch events are the store's) and
 * moves time only through `advance`, so the simulation's trace never sees wall time.
 */
export interface ServeHost {
  /** The simulated API server's storage. */
  readonly store: Store;
  /** Virtual milliseconds since the start. */
  now(): number;
  /** Epoch ms of virtual time 0 (config `startTime`). */
  readonly startTime: number;
  /** Runs `fn` with writes traced under `cause` (e.g. `api/kubectl`). */
  withCause<T>(cause: string, fn: () => T): T;
  /** Moves virtual time forward by `ms`, running everything due. */
  advance(ms: number): void;
  /** The Eviction API for `namespace/name` (throws EvictionRefusedError when a budget forbids it). */
  evict(podKey: string): void;
}
