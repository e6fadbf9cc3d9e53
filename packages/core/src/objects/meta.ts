/**
 * Metadata, selectors and small shared shapes of Kubernetes objects, in wire format.
 *
 * Two families throughout the object model:
 * - `…Input` types are the loose shape of a manifest as written: everything optional. Fields kubesim
 *   does not model are not declared, but they are kept at run time, never dropped. `kubernetes-types`
 *   objects are assignable to them.
 * - stored types are what the store returns after admission: defaulted fields are present.
 *
 * @packageDocumentation
 */

/** A field whose value is an integer or a string (`intstr.IntOrString`), e.g. `targetPort` or `maxSurge: '25%'`. */
export type IntOrString = number | string;

/** A resource quantity as written: `'250m'`, `'1.5'`, `'128Mi'`, `1`. See {@link parseQuantity}. */
export type QuantityInput = string | number;

/** Network protocol of a port. Defaulted to `TCP` by admission. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** A reference from an object to its owner (`metadata.ownerReferences[]`). */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** Loose form of {@link OwnerReference}. */
export interface OwnerReferenceInput {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** `metadata` of a manifest as written. */
export interface ObjectMetaInput {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
  deletionGracePeriodSeconds?: number;
  labels?: Readonly<Record<string, string>>;
  annotations?: Readonly<Record<string, string>>;
  ownerReferences?: readonly OwnerReferenceInput[];
  finalizers?: readonly string[];
}

/** `metadata` of a stored object: identity fields are always present. */
export interface ObjectMeta {
  name: string;
  /** Present on namespaced kinds, absent on cluster-scoped kinds (Node, Namespace). */
  namespace?: string;
  uid: string;
  resourceVersion: string;
  /** RFC 3339 timestamp of virtual time. */
  creationTimestamp: string;
  generation?: number;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  /** Set by a graceful delete: the instant after which the object may be removed (RFC 3339). */
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
}

/** `metadata` of a stored namespaced object. */
export interface NamespacedObjectMeta extends ObjectMeta {
  namespace: string;
}

/** One requirement of a structured label selector (`matchExpressions[]`). */
export interface LabelSelectorRequirement {
  key: string;
  /** Exactly `In`, `NotIn`, `Exists` or `DoesNotExist` (validated, case-sensitive). */
  operator: string;
  values?: readonly string[];
}

/**
 * A structured label selector (`metav1.LabelSelector`). `{}` selects everything; a missing (null)
 * selector selects nothing. See {@link labelSelectorToSelector}.
 */
export interface LabelSelector {
  matchLabels?: Readonly<Record<string, string>>;
  matchExpressions?: readonly LabelSelectorRequirement[];
}

/** A reference to another object (`targetRef` of an endpoint, `involvedObject` of an event). */
export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

/** The condition shape shared by most kinds (`status.conditions[]`). */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
  lastHeartbeatTime?: string;
  lastUpdateTime?: string;
  observedGeneration?: number;
}

/** Fields every manifest has, before admission. */
export interface KubeObjectInputBase {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMetaInput;
}
