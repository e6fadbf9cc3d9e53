/**
 * The kinds kubesim knows: the ones it simulates, with their stored types, and the real Kubernetes
 * kinds it stores inert so that a whole application's manifests load.
 * @packageDocumentation
 */
import type {
  Deployment,
  DeploymentInput,
  PodDisruptionBudget,
  PodDisruptionBudgetInput,
  ReplicaSet,
  ReplicaSetInput,
  StatefulSet,
  StatefulSetInput,
} from './apps.js';
import type { EndpointSlice, EndpointSliceInput, Endpoints, EndpointsInput } from './discovery.js';
import type { KubeObjectInputBase, ObjectMeta } from './meta.js';
import type { Event, Lease, Namespace, NamespaceInput, Node, NodeInput } from './node.js';
import type { Pod, PodInput } from './pod.js';
import type { Service, ServiceInput } from './service.js';

/** Stored type of every simulated kind, by kind name. */
export interface KindMap {
  Pod: Pod;
  Node: Node;
  Service: Service;
  EndpointSlice: EndpointSlice;
  Endpoints: Endpoints;
  Deployment: Deployment;
  ReplicaSet: ReplicaSet;
  StatefulSet: StatefulSet;
  PodDisruptionBudget: PodDisruptionBudget;
  Namespace: Namespace;
  Lease: Lease;
  Event: Event;
}

/** The name of a kind kubesim simulates. */
export type Kind = keyof KindMap;

/**
 * A stored object of a real Kubernetes kind that kubesim does not simulate (ConfigMap, Secret,
 * Ingress, …): kept as written, with validated and allocated metadata.
 */
export interface InertObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** Any stored object of a simulated kind. */
export type KubeObject = KindMap[Kind];

/** Any manifest as written. */
export type KubeObjectInput =
  | PodInput
  | ServiceInput
  | NodeInput
  | NamespaceInput
  | EndpointSliceInput
  | EndpointsInput
  | DeploymentInput
  | ReplicaSetInput
  | StatefulSetInput
  | PodDisruptionBudgetInput
  | KubeObjectInputBase;

/** What kubesim knows about a kind. */
export interface KindInfo {
  readonly kind: string;
  /** `group/version` or `version` for the core group. */
  readonly apiVersion: string;
  readonly namespaced: boolean;
  /** True for the kinds of {@link KindMap}; false for kinds stored inert. */
  readonly simulated: boolean;
  /** Older API versions a real cluster still serves for this kind (accepted as equivalent). */
  readonly alsoServedAs?: readonly string[];
}

const simulated: readonly KindInfo[] = [
  { kind: 'Pod', apiVersion: 'v1', namespaced: true, simulated: true },
  { kind: 'Node', apiVersion: 'v1', namespaced: false, simulated: true },
  { kind: 'Service', apiVersion: 'v1', namespaced: true, simulated: true },
  { kind: 'Endpoints', apiVersion: 'v1', namespaced: true, simulated: true },
  { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', namespaced: true, simulated: true },
  { kind: 'Deployment', apiVersion: 'apps/v1', namespaced: true, simulated: true },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', namespaced: true, simulated: true },
  { kind: 'StatefulSet', apiVersion: 'apps/v1', namespaced: true, simulated: true },
  { kind: 'PodDisruptionBudget', apiVersion: 'policy/v1', namespaced: true, simulated: true },
  { kind: 'Namespace', apiVersion: 'v1', namespaced: false, simulated: true },
  { kind: 'Lease', apiVersion: 'coordination.k8s.io/v1', namespaced: true, simulated: true },
  {
    kind: 'Event',
    apiVersion: 'v1',
    namespaced: true,
    simulated: true,
    alsoServedAs: ['events.k8s.io/v1'],
  },
];

// Real kinds served by a current (1.32–1.34) kube-apiserver that kubesim stores without simulating.
const inert: readonly KindInfo[] = [
  ['ConfigMap', 'v1', true],
  ['Secret', 'v1', true],
  ['ServiceAccount', 'v1', true],
  ['PersistentVolumeClaim', 'v1', true],
  ['PersistentVolume', 'v1', false],
  ['LimitRange', 'v1', true],
  ['ResourceQuota', 'v1', true],
  ['PodTemplate', 'v1', true],
  ['ReplicationController', 'v1', true],
  ['DaemonSet', 'apps/v1', true],
  ['ControllerRevision', 'apps/v1', true],
  ['Job', 'batch/v1', true],
  ['CronJob', 'batch/v1', true],
  ['HorizontalPodAutoscaler', 'autoscaling/v2', true, ['autoscaling/v1']],
  ['Ingress', 'networking.k8s.io/v1', true],
  ['IngressClass', 'networking.k8s.io/v1', false],
  ['NetworkPolicy', 'networking.k8s.io/v1', true],
  ['ServiceCIDR', 'networking.k8s.io/v1', false],
  ['IPAddress', 'networking.k8s.io/v1', false],
  ['StorageClass', 'storage.k8s.io/v1', false],
  ['CSIDriver', 'storage.k8s.io/v1', false],
  ['CSINode', 'storage.k8s.io/v1', false],
  ['CSIStorageCapacity', 'storage.k8s.io/v1', true],
  ['VolumeAttachment', 'storage.k8s.io/v1', false],
  ['Role', 'rbac.authorization.k8s.io/v1', true],
  ['RoleBinding', 'rbac.authorization.k8s.io/v1', true],
  ['ClusterRole', 'rbac.authorization.k8s.io/v1', false],
  ['ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', false],
  ['PriorityClass', 'scheduling.k8s.io/v1', false],
  ['RuntimeClass', 'node.k8s.io/v1', false],
  ['CustomResourceDefinition', 'apiextensions.k8s.io/v1', false],
  ['MutatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', false],
  ['ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', false],
  ['ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/v1', false],
  ['ValidatingAdmissionPolicyBinding', 'admissionregistration.k8s.io/v1', false],
  ['APIService', 'apiregistration.k8s.io/v1', false],
  ['CertificateSigningRequest', 'certificates.k8s.io/v1', false],
  ['FlowSchema', 'flowcontrol.apiserver.k8s.io/v1', false],
  ['PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1', false],
].map(([kind, apiVersion, namespaced, alsoServedAs]) => ({
  kind: kind as string,
  apiVersion: apiVersion as string,
  namespaced: namespaced as boolean,
  simulated: false,
  ...(alsoServedAs ? { alsoServedAs: alsoServedAs as readonly string[] } : {}),
}));

const byKind = new Map<string, KindInfo>([...simulated, ...inert].map((k) => [k.kind, k]));

/** Every kind kubesim accepts, simulated first, in a stable order. */
export const knownKinds: readonly KindInfo[] = [...simulated, ...inert];

/** The names of the simulated kinds. */
export const simulatedKinds: readonly Kind[] = simulated.map((k) => k.kind as Kind);

/** What kubesim knows of `kind`, or undefined if Kubernetes has no such kind. */
export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

/** True when `kind` is one kubesim simulates. */
export function isSimulatedKind(kind: string): kind is Kind {
  return byKind.get(kind)?.simulated === true;
}

/** True when `apiVersion` serves `info.kind` in a current cluster. */
export function servesApiVersion(info: KindInfo, apiVersion: string): boolean {
  return info.apiVersion === apiVersion || (info.alsoServedAs?.includes(apiVersion) ?? false);
}

/**
 * The store key of an object: `namespace/name` for namespaced kinds, `name` otherwise.
 */
export function objectKey(obj: { metadata: { name: string; namespace?: string } }): string {
  const ns = obj.metadata.namespace;
  return ns === undefined || ns === '' ? obj.metadata.name : `${ns}/${obj.metadata.name}`;
}

/**
 * Normalises a user-facing key: for a namespaced kind a bare `name` means `default/name`; for a
 * cluster-scoped kind the key is the name.
 */
export function normalizeKey(
  kind: string,
  key: string,
): { namespace?: string; name: string; key: string } {
  const namespaced = byKind.get(kind)?.namespaced ?? true;
  if (!namespaced) return { name: key, key };
  const slash = key.indexOf('/');
  if (slash < 0) return { namespace: 'default', name: key, key: `default/${key}` };
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1), key };
}
