/**
 * Node failure handling: the node lifecycle controller (lazy, driven by heartbeat changes), zone
 * disruption, the taint eviction controller and the pod garbage collector (§6).
 * @packageDocumentation
 */
export { NodeLifecycleController } from './nodeLifecycleController.js';
export { firstPassAtOrAfter, unknownTransitionTime } from './monitorTiming.js';
export type { MonitorTimingConfig } from './monitorTiming.js';
export {
  LABEL_EXCLUDE_DISRUPTION,
  LABEL_ZONE,
  computeZoneState,
  evictionRateFor,
  isExcludedFromDisruption,
  zoneOf,
} from './zoneState.js';
export type { EvictionRateConfig, ZoneState } from './zoneState.js';
export { ZoneTaintQueue } from './zoneTaintQueue.js';
export {
  TAINT_NODE_NOT_READY,
  TAINT_NODE_OUT_OF_SERVICE,
  TAINT_NODE_UNREACHABLE,
} from './taintKeys.js';
export { TAINT_EVICTION_CONTROLLER, taintEvictionController } from './taintEvictionController.js';
export { matchTolerations, minTolerationMs, toleratesTaint } from './tolerations.js';
export type { TolerationMatch } from './tolerations.js';
export {
  POD_GC_CONTROLLER,
  POD_GC_KEY,
  PodGcController,
  createPodGcController,
} from './podGcController.js';
export type { PodGcConfig } from './podGcController.js';
