/**
 * The simulated kubelet: pod start, probes, restarts, graceful termination and lease renewals,
 * one per node, computed lazily (DESIGN.md point 6).
 * @packageDocumentation
 */
export { Kubelet } from './kubelet.js';
export type { KubeletOptions } from './kubelet.js';
export {
  BEHAVIOR_ANNOTATION,
  DEFAULT_BEHAVIOR,
  parseBehavior,
  readBehaviorAnnotation,
  readBehaviorFields,
  resolveBehavior,
} from './behavior.js';
export type {
  FailureWindow,
  FailureWindowInput,
  PodBehavior,
  PodBehaviorInput,
} from './behavior.js';
export { BehaviorInvalidError } from './kubeletErrors.js';
export { PodIpPool } from './podIpPool.js';
export { LeaseClock } from './leaseClock.js';
export { restartDecision, shouldRestart } from './restartBackoff.js';
export type { BackoffEntry, RestartBackoffPolicy, RestartDecision } from './restartBackoff.js';
export { shutdownPlan } from './shutdownPlan.js';
export type { ShutdownInput, ShutdownPlan } from './shutdownPlan.js';
export { checkSucceeds, nextFlip } from './probeSchedule.js';
export type { ProbeOutcome, ProbeTiming } from './probeSchedule.js';
