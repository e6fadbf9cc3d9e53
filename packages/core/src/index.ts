/**
 * `@kubesim/core`: the pure Kubernetes model. No clock, no randomness of its own, no I/O.
 * @packageDocumentation
 */
export {
  isSimulatedKind,
  kindInfo,
  knownKinds,
  normalizeKey,
  objectKey,
  servesApiVersion,
  simulatedKinds,
} from './objects/index.js';
export type {
  Affinity,
  Condition,
  Container,
  ContainerInput,
  ContainerPort,
  ContainerPortInput,
  ContainerState,
  ContainerStatus,
  Deployment,
  DeploymentInput,
  DeploymentSpec,
  DeploymentSpecInput,
  DeploymentStatus,
  DeploymentStrategyInput,
  Endpoint,
  EndpointAddress,
  EndpointConditions,
  EndpointHints,
  EndpointPort,
  Endpoints,
  EndpointsInput,
  EndpointSlice,
  EndpointSliceInput,
  EndpointsPort,
  EndpointSubset,
  Event,
  InertObject,
  IntOrString,
  Kind,
  KindInfo,
  KindMap,
  KubeObject,
  KubeObjectInput,
  KubeObjectInputBase,
  LabelSelector,
  LabelSelectorRequirement,
  Lease,
  LifecycleInput,
  Namespace,
  NamespacedObjectMeta,
  NamespaceInput,
  Node,
  NodeInput,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  NodeSpec,
  NodeSpecInput,
  NodeStatus,
  ObjectMeta,
  ObjectMetaInput,
  ObjectReference,
  OwnerReference,
  OwnerReferenceInput,
  Pod,
  PodDisruptionBudget,
  PodDisruptionBudgetInput,
  PodDisruptionBudgetSpec,
  PodDisruptionBudgetSpecInput,
  PodDisruptionBudgetStatus,
  PodInput,
  PodPhase,
  PodSpec,
  PodSpecInput,
  PodStatus,
  PodTemplateSpec,
  PodTemplateSpecInput,
  Probe,
  ProbeHandlerInput,
  ProbeInput,
  Protocol,
  QuantityInput,
  ReplicaSet,
  ReplicaSetInput,
  ReplicaSetSpec,
  ReplicaSetSpecInput,
  ReplicaSetStatus,
  ResourceRequirementsInput,
  Service,
  ServiceInput,
  ServicePort,
  ServicePortInput,
  ServiceSpec,
  ServiceSpecInput,
  ServiceStatus,
  ServiceType,
  SessionAffinityConfig,
  StatefulSet,
  StatefulSetInput,
  StatefulSetSpec,
  StatefulSetSpecInput,
  StatefulSetStatus,
  Taint,
  Toleration,
  TopologySpreadConstraint,
} from './objects/index.js';
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
export { RunningHash } from './hash/runningHash.js';
export {
  NAME_SUFFIX_ALPHABET,
  NAME_SUFFIX_LENGTH,
  counterIdSource,
  seededRandomSource,
} from './sources.js';
export type { IdSource, RandomSource } from './sources.js';
export type { Requirement, Selector, SelectorOperator } from './selector/types.js';
export type { ClusterView, StoreEvent } from './store/view.js';
export type { Action, Controller, ForkContext, Plan } from './controllers/plan.js';
export { emptyPlan } from './controllers/plan.js';
export {
  everythingSelector,
  labelSelectorToSelector,
  matchesSet,
  nothingSelector,
  parseSelector,
  selectorEquals,
  selectorFromSet,
  validateLabelSelector,
} from './selector/index.js';
export {
  DNS1123_LABEL_MAX_LENGTH,
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  inclusiveRangeError,
  isCIDR,
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isIP,
  isIPv4,
  isIPv6,
  isLabelValue,
  isQualifiedName,
  isValidPathSegmentName,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  LABEL_VALUE_MAX_LENGTH,
  nameValidatorFor,
  POD_UPDATE_MESSAGE,
  TOTAL_ANNOTATION_SIZE_LIMIT_BYTES,
  validateAnnotations,
  validateLabels,
  validateObject,
  validateStatus,
  validateUpdate,
} from './validation/index.js';
export type { NameValidator } from './validation/index.js';
// Strict field validation (the API server's `fieldValidation`), used by the simulation and the
// HTTP server.
export {
  applyFieldValidation,
  deriveKnownFields,
  dropNullFields,
  dropUnknownFields,
  FIELD_VALIDATION_MODES,
  findInt32Overflows,
  findUnknownFields,
  KNOWN_FIELDS,
  StrictPatchError,
  UnmarshalError,
  unknownFieldText,
} from './validation/index.js';
export type {
  DefinitionsSpec,
  FieldChild,
  FieldValidationResult,
  Int32Overflow,
  KnownFieldTable,
} from './validation/index.js';
export {
  bytes,
  cpuMillis,
  parseQuantity,
  Quantity,
  QUANTITY_FORMAT_MESSAGE,
  QUANTITY_SUFFIX_MESSAGE,
  QuantityError,
} from './quantity/index.js';
export type { QuantityFormat } from './quantity/index.js';
export {
  BOOTSTRAP_NAMESPACES,
  ClusterReadModel,
  ClusterSnapshot,
  EVENT_SOURCE_COMPONENT,
  ForbiddenError,
  podGracePeriod,
  resolveClusterConfig,
  Store,
} from './store/index.js';
export { deepEqual } from './store/deepEqual.js';
export type {
  ApplyResult,
  DeleteOptions,
  EventRegarding,
  ListOptions,
  PropagationPolicy,
  RemoveOptions,
  StoreConstraints,
  StoredObject,
} from './store/index.js';
export { ShardedCowMap } from './store/shardedCowMap.js';
export {
  AllocationError,
  ClusterIPAllocator,
  clusterIPRangeOffset,
  defaultObject,
  intToIpv4,
  ipv4ToInt,
  NodePortAllocator,
  nodePortRangeOffset,
  parseIpv4Cidr,
  ServiceAllocators,
  withDefaultTolerationSeconds,
} from './admission/index.js';
export type { AllocationErrorCode, Ipv4Cidr, ServiceAdmission } from './admission/index.js';
export {
  addressTypeOf,
  addressTypesForService,
  ANNOTATION_LAST_CHANGE_TRIGGER_TIME,
  ANNOTATION_OVER_CAPACITY,
  ANNOTATION_TOPOLOGY_MODE,
  compareEndpoints,
  desiredSubsets,
  endpointKey,
  endpointPortsFor,
  endpointsController,
  endpointsEqualBeyondKey,
  ENDPOINTSLICE_CONTROLLER_NAME,
  createEndpointSliceController,
  endpointSliceController,
  endpointSliceMirroringController,
  findPort,
  hasManagedEndpoints,
  hintsModeOf,
  isPodReady,
  isServiceIpSet,
  LABEL_HEADLESS,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  LABEL_SKIP_MIRROR,
  MIRRORING_CONTROLLER_NAME,
  podAddresses,
  podEndpointsChanged,
  podToEndpoint,
  portsKey,
  reconcileEndpoints,
  reconcileEndpointSlices,
  reconcileMirroredSlices,
  shouldMirror,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  sliceLabelsFor,
  sortPorts,
} from './controllers/endpoints/index.js';
export type {
  EndpointsChange,
  EndpointSliceChanges,
  HintsMode,
  IpAddressType,
  MirroringChanges,
  ReconcileEndpointsInput,
  ReconcileEndpointSlicesInput,
  ReconcileMirroredSlicesInput,
} from './controllers/endpoints/index.js';
export {
  AffinityTable,
  categorizeEndpoints,
  chooseEndpoint,
  DEFAULT_AFFINITY_TIMEOUT_SECONDS,
  isUsableEndpoint,
  mergeSliceEndpoints,
  proxyEndpointId,
  ProxyState,
  resolveEndpointConditions,
  routeConnection,
  RouteRequestError,
  topologyModeFromHints,
  toProxyEndpoint,
} from './proxy/index.js';
export type {
  AffinityEntry,
  CategorizedEndpoints,
  CategorizeService,
  Frontend,
  FrontendKind,
  NodeAddressInfo,
  NodeLookup,
  ProxyEndpoint,
  ProxyEventType,
  ProxyNode,
  RouteRequest,
  RouteResult,
  RouteSource,
  TopologyMode,
} from './proxy/index.js';
export {
  DEFAULT_DNS_TTL,
  ipFromReverseName,
  parseTarget,
  POD_NDOTS,
  resolveDns,
  reverseNameOf,
  TargetParseError,
} from './dns/index.js';
export type {
  DnsAnswer,
  DnsQueryType,
  DnsRecord,
  ParsedTarget,
  ResolveDnsOptions,
  SrvData,
} from './dns/index.js';
export { parseManifests } from './manifest/index.js';
export type { ManifestLimits } from './manifest/index.js';
export { applyAction, createSyncDriver, reconcileToFixedPoint, WorkQueue } from './driver/index.js';
export type {
  ActionOutcome,
  ActionStore,
  EvictHandler,
  SyncDriver,
  SyncDriverConstraints,
  SyncDriverStore,
} from './driver/index.js';
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
export type {
  SchedulerCacheView,
  SchedulerController,
  SchedulerControllerConstraints,
} from './controllers/scheduler/index.js';
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
  planLiftNoExecuteTaints,
  planNoExecuteTaint,
  planNodeRecovered,
  planNodeUnknown,
  podMarkedNotReady,
  unknownTransitionTime,
  withNoExecuteReadyTaint,
  withReadyNoScheduleTaint,
  withoutNoExecuteReadyTaints,
  zoneOf,
} from './controllers/nodeLifecycle/index.js';
export type { NodeLifecycleConfig, ZoneState } from './controllers/nodeLifecycle/index.js';
export { NODE_IPAM_CONTROLLER, PodCidrBlocks, planPodCIDR } from './controllers/nodeIpam/index.js';
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
