/**
 * The kube-scheduler (§9): cache, filters, scores and the controller.
 * @packageDocumentation
 */
export { schedulerController, SchedulerConfigError } from './schedulerController.js';
export type { SchedulerController, SchedulerControllerConstraints } from './schedulerController.js';
export { SchedulerCache } from './schedulerCache.js';
export type { SchedulerCacheView } from './schedulerCache.js';
export type { NodeInfo, Allocatable } from './nodeInfo.js';
export { DEFAULT_MAX_PODS, allocatableOf } from './nodeInfo.js';
export {
  DEFAULT_MEMORY_REQUEST,
  DEFAULT_MILLI_CPU_REQUEST,
  podHostPorts,
  podRequests,
} from './podRequests.js';
export type { HostPort, PodRequests } from './podRequests.js';
export { toleratesTaint, tolerationsTolerate, firstUntoleratedTaint } from './tolerations.js';
export {
  podMatchesNodeSelectorAndAffinity,
  preferredAffinityWeight,
  requirementMatches,
  termMatches,
  termsMatch,
} from './nodeAffinity.js';
export {
  UNSCHEDULABLE_TAINT,
  nodeAffinityFilter,
  nodeNameFilter,
  nodePortsFilter,
  nodeResourcesFitFilter,
  nodeUnschedulableFilter,
  taintTolerationFilter,
} from './filters.js';
export { REASONS, untoleratedTaintReason } from './filterStatus.js';
export type { FilterFailure, FilterPlugin } from './filterStatus.js';
export {
  MAX_NODE_SCORE,
  SCORE_WEIGHTS,
  balancedAllocationScore,
  defaultNormalizeScore,
  intolerablePreferNoScheduleCount,
  leastAllocatedScore,
  nodeAffinityRawScore,
} from './scores.js';
export {
  HOSTNAME_LABEL,
  SYSTEM_DEFAULT_CONSTRAINTS,
  ZONE_LABEL,
  defaultSpreadSelectors,
  spreadConstraintsOf,
} from './spreadConstraints.js';
export type { SpreadConstraint } from './spreadConstraints.js';
export {
  podTopologySpreadFilter,
  podTopologySpreadScores,
  prepareSpreadFilter,
} from './podTopologySpread.js';
export type { SpreadFilterState } from './podTopologySpread.js';
export { numFeasibleNodesToFind } from './numFeasibleNodesToFind.js';
export { selectHost } from './selectHost.js';
export type { NodeScore } from './selectHost.js';
export {
  NO_PREEMPTION_VICTIMS,
  PREEMPTION_NOT_HELPFUL,
  failedSchedulingMessage,
  nodesAvailableMessage,
} from './failureMessage.js';
export type { PreemptionVerdict } from './failureMessage.js';
export { NO_NODES_MESSAGE, schedulePod, scoreNodes } from './schedulePod.js';
export type { ScheduleResult } from './schedulePod.js';
export {
  SchedulingQueue,
  UNSCHEDULABLE_FLUSH_CHECK_PERIOD,
  podBackoff,
  unschedulableFlushTime,
} from './schedulingQueue.js';
export type { QueueDecision, SchedulerTimings } from './schedulingQueue.js';
export { DEFAULT_SCHEDULER_NAME, needsScheduling } from './schedulerEvents.js';
