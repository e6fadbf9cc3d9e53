/**
 * `@kubesim/core`: the pure Kubernetes model. No clock, no randomness of its own, no I/O.
 * @packageDocumentation
 */
export * from './objects/index.js';
export {
  AlreadyExistsError,
  BudgetExceededError,
  ConfigError,
  ConflictError,
  EvictionRefusedError,
  InvalidArgumentError,
  KubesimError,
  ManifestParseError,
  NotFoundError,
  ScenarioError,
  SelectorParseError,
  ValidationError,
  formatFieldIssue,
} from './errors.js';
export type { FieldIssue, FieldIssueType } from './errors.js';
export { CORE_ERROR_CODES } from './errorCodes.js';
export type { CoreErrorCode } from './errorCodes.js';
export { defaultClusterConfig, paranoidByDefault, setParanoidByDefault } from './config.js';
export type { ClusterConfig } from './config.js';
export {
  DEFAULT_START_TIME_MS,
  DurationParseError,
  formatDuration,
  formatMicroTimestamp,
  formatTimestamp,
  parseDuration,
  parseTimestamp,
} from './time.js';
export type { Duration } from './time.js';
export {
  NAME_SUFFIX_ALPHABET,
  NAME_SUFFIX_LENGTH,
  counterIdSource,
  seededRandomSource,
} from './sources.js';
export type { IdSource, RandomSource } from './sources.js';
export type { Requirement, Selector, SelectorOperator } from './selector/types.js';
export type { ClusterView, StoreEvent } from './store/view.js';
export type { Action, Controller, Plan } from './controllers/plan.js';
export { emptyPlan } from './controllers/plan.js';
export * from './selector/index.js';
export * from './validation/index.js';
export * from './quantity/index.js';
export * from './store/index.js';
export * from './admission/index.js';
export * from './controllers/endpoints/index.js';
export * from './proxy/index.js';
export * from './dns/index.js';
export * from './manifest/index.js';
export * from './driver/index.js';
export {
  DEFAULT_BACKOFF,
  ENDPOINTSLICE_BACKOFF,
  backoffDelay,
  nextPhase,
  nextPhaseAfter,
  probeDetectionTime,
  validateBackoffPolicy,
} from './timing/index.js';
export type { BackoffPolicy, ProbeDetectionInput } from './timing/index.js';
export { replicaSetController } from './controllers/replicaSet/index.js';
export { deploymentController } from './controllers/deployment/index.js';
export { statefulSetController } from './controllers/statefulSet/index.js';
export { SchedulerCache, schedulerController } from './controllers/scheduler/index.js';
export type { SchedulerController } from './controllers/scheduler/index.js';
export {
  DRAIN_RETRY_INTERVAL_MS,
  DisruptionBudgetRefusedError,
  canIgnorePdb,
  createDisruptionController,
  disruptionController,
  evictPod,
  podsToEvict,
  unhealthyPodMayGo,
} from './controllers/disruption/index.js';
export type { DrainPlan, EvictionCause } from './controllers/disruption/index.js';
export {
  LABEL_EXCLUDE_DISRUPTION,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_OUT_OF_SERVICE,
  TAINT_NODE_UNREACHABLE,
  ZoneDisruption,
  ZoneTaintQueue,
  computeZoneState,
  defaultNodeLifecycleConfig,
  evictionRateFor,
  firstPassAtOrAfter,
  nodeMarkedReady,
  nodeMarkedUnknown,
  nodeReadyStatus,
  podMarkedNotReady,
  unknownTransitionTime,
  withNoExecuteReadyTaint,
  withReadyNoScheduleTaint,
  withoutNoExecuteReadyTaints,
  zoneOf,
} from './controllers/nodeLifecycle/index.js';
export type { NodeLifecycleConfig, ZoneState } from './controllers/nodeLifecycle/index.js';
export {
  TAINT_EVICTION_CONTROLLER,
  matchTolerations,
  minTolerationMs,
  taintEvictionController,
  toleratesTaint,
} from './controllers/taintEviction/index.js';
export {
  POD_GC_CONTROLLER,
  POD_GC_KEY,
  PodGcController,
  createPodGcController,
  defaultPodGcConfig,
} from './controllers/podGc/index.js';
export type { PodGcConfig } from './controllers/podGc/index.js';
export * from './crd/index.js';
export {
  DEFAULT_INGRESS_CLASS_ANNOTATION,
  INGRESS_NGINX_CONTROLLER,
  LEGACY_INGRESS_CLASS_ANNOTATION,
  hostOnly,
  hostRank,
  ingressPathLength,
  matchesIngressHost,
  matchesIngressPath,
  pathTypeRank,
  routeIngressRequest,
  servesIngress,
} from './controllers/ingress/index.js';
export type {
  IngressClassObject,
  IngressObject,
  IngressPath,
  IngressPathType,
  IngressRequest,
  IngressRoute,
  IngressRule,
  IngressServiceBackend,
} from './controllers/ingress/index.js';
export {
  DEFAULT_LB_ADDRESS_POOL,
  EXCLUDE_FROM_LB_LABEL,
  LB_CLEANUP_FINALIZER,
  LB_REQUESTED_AT_ANNOTATION,
  TO_BE_DELETED_TAINT,
  createLoadBalancerController,
  firstFreeAddress,
  isIncludedInLoadBalancers,
  isLoadBalancerBackend,
  isUntaintedForDeletion,
  loadBalancerBackendNodes,
  nodeUpdateResyncsLoadBalancers,
  parseAddressPool,
  poolContains,
} from './controllers/loadBalancer/index.js';
export type {
  AddressPool,
  LoadBalancerControllerOptions,
} from './controllers/loadBalancer/index.js';
export {
  AWS_NLB_PRESET,
  AZURE_PRESET,
  DEFAULT_PRESET,
  GCE_PRESET,
  HEALTH_CHECK_PRESETS,
  KUBE_PROXY_HEALTHZ_PORT,
  KUBE_PROXY_HEALTH_TIMEOUT_MS,
  nextProbeAt,
  probeAnswer,
  proxyNodeEligible,
  viewFlip,
} from './controllers/loadBalancer/index.js';
export type {
  HealthCheckPreset,
  HealthCheckTiming,
  NodeProbeFacts,
  ProbeAnswer,
  ProbeTarget,
  ViewFlip,
} from './controllers/loadBalancer/index.js';
