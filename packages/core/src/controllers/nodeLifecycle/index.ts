/**
 * The node lifecycle controller's pure parts: monitor timing, the Node and Pod status changes it
 * writes and the plans that write them, zone states and rates, and the per-zone tainting queues (§6.2–6.6). The simulation
 * drives them lazily from heartbeat changes.
 * @packageDocumentation
 */
export { defaultNodeLifecycleConfig } from './nodeLifecycleConfig.js';
export type { NodeLifecycleConfig } from './nodeLifecycleConfig.js';
export { firstPassAtOrAfter, unknownTransitionTime } from './monitorTiming.js';
export type { MonitorTimingConfig } from './monitorTiming.js';
export {
  nodeMarkedReady,
  nodeMarkedUnknown,
  withNoExecuteReadyTaint,
  withReadyNoScheduleTaint,
  withoutNoExecuteReadyTaints,
} from './nodeStatusChanges.js';
export {
  planLiftNoExecuteTaints,
  planNoExecuteTaint,
  planNodeRecovered,
  planNodeUnknown,
} from './nodeLifecyclePlans.js';
export {
  isPodTerminal,
  podKey,
  podMarkedFailed,
  podMarkedNotReady,
  withPodCondition,
} from './podConditions.js';
export {
  TAINT_NODE_NOT_READY,
  TAINT_NODE_OUT_OF_SERVICE,
  TAINT_NODE_UNREACHABLE,
  isNodeReady,
  nodeReadyStatus,
} from './taintKeys.js';
export {
  LABEL_EXCLUDE_DISRUPTION,
  LABEL_ZONE,
  computeZoneState,
  evictionRateFor,
  isExcludedFromDisruption,
  zoneOf,
} from './zoneState.js';
export type { EvictionRateConfig, ZoneState } from './zoneState.js';
export { ZoneDisruption } from './zoneDisruption.js';
export type { DisruptionOutcome, ZoneDisruptionConfig } from './zoneDisruption.js';
export { ZoneTaintQueue } from './zoneTaintQueue.js';
