/**
 * What the kubectl printers read from a simulation, and the virtual wall clock they print ages on.
 * @packageDocumentation
 */
import { parseTimestamp } from '@kubesim/core';
import type { Simulation } from '../simulation/types.js';

/**
 * The part of a {@link Simulation} the printers read (a Simulation is one); without `listInert`
 * custom kinds are not printed.
 */
export type KubectlSource = Pick<Simulation, 'now' | 'get' | 'list'> &
  Partial<Pick<Simulation, 'listInert'>>;

/** Options shared by `table` and `describe`. */
export interface KubectlClockOptions {
  /**
   * Epoch ms of virtual time 0 (config `startTime`), to compute ages. When absent it is read off
   * the `default` Namespace, which the bootstrap creates at virtual 0.
   * @defaultValue the `default` Namespace's creationTimestamp, else 2025-01-01T00:00:00Z
   */
  readonly startTime?: number;
}

/** 2025-01-01T00:00:00Z, the default config `startTime`. */
const DEFAULT_START_TIME_MS = 1_735_689_600_000;

/** The current virtual instant as epoch ms. */
export function nowEpoch(sim: KubectlSource, opts: KubectlClockOptions = {}): number {
  if (opts.startTime !== undefined) return opts.startTime + sim.now;
  const ns = sim.get('Namespace', 'default')?.metadata.creationTimestamp;
  const start = ns === undefined ? undefined : parseTimestamp(ns);
  return (start ?? DEFAULT_START_TIME_MS) + sim.now;
}
