/**
 * Node (core/v1), Namespace (core/v1), Lease (coordination.k8s.io/v1) and Event (core/v1).
 * @packageDocumentation
 */
import type {
  Condition,
  KubeObjectInputBase,
  NamespacedObjectMeta,
  ObjectMeta,
  ObjectReference,
  QuantityInput,
} from './meta.js';

/** A node taint. */
export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  /** RFC 3339; set on NoExecute taints added by the node lifecycle controller. */
  timeAdded?: string;
}

/** The node spec as written. */
export interface NodeSpecInput {
  podCIDR?: string;
  podCIDRs?: readonly string[];
  unschedulable?: boolean;
  taints?: readonly { key?: string; value?: string; effect?: string; timeAdded?: string }[];
  providerID?: string;
}

/** The node spec after admission. */
export interface NodeSpec {
  podCIDR?: string;
  podCIDRs?: string[];
  unschedulable?: boolean;
  taints?: Taint[];
  providerID?: string;
}

/** Node status: capacity, allocatable, conditions, addresses. */
export interface NodeStatus {
  capacity?: Record<string, string>;
  allocatable?: Record<string, string>;
  conditions?: Condition[];
  addresses?: { type: string; address: string }[];
  nodeInfo?: Record<string, string>;
}

/** A Node manifest as written. */
export interface NodeInput extends KubeObjectInputBase {
  spec?: NodeSpecInput;
  status?: {
    capacity?: Readonly<Record<string, QuantityInput>>;
    allocatable?: Readonly<Record<string, QuantityInput>>;
    conditions?: readonly unknown[];
    addresses?: readonly { type?: string; address?: string }[];
  };
}

/** A stored Node (cluster-scoped). */
export interface Node {
  apiVersion: 'v1';
  kind: 'Node';
  metadata: ObjectMeta;
  spec: NodeSpec;
  status: NodeStatus;
}

/** A Namespace manifest as written. */
export interface NamespaceInput extends KubeObjectInputBase {
  spec?: { finalizers?: readonly string[] };
  status?: unknown;
}

/** A stored Namespace (cluster-scoped). */
export interface Namespace {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
  spec: { finalizers?: string[] };
  status: { phase: 'Active' | 'Terminating' };
}

/** A stored node Lease in `kube-node-lease`, renewed by the kubelet (§6.1). */
export interface Lease {
  apiVersion: 'coordination.k8s.io/v1';
  kind: 'Lease';
  metadata: NamespacedObjectMeta;
  spec: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    /** RFC 3339 with microseconds, like upstream's MicroTime. */
    renewTime?: string;
    acquireTime?: string;
  };
}

/** A stored Event (core/v1), as `kubectl describe` lists them. */
export interface Event {
  apiVersion: 'v1';
  kind: 'Event';
  metadata: NamespacedObjectMeta;
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source?: { component?: string; host?: string };
  firstTimestamp?: string;
  lastTimestamp?: string;
  count?: number;
}
