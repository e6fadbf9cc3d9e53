/**
 * Pod (core/v1): the input shape of a manifest and the stored shape after admission.
 * @packageDocumentation
 */
import type {
  Condition,
  IntOrString,
  KubeObjectInputBase,
  LabelSelector,
  NamespacedObjectMeta,
  ObjectMetaInput,
  Protocol,
  QuantityInput,
} from './meta.js';

/** A container port as written. */
export interface ContainerPortInput {
  containerPort?: number;
  name?: string;
  protocol?: string;
  hostPort?: number;
  hostIP?: string;
}

/** A container port after admission (`protocol` defaulted to TCP). */
export interface ContainerPort {
  containerPort: number;
  name?: string;
  protocol: Protocol;
  hostPort?: number;
  hostIP?: string;
}

/** Resource requests and limits, e.g. `{ requests: { cpu: '250m', memory: '128Mi' } }`. */
export interface ResourceRequirementsInput {
  requests?: Readonly<Record<string, QuantityInput>>;
  limits?: Readonly<Record<string, QuantityInput>>;
}

/** A probe handler kubesim recognises. The check itself is simulated (see the kubelet behaviour annotation). */
export interface ProbeHandlerInput {
  exec?: { command?: readonly string[] };
  httpGet?: { path?: string; port?: IntOrString; host?: string; scheme?: string };
  tcpSocket?: { port?: IntOrString; host?: string };
  grpc?: { port?: number; service?: string };
}

/** A probe as written. Absent timings are defaulted by admission (§5.5: 0, 10, 1, 1, 3). */
export interface ProbeInput extends ProbeHandlerInput {
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

/** A probe after admission: every timing present. */
export interface Probe extends ProbeHandlerInput {
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
  terminationGracePeriodSeconds?: number;
}

/** Lifecycle hooks; kubesim models the duration of `preStop`. */
export interface LifecycleInput {
  preStop?: ProbeHandlerInput & { sleep?: { seconds?: number } };
  postStart?: ProbeHandlerInput & { sleep?: { seconds?: number } };
}

/** A container as written. */
export interface ContainerInput {
  name?: string;
  image?: string;
  ports?: readonly ContainerPortInput[];
  resources?: ResourceRequirementsInput;
  readinessProbe?: ProbeInput;
  livenessProbe?: ProbeInput;
  startupProbe?: ProbeInput;
  lifecycle?: LifecycleInput;
  /** `Always` on an init container makes it a restartable sidecar. */
  restartPolicy?: string;
  command?: readonly string[];
  args?: readonly string[];
}

/** A container after admission. */
export interface Container {
  name: string;
  image?: string;
  ports?: ContainerPort[];
  resources?: ResourceRequirementsInput;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: LifecycleInput;
  restartPolicy?: string;
  command?: string[];
  args?: string[];
}

/** A toleration (`spec.tolerations[]`). */
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** A node selector requirement (supports Gt/Lt, unlike label selectors). */
export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: readonly string[];
}

/** A node selector term: expressions and fields ANDed. */
export interface NodeSelectorTerm {
  matchExpressions?: readonly NodeSelectorRequirement[];
  matchFields?: readonly NodeSelectorRequirement[];
}

/** Affinity as far as the scheduler models it. */
export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: {
      nodeSelectorTerms?: readonly NodeSelectorTerm[];
    };
    preferredDuringSchedulingIgnoredDuringExecution?: readonly {
      weight?: number;
      preference?: NodeSelectorTerm;
    }[];
  };
  podAffinity?: unknown;
  podAntiAffinity?: unknown;
}

/** A topology spread constraint. */
export interface TopologySpreadConstraint {
  maxSkew?: number;
  topologyKey?: string;
  whenUnsatisfiable?: string;
  labelSelector?: LabelSelector;
  minDomains?: number;
}

/** The pod spec as written. */
export interface PodSpecInput {
  containers?: readonly ContainerInput[];
  initContainers?: readonly ContainerInput[];
  nodeName?: string;
  nodeSelector?: Readonly<Record<string, string>>;
  affinity?: Affinity;
  tolerations?: readonly Toleration[];
  topologySpreadConstraints?: readonly TopologySpreadConstraint[];
  restartPolicy?: string;
  terminationGracePeriodSeconds?: number;
  activeDeadlineSeconds?: number;
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
  dnsPolicy?: string;
  schedulerName?: string;
  priority?: number;
  priorityClassName?: string;
  readinessGates?: readonly { conditionType?: string }[];
  serviceAccountName?: string;
}

/** The pod spec after admission. */
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  tolerations: Toleration[];
  topologySpreadConstraints?: TopologySpreadConstraint[];
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds: number;
  activeDeadlineSeconds?: number;
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
  dnsPolicy: string;
  schedulerName: string;
  priority?: number;
  priorityClassName?: string;
  readinessGates?: { conditionType: string }[];
  serviceAccountName?: string;
}

/** Pod phase (§5.1). */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** A container's state as the kubelet reports it. */
export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: {
    exitCode: number;
    reason?: string;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
    signal?: number;
  };
}

/** `status.containerStatuses[]`. */
export interface ContainerStatus {
  name: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  image?: string;
  imageID?: string;
  containerID?: string;
  state: ContainerState;
  lastState?: ContainerState;
}

/** Pod status. Conditions: PodScheduled, PodReadyToStartContainers, Initialized, ContainersReady, Ready, DisruptionTarget. */
export interface PodStatus {
  phase: PodPhase;
  conditions?: Condition[];
  podIP?: string;
  podIPs?: { ip: string }[];
  hostIP?: string;
  hostIPs?: { ip: string }[];
  startTime?: string;
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
  reason?: string;
  message?: string;
  nominatedNodeName?: string;
  qosClass?: string;
}

/** A pod template (`spec.template` of workloads) as written. */
export interface PodTemplateSpecInput {
  metadata?: ObjectMetaInput;
  spec?: PodSpecInput;
}

/** A pod template after admission (its pod spec defaulted). */
export interface PodTemplateSpec {
  metadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    name?: string;
    generateName?: string;
  };
  spec: PodSpec;
}

/** A Pod manifest as written. */
export interface PodInput extends KubeObjectInputBase {
  spec?: PodSpecInput;
  status?: unknown;
}

/** A stored Pod. */
export interface Pod {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: NamespacedObjectMeta;
  spec: PodSpec;
  status: PodStatus;
}
