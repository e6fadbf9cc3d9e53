/**
 * `@kubesim/sim`: a deterministic Kubernetes cluster in virtual time.
 * @packageDocumentation
 */
export { createSimulation } from './simulation/createSimulation.js';
export type {
  EndpointView,
  ListOptions,
  LoadBalancerView,
  NodeTemplate,
  Simulation,
  SimulationOptions,
  SimulationStats,
  WatchEvent,
  WatchOptions,
} from './simulation/types.js';
export type { Trace, TraceEntry } from './world/trace.js';
export { TRACE_FORMAT_VERSION } from './world/trace.js';
export type {
  ConnectRequest,
  ConnectResult,
  ConnectSource,
  LoadBalancerTarget,
} from './traffic/connect.js';
export type {
  EntryPathName,
  Metrics,
  OutcomeBucket,
  OutcomeCounts,
  OutcomeSeries,
  Series,
  ViaOptions,
  Window,
} from './traffic/metrics.js';
export type { CloudLoadBalancerOptions } from './external/externalTraffic.js';
export { INGRESS_NGINX_DEFAULTS } from './external/ingressNginx.js';
export type { IngressControllerOptions } from './external/ingressNginx.js';
export type { ServeHandle, ServeOptions } from './server/index.js';
export { fromClientNode } from './server/index.js';
export type { TrafficHandle, TrafficSpec } from './traffic/traffic.js';
export type { DrainHandle } from './simulation/drain.js';
export type {
  AppliedObject,
  ApplyOptions,
  ApplyResult,
  ApplyResultOf,
  ApplyWarning,
} from './simulation/applyManifests.js';
export type { FaultSpec, Faults } from './simulation/faults.js';
export {
  BudgetExceededError,
  computeZoneState,
  ConfigError,
  ConflictError,
  createDisruptionController,
  createPodGcController,
  deploymentController,
  DisruptionBudgetRefusedError,
  disruptionController,
  DRAIN_RETRY_INTERVAL_MS,
  evictionRateFor,
  EvictionRefusedError,
  evictPod,
  firstPassAtOrAfter,
  KubesimError,
  ManifestParseError,
  NotFoundError,
  PodGcController,
  podsToEvict,
  replicaSetController,
  ScenarioError,
  SchedulerCache,
  schedulerController,
  statefulSetController,
  taintEvictionController,
  unknownTransitionTime,
  ValidationError,
} from '@kubesim/core';
export type { DrainPlan, EvictionCause, SchedulerController, ZoneState } from '@kubesim/core';
export { NodeLifecycleController } from './nodelifecycle/index.js';
export { defaultSimConfig, resolveSimConfig } from './engine/index.js';
export type { SimConfig, SimConfigInput, DelayModel, DelayModelInput } from './engine/index.js';
export { SIM_ERROR_CODES } from './errorCodes.js';
export type { KubesimErrorCode, SimErrorCode } from './errorCodes.js';
export {
  DEMO_CRASHED_NODE,
  DEMO_SERVICE,
  DrainRefusedError,
  KUBESIM_VERSION,
  NondeterminismError,
  ROLLOUT_ANNOTATION,
  demoScenario,
  failureRecord,
  parseScenario,
  readFailureRecord,
  replayFailure,
  runScenario,
  validateScenario,
} from './scenario/index.js';
export type {
  ActionError,
  FailureRecord,
  ReplayResult,
  RunScenarioOptions,
  Scenario,
  ScenarioAction,
  ScenarioNodes,
  ScenarioResult,
  ScenarioTraffic,
} from './scenario/index.js';
export type { Invariant, InvariantFactory, Violation } from './invariants/index.js';
export { renderReport, DEFAULT_MAX_EVENTS } from './report/index.js';
export type { ReportInput } from './report/index.js';
export { KubectlUnsupportedError, describe, table } from './kubectl/index.js';
export type { KubectlClockOptions, KubectlSource, TableOptions } from './kubectl/index.js';
