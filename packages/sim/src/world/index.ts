/**
 * The World: the internal state of one simulation. It is sealed: the class never leaves this
 * folder; `createWorld` hands the simulation a {@link WorldHandle}, and each part outside gets only
 * the narrow face it needs (traffic, faults, invariants, node agents).
 * @packageDocumentation
 */
import { World, type WorldOptions } from './world.js';
import type { WorldHandle } from './ports.js';

export type { ControllerDeps, WorldOptions } from './world.js';
export type {
  FaultHost,
  InvariantView,
  TrafficHost,
  UserWatch,
  WithCause,
  WorldHandle,
} from './ports.js';
export type {
  AgentHost,
  KubeletAgent,
  KubeletFactory,
  NodeAgent,
  ScheduledId,
} from './agentHost.js';
export type { Trace, TraceEntry } from './trace.js';

/** Builds the World of a new simulation. */
export function createWorld(options: WorldOptions): WorldHandle {
  return new World(options);
}
