/**
 * The node lifecycle controller's driver in the simulation: lazy, scheduled from heartbeat
 * changes on the engine's clock. Its pure parts (monitor timing, status changes, zone states,
 * tainting queues), the taint eviction controller and the pod GC live in `@kubesim/core`.
 * @packageDocumentation
 */
export { NodeLifecycleController } from './nodeLifecycleController.js';
